import type { ComplaintState } from '../../schema/complaint';
import { requiredApprover } from '../authority';
import { restartClock, stopClock } from '../clocks';
import { applySeverity } from '../severity';
import type { PayloadOf } from '../../schema/event';
import { type Refusal, type WorkflowEnv, refuse } from '../types';
import { type Handler, done, isBlank, lift } from './step';
import { OTHER_CAUSE, lateReplyDue } from '../resolution-rules';

export { OTHER_CAUSE, lateReplyDue };

/**
 * R-CAUSE-1: a root cause is a code of `policy.rootCauses`; `other` (or a text without a code,
 * as written before codes existed) needs the text. The company's fault needs one.
 */
function checkRootCause(p: PayloadOf<'resolutionProposed'>, env: WorkflowEnv): Refusal | null {
  const code = p.rootCauseCode;
  if (code !== undefined && !env.policy.rootCauses.some((c) => c.code === code)) {
    return refuse('workflow.resolution.unknownRootCause', { code });
  }
  const needsText = code === OTHER_CAUSE || (code === undefined && p.responsibility === 'company');
  return needsText && isBlank(p.rootCause) ? refuse('workflow.resolution.rootCauseRequired') : null;
}

/**
 * R-SHARE-1: responsibility shared between departments (the company's fault only): known
 * departments, each once, ratios summing to 1.
 */
function checkShares(p: PayloadOf<'resolutionProposed'>, env: WorkflowEnv): Refusal | null {
  if (!p.shares) return null;
  if (p.responsibility !== 'company') return refuse('workflow.resolution.sharesNeedCompany');
  const seen = new Set<string>();
  let sum = 0;
  for (const s of p.shares) {
    if (!env.policy.departments.some((d) => d.code === s.department)) {
      return refuse('workflow.unknownDepartment', { department: s.department });
    }
    if (seen.has(s.department)) return refuse('workflow.resolution.sharesInvalid');
    seen.add(s.department);
    sum += s.ratio;
  }
  return Math.abs(sum - 1) > 1e-9 ? refuse('workflow.resolution.sharesInvalid') : null;
}

/**
 * Rule 3: responsibility is recorded before any reply; the company's fault needs a root cause and
 * a corrective action; unclear goes to the top tier. Rule 4: an offer above the proposer's limit
 * waits for the lowest role whose limit covers it.
 */
export const resolutionProposed: Handler<'resolutionProposed'> = (state, event, env) => {
  const p = event.payload;
  if (isBlank(p.description)) return refuse('workflow.resolution.descriptionRequired');
  const cause = checkRootCause(p, env);
  if (cause) return cause;
  if (p.responsibility === 'company') {
    if (isBlank(p.correctiveAction)) return refuse('workflow.resolution.correctiveActionRequired');
  }
  const shares = checkShares(p, env);
  if (shares) return shares;
  if (p.type === 'compensation' && p.amount === undefined) {
    return refuse('workflow.resolution.amountRequired');
  }
  // Limits are in the organisation's currency; another currency cannot be judged against them.
  if (p.currency !== undefined && p.currency !== env.policy.currency) {
    return refuse('workflow.resolution.currency', {
      currency: p.currency,
      expected: env.policy.currency,
    });
  }
  const approver = requiredApprover(p, event.actor.role, env.policy);
  if (!approver.ok) return refuse('workflow.resolution.beyondAuthority', { amount: p.amount ?? 0 });

  const next: ComplaintState = {
    ...state,
    status: approver.role ? 'awaiting_approval' : 'resolution_proposed',
    resolution: {
      type: p.type,
      amount: p.amount,
      currency: p.amount !== undefined ? (p.currency ?? env.policy.currency) : undefined,
      responsibility: p.responsibility,
      rootCauseCode: p.rootCauseCode,
      rootCause: p.rootCause,
      correctiveAction: p.correctiveAction,
      shares: p.shares,
      description: p.description,
      proposedBy: event.actor,
      at: event.at,
      requiredRole: approver.role,
    },
  };
  const step = applySeverity({ state: next, effects: [] }, event.at, env);
  if (!approver.role) return lift(step);
  return lift({
    ...step,
    effects: [{ type: 'approvalRequired', role: approver.role }, ...step.effects],
  });
};

/** The guard checked the approver's rank and limit. */
export const approved: Handler<'approved'> = (state, event) => {
  if (!state.resolution) return refuse('workflow.reply.resolutionRequired');
  return done({
    ...state,
    status: 'resolution_proposed',
    resolution: { ...state.resolution, approvedBy: event.actor, approvedAt: event.at },
  });
};

/** The proposal is void; the handler investigates again and proposes anew. */
export const approvalRejected: Handler<'approvalRejected'> = (state, event, env) => {
  if (isBlank(event.payload.reason)) return refuse('workflow.reasonRequired');
  const next: ComplaintState = { ...state, status: 'in_progress', resolution: undefined };
  return lift(applySeverity({ state: next, effects: [] }, event.at, env));
};

/**
 * The customer is told the outcome: reply and progress clocks stop, the callback clock starts.
 * After the reply target a written reason is required (docs/rules.md §5, reply clock).
 */
export const replied: Handler<'replied'> = (state, event, env) => {
  const r = state.resolution;
  if (!r) return refuse('workflow.reply.resolutionRequired');
  if (r.requiredRole && !r.approvedBy) return refuse('workflow.reply.approvalPending');
  if (isBlank(event.payload.message)) return refuse('workflow.reply.messageRequired');
  const { lateReason } = event.payload;
  const due = lateReplyDue(state, event.at, env);
  if (due !== undefined && isBlank(lateReason)) {
    return refuse('workflow.reply.lateReasonRequired', { due });
  }
  let stopped = stopClock(stopClock(state.clocks, 'reply', event.at), 'progress', event.at);
  stopped = stopClock(stopped, 'feedback', event.at);
  return done({
    ...state,
    status: 'replied',
    repliedAt: event.at,
    replyLateReason: isBlank(lateReason) ? undefined : lateReason,
    // Nobody to call back on an anonymous complaint, so no callback deadline either.
    clocks: state.replyPossible ? restartClock(stopped, 'callback', event.at) : stopped,
  });
};
