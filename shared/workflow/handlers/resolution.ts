import type { ComplaintState } from '../../schema/complaint';
import { requiredApprover } from '../authority';
import { restartClock, stopClock } from '../clocks';
import { applySeverity } from '../severity';
import { computeDeadlines } from '../../sla/index';
import { type WorkflowEnv, refuse } from '../types';
import { type Handler, done, isBefore, isBlank, lift } from './step';

/**
 * Rule 3: responsibility is recorded before any reply; the company's fault needs a root cause and
 * a corrective action; unclear goes to the top tier. Rule 4: an offer above the proposer's limit
 * waits for the lowest role whose limit covers it.
 */
export const resolutionProposed: Handler<'resolutionProposed'> = (state, event, env) => {
  const p = event.payload;
  if (isBlank(p.description)) return refuse('workflow.resolution.descriptionRequired');
  if (p.responsibility === 'company') {
    if (isBlank(p.rootCause)) return refuse('workflow.resolution.rootCauseRequired');
    if (isBlank(p.correctiveAction)) return refuse('workflow.resolution.correctiveActionRequired');
  }
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
      rootCause: p.rootCause,
      correctiveAction: p.correctiveAction,
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

/** The running reply clock's due time (agreed or computed), as an ISO instant. */
function replyDueAt(state: ComplaintState, env: WorkflowEnv): string | undefined {
  const span = state.clocks.reply;
  if (!span || span.stoppedAt !== undefined) return undefined;
  const reply = { ...state, clocks: { reply: span } };
  return computeDeadlines(
    reply,
    new Date(span.startedAt),
    env.policy,
    env.calendar,
  ).clocks[0]?.dueAt.toISOString();
}

/**
 * The customer is told the outcome: reply and progress clocks stop, the callback clock starts.
 * After the reply target a written reason is required (domain.md §5, reply clock).
 */
export const replied: Handler<'replied'> = (state, event, env) => {
  const r = state.resolution;
  if (!r) return refuse('workflow.reply.resolutionRequired');
  if (r.requiredRole && !r.approvedBy) return refuse('workflow.reply.approvalPending');
  if (isBlank(event.payload.message)) return refuse('workflow.reply.messageRequired');
  const { lateReason } = event.payload;
  const due = replyDueAt(state, env);
  if (due !== undefined && isBefore(due, event.at) && isBlank(lateReason)) {
    return refuse('workflow.reply.lateReasonRequired', { due });
  }
  const stopped = stopClock(stopClock(state.clocks, 'reply', event.at), 'progress', event.at);
  return done({
    ...state,
    status: 'replied',
    repliedAt: event.at,
    replyLateReason: isBlank(lateReason) ? undefined : lateReason,
    // Nobody to call back on an anonymous complaint, so no callback deadline either.
    clocks: state.replyPossible ? restartClock(stopped, 'callback', event.at) : stopped,
  });
};
