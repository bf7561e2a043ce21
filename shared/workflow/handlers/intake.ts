import { CHANNELS, type Channel } from '../../schema/codes';
import type { ComplaintState } from '../../schema/complaint';
import type { Actor } from '../../schema/event';
import { type Draft, type Registration, RegistrationSchema } from '../../schema/registration';
import { severityAtLeast } from '../../severity/index';
import { isOutOfHours } from '../../sla/index';
import { applySeverity, raiseTier } from '../severity';
import { type WorkflowEnv, refuse } from '../types';
import { type Handler, type Step, done, lift } from './step';

/** A category's default responsible department (policy), if the category is known. */
export function departmentFor(category: string | undefined, env: WorkflowEnv): string | undefined {
  return env.policy.categories.find((c) => c.code === category)?.department;
}

/** The fields a record decides; the rest of the state is the workflow's own. */
function fromRecord(record: Draft | Registration, receivedAt: string, env: WorkflowEnv) {
  const channel: Channel =
    record.channel && CHANNELS.includes(record.channel) ? record.channel : 'other';
  return {
    record,
    receivedAt,
    channel,
    urgent: record.urgent ?? false,
    vip: record.vip,
    replyPossible: !(record.complainant?.anonymous ?? false),
    category: record.category,
    department: departmentFor(record.category, env),
  };
}

function newComplaint(
  id: string,
  at: string,
  actor: Actor,
  record: Draft | Registration,
  receivedAt: string,
  env: WorkflowEnv,
): ComplaintState {
  return {
    id,
    status: 'draft',
    round: 1,
    tier: 0,
    version: 0,
    ...fromRecord(record, receivedAt, env),
    firstResponder: actor,
    severity: { level: 'L1', assessed: { level: 'L1', reasons: [] } },
    secondComplaint: false,
    reassignCount: 0,
    callbacks: [],
    unsatisfiedCount: 0,
    extensions: [],
    escalations: [],
    notes: 0,
    updatedAt: at,
    clocks: { forward: { startedAt: receivedAt } },
  };
}

/** Out of hours and urgent (L3+ always is): the on-call leader must hear now (docs/rules.md §1). */
function needsOnCall(state: ComplaintState, env: WorkflowEnv): boolean {
  const urgent = state.urgent || severityAtLeast(state.severity.level, 'L3');
  return urgent && isOutOfHours(new Date(state.receivedAt), env.calendar);
}

/** Alerts on-call once: when the need first appears (capture, draft edit or registration). */
function withOnCall(prev: ComplaintState | undefined, step: Step, env: WorkflowEnv): Step {
  if (!needsOnCall(step.state, env) || (prev && needsOnCall(prev, env))) return step;
  return { ...step, effects: [...step.effects, { type: 'alertOnCall' }] };
}

export const captured: Handler<'captured'> = (_state, event, env) => {
  const { draft } = event.payload;
  const state = newComplaint(
    event.complaintId,
    event.at,
    event.actor,
    draft,
    draft.receivedAt ?? event.at,
    env,
  );
  return withOnCall(undefined, lift(applySeverity({ state, effects: [] }, event.at, env)), env);
};

export const draftUpdated: Handler<'draftUpdated'> = (state, event, env) => {
  const { draft } = event.payload;
  const receivedAt = draft.receivedAt ?? state.receivedAt;
  const next: ComplaintState = {
    ...state,
    ...fromRecord(draft, receivedAt, env),
    clocks: { ...state.clocks, forward: { startedAt: receivedAt } },
  };
  return withOnCall(state, lift(applySeverity({ state: next, effects: [] }, event.at, env)), env);
};

/**
 * Registration validates the full record (required fields, read-back for phone/walk-in) and
 * starts the clocks. Allowed from a draft or from nothing (web-form intake, manual entry).
 */
export const registered: Handler<'registered'> = (state, event, env) => {
  const p = event.payload;
  const parsed = RegistrationSchema.safeParse(p.record);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'record'))];
    return refuse('workflow.register.invalid', { fields: fields.join(', ') });
  }
  const record = parsed.data;
  const base =
    state ?? newComplaint(event.complaintId, event.at, event.actor, record, record.receivedAt, env);
  const next: ComplaintState = {
    ...base,
    ...fromRecord(record, record.receivedAt, env),
    status: 'registered',
    registeredAt: event.at,
    caseNumber: p.caseNumber,
    caseNumberIssuer: p.caseNumber ? (p.caseNumberIssuer ?? 'local') : undefined,
    agentLevel: p.agentLevel,
    secondComplaint: p.secondComplaintOf !== undefined,
    secondComplaintOf: p.secondComplaintOf,
    clocks: {
      forward: { startedAt: record.receivedAt },
      reply: { startedAt: event.at },
      progress: { startedAt: event.at },
      // R-CLOSE-1: from registration, or from the first responder's acceptance (receipt).
      close: {
        startedAt: env.policy.closeClockFrom === 'acceptance' ? record.receivedAt : event.at,
      },
      // R-FEEDBACK-1: the next feedback promised at intake is due when promised.
      ...(record.nextFeedbackAt
        ? { feedback: { startedAt: event.at, agreedDueAt: record.nextFeedbackAt } }
        : {}),
    },
  };
  let step = applySeverity({ state: next, effects: [] }, event.at, env, { registration: true });
  // Rule 7: a second complaint is overseen at least one tier up.
  if (next.secondComplaint) step = raiseTier(step, 1, 'secondComplaint', event.at, env);
  return withOnCall(state, lift(step), env);
};

export const caseNumberAssigned: Handler<'caseNumberAssigned'> = (state, event) =>
  done({ ...state, caseNumber: event.payload.caseNumber, caseNumberIssuer: event.payload.issuer });
