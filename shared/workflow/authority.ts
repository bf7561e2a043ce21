import type { Policy } from '../policy/policy';
import { type ActorRole, ROLES, type Responsibility, type Role } from '../schema/codes';

/** A role's rank, lowest authority first (codes.ts `ROLES` order); `system` ranks below all. */
export function roleRank(role: ActorRole): number {
  return ROLES.indexOf(role as Role);
}

/** A role's limit from the policy (docs/rules.md §4 rule 4); `Infinity` for no limit. */
export function approvalLimit(role: ActorRole, policy: Policy): number {
  if (role === 'system') return 0;
  const limit = policy.approvalLimits[role];
  return limit === null ? Number.POSITIVE_INFINITY : (limit ?? 0);
}

/**
 * Whether `role` may offer `amount` on its own. A limit is inclusive ("up to 5,000") unless the
 * policy lists the role in `approvalBelow`: then the limit is where the next tier takes over
 * ("5万元及以上" goes to the manager, so a supervisor approves below 50,000).
 */
export function withinApprovalLimit(role: ActorRole, amount: number, policy: Policy): boolean {
  const limit = approvalLimit(role, policy);
  return role !== 'system' && policy.approvalBelow.includes(role)
    ? amount < limit
    : amount <= limit;
}

/** Roles allowed to append `approved`, lowest first. */
function approverRoles(policy: Policy): Role[] {
  return ROLES.filter((r) => policy.permissions.approved.includes(r));
}

/** The highest escalation tier's role: who decides when responsibility is unclear (rule 3). */
export function topTierRole(policy: Policy): Role {
  return policy.escalationTiers[policy.escalationTiers.length - 1] ?? 'manager';
}

export type ApproverResult = { ok: true; role?: Role } | { ok: false };

/**
 * Who must approve a proposal, if anyone: the lowest approver role whose limit covers an amount
 * above the proposer's own limit (rule 4), and at least the top tier when responsibility is
 * unclear (rule 3) unless the proposer already ranks there. `ok: false` when no role's limit
 * covers the amount — nobody may promise it.
 */
export function requiredApprover(
  proposal: { amount?: number; responsibility: Responsibility },
  proposer: ActorRole,
  policy: Policy,
): ApproverResult {
  let role: Role | undefined;
  const { amount } = proposal;
  if (amount !== undefined && !withinApprovalLimit(proposer, amount, policy)) {
    role = approverRoles(policy).find((r) => withinApprovalLimit(r, amount, policy));
    if (!role) return { ok: false };
  }
  if (proposal.responsibility === 'unclear') {
    const top = topTierRole(policy);
    if (roleRank(proposer) < roleRank(top) && (!role || roleRank(role) < roleRank(top))) role = top;
  }
  return role ? { ok: true, role } : { ok: true };
}

/** Whether `role` may approve: it ranks at least `requiredRole` and its limit covers the amount. */
export function canApprove(
  role: ActorRole,
  resolution: { amount?: number; requiredRole?: Role },
  policy: Policy,
): boolean {
  if (resolution.requiredRole && roleRank(role) < roleRank(resolution.requiredRole)) return false;
  return resolution.amount === undefined || withinApprovalLimit(role, resolution.amount, policy);
}
