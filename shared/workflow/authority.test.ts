import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import type { ActorRole, Responsibility, Role } from '../schema/codes';
import { approvalLimit, canApprove, requiredApprover, roleRank, topTierRole } from './authority';

describe('approvalLimit (domain.md §4 rule 4 defaults)', () => {
  it.each<[ActorRole, number]>([
    ['agent', 5_000],
    ['handler', 5_000],
    ['supervisor', 50_000],
    ['manager', Number.POSITIVE_INFINITY],
    ['admin', 0],
    ['system', 0],
  ])('%s may offer up to %d', (role, limit) => {
    expect(approvalLimit(role, defaultPolicy)).toBe(limit);
  });
});

describe('requiredApprover', () => {
  it.each<[ActorRole, number | undefined, Responsibility, Role | undefined]>([
    ['agent', undefined, 'customer', undefined],
    ['agent', 0, 'supplier', undefined],
    ['agent', 5_000, 'company', undefined],
    ['agent', 5_001, 'company', 'supervisor'],
    ['agent', 20_000, 'company', 'supervisor'],
    ['agent', 50_001, 'company', 'manager'],
    ['supervisor', 50_000, 'company', undefined],
    ['supervisor', 50_001, 'company', 'manager'],
    ['manager', 1e9, 'company', undefined],
    ['agent', undefined, 'unclear', 'manager'],
    ['agent', 20_000, 'unclear', 'manager'],
    ['supervisor', undefined, 'unclear', 'manager'],
    ['manager', undefined, 'unclear', undefined],
  ])('a %s offering %s with %s responsibility → %s', (role, amount, responsibility, expected) => {
    expect(requiredApprover({ amount, responsibility }, role, defaultPolicy)).toEqual(
      expected ? { ok: true, role: expected } : { ok: true },
    );
  });

  it('only considers roles allowed to approve', () => {
    const policy: Policy = {
      ...defaultPolicy,
      permissions: { ...defaultPolicy.permissions, approved: ['manager'] },
    };
    expect(
      requiredApprover({ amount: 20_000, responsibility: 'company' }, 'agent', policy),
    ).toEqual({
      ok: true,
      role: 'manager',
    });
  });

  it('refuses an amount no role may approve', () => {
    const policy: Policy = {
      ...defaultPolicy,
      approvalLimits: { ...defaultPolicy.approvalLimits, manager: 1e6 },
    };
    expect(requiredApprover({ amount: 2e6, responsibility: 'company' }, 'agent', policy)).toEqual({
      ok: false,
    });
  });

  it('the top tier follows policy.escalationTiers', () => {
    const policy: Policy = { ...defaultPolicy, escalationTiers: ['agent', 'supervisor'] };
    expect(topTierRole(policy)).toBe('supervisor');
    expect(requiredApprover({ responsibility: 'unclear' }, 'agent', policy)).toEqual({
      ok: true,
      role: 'supervisor',
    });
  });
});

describe('canApprove: rank and limit both suffice', () => {
  it.each<[ActorRole, number | undefined, Role | undefined, boolean]>([
    ['supervisor', 20_000, 'supervisor', true],
    ['supervisor', 60_000, 'manager', false],
    ['manager', 60_000, 'manager', true],
    ['supervisor', undefined, 'manager', false],
    ['handler', 1_000, 'supervisor', false],
    ['admin', 1_000, 'supervisor', false],
  ])('%s approving %s (requires %s): %s', (role, amount, requiredRole, allowed) => {
    expect(canApprove(role, { amount, requiredRole }, defaultPolicy)).toBe(allowed);
  });

  it('ranks roles in codes.ts order; system lowest', () => {
    expect(roleRank('system')).toBeLessThan(roleRank('agent'));
    expect(roleRank('supervisor')).toBeLessThan(roleRank('manager'));
  });
});
