import type { Policy } from '../policy/policy';
import type { Actor } from '../schema/event';
import type { EventType } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';

/** Why someone may not write to a case; both are message keys (`access.*`). */
export type AccessReason = 'access.leadOnly' | 'access.notYours';

export type AccessDecision = { ok: true } | { ok: false; reason: AccessReason };

/** Who a case is assigned to, if to a person (a department alone is nobody's yet). */
export function caseOwner(
  state: Pick<ComplaintState, 'assignment'> | undefined,
): { id?: string; name?: string } | undefined {
  const a = state?.assignment;
  if (!a || (!a.handlerId && !a.handlerName)) return undefined;
  return { id: a.handlerId, name: a.handlerName };
}

/** Whether the case is assigned to `actor`: by id, or by name where the assignment has no id. */
export function isOwnCase(
  actor: Pick<Actor, 'id' | 'name'>,
  state: Pick<ComplaintState, 'assignment'> | undefined,
): boolean {
  const owner = caseOwner(state);
  if (!owner) return false;
  return owner.id ? owner.id === actor.id : owner.name === actor.name;
}

/**
 * Whether `actor` may append an event of `type` to the case `state` (undefined: not created
 * yet), judged on responsibility alone — the workflow's `permissions` and status rules still
 * apply. Roles in `policy.caseAccess.anyCase` act on every case; the others act on cases
 * assigned to them and unassigned ones (taking them), and never append a `leadOnly` event.
 */
export function mayAct(
  actor: Pick<Actor, 'id' | 'name' | 'role'>,
  state: Pick<ComplaintState, 'assignment'> | undefined,
  type: EventType,
  policy: Pick<Policy, 'caseAccess'>,
): AccessDecision {
  const { anyCase, leadOnly } = policy.caseAccess;
  if (anyCase.includes(actor.role)) return { ok: true };
  if (leadOnly.includes(type)) return { ok: false, reason: 'access.leadOnly' };
  if (!caseOwner(state) || isOwnCase(actor, state)) return { ok: true };
  return { ok: false, reason: 'access.notYours' };
}
