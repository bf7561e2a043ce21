import type { Policy } from '../policy/policy';
import type { Role, SeverityLevel } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import type { BusinessCalendar } from '../sla/index';
import type { ReviewReason, WorkflowReason } from './reasons';

/** What the workflow needs besides the state and the event; defaults to `defaultPolicy`. */
export interface WorkflowContext {
  policy?: Policy;
  /** Defaults to `policy.calendar`. */
  calendar?: BusinessCalendar;
}

/** The context with its defaults filled in. */
export interface WorkflowEnv {
  policy: Policy;
  calendar: BusinessCalendar;
}

/**
 * Something the shell should do because an event was accepted; `transition` only returns it.
 * Replaying a log returns the same effects again, so shells run them once per event id.
 */
export type Effect =
  /** Registered (or later raised) at L3/L4: alert supervisors now. */
  | { type: 'alertSevere'; level: SeverityLevel }
  /** Out of hours and urgent (or L3+): alert the on-call leader now (docs/rules.md §1). */
  | { type: 'alertOnCall' }
  /** The proposal waits for someone with this role (or above) and enough authority. */
  | { type: 'approvalRequired'; role: Role }
  /** The case moved up to escalation tier `tier`, overseen by `role`. */
  | { type: 'escalated'; tier: number; role: Role }
  /** Put the case in the supervisor queue (docs/rules.md §6). */
  | { type: 'supervisorReview'; why: ReviewReason }
  /** A new handling round started. */
  | { type: 'reopened'; round: number };

/** Parameters of a refusal's message. */
export type ReasonParams = Record<string, string | number>;

/** A refused event: a message key and its parameters. */
export interface Refusal {
  ok: false;
  reason: WorkflowReason;
  params?: ReasonParams;
}

/** The result of applying one event. */
export type TransitionResult = { ok: true; state: ComplaintState; effects: Effect[] } | Refusal;

/** Builds a refusal. */
export function refuse(reason: WorkflowReason, params?: ReasonParams): Refusal {
  return params ? { ok: false, reason, params } : { ok: false, reason };
}
