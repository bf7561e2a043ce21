import { type ActorRole, EVENT_TYPES, type EventType } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { guard } from './guard';
import type { WorkflowReason } from './reasons';
import { workflowEnv } from './env';
import type { ReasonParams, WorkflowContext } from './types';

/** Whether an action is offered, and if not, why (a message key). */
export type ActionCheck =
  | { allowed: true }
  | { allowed: false; reason: WorkflowReason; params?: ReasonParams };

/** One row of `availableActions`. */
export type AvailableAction = { type: EventType } & ActionCheck;

/**
 * Whether a role may append an event of `type` in this state, judged without a payload
 * (permissions, status, approval authority, escalation top, verdict rights). The event itself
 * may still be refused for its payload (recusal, missing reason, callback too early…).
 */
export function canApply(
  state: ComplaintState | undefined,
  type: EventType,
  role: ActorRole,
  ctx: WorkflowContext = {},
): ActionCheck {
  const refused = guard(state, type, role, workflowEnv(ctx));
  if (!refused) return { allowed: true };
  return refused.params
    ? { allowed: false, reason: refused.reason, params: refused.params }
    : { allowed: false, reason: refused.reason };
}

/** Every event type with whether `actor` may append it now: for buttons and their tooltips. */
export function availableActions(
  state: ComplaintState | undefined,
  actor: { role: ActorRole },
  ctx: WorkflowContext = {},
): AvailableAction[] {
  return EVENT_TYPES.map((type) => ({ type, ...canApply(state, type, actor.role, ctx) }));
}
