import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './default-policy';
import { PolicySchema } from './policy';
import { resolvePolicy } from './resolve-policy';

describe('defaultPolicy (domain.md defaults)', () => {
  it('is valid against its own schema', () => {
    expect(PolicySchema.safeParse(defaultPolicy).success).toBe(true);
  });

  it.each([
    ['approval: agent 5,000', defaultPolicy.approvalLimits.agent, 5_000],
    ['approval: supervisor 50,000', defaultPolicy.approvalLimits.supervisor, 50_000],
    ['approval: manager unlimited', defaultPolicy.approvalLimits.manager, null],
    ['L3 amount 10,000', defaultPolicy.severity.majorAmount, 10_000],
    ['L4 amount 50,000', defaultPolicy.severity.specialMajorAmount, 50_000],
    ['L3 headcount 5', defaultPolicy.severity.majorHeadcount, 5],
    ['L4 headcount 10', defaultPolicy.severity.specialMajorHeadcount, 10],
    ['second complaint window 30 days', defaultPolicy.secondComplaintWindowDays, 30],
    ['warning at 75 %', defaultPolicy.warnAtRatio, 0.75],
    ['aging alert 3 days', defaultPolicy.agingAlertDays, 3],
    ['report due by the 10th', defaultPolicy.reportDueDay, 10],
    ['three escalation tiers', defaultPolicy.escalationTiers, ['agent', 'supervisor', 'manager']],
  ])('%s', (_, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('maps every category to a known department', () => {
    const departments = new Set(defaultPolicy.departments.map((d) => d.code));
    for (const c of defaultPolicy.categories) expect(departments).toContain(c.department);
  });
});

describe('resolvePolicy', () => {
  it('merges a partial override over the defaults', () => {
    const r = resolvePolicy({
      severity: { majorAmount: 35_000 },
      approvalLimits: { agent: 2_000 },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.severity.majorAmount).toBe(35_000);
    expect(r.policy.severity.specialMajorAmount).toBe(50_000);
    expect(r.policy.approvalLimits).toMatchObject({ agent: 2_000, supervisor: 50_000 });
  });

  it('replaces lists whole (a keyword list is the organisation’s own)', () => {
    const r = resolvePolicy({
      severity: { keywords: [{ rule: 'vip', level: 'L2', words: ['VIP'] }] },
    });
    expect(r.ok && r.policy.severity.keywords).toEqual([
      { rule: 'vip', level: 'L2', words: ['VIP'] },
    ]);
  });

  it.each([
    [{ severity: { majorAmount: -1 } }, 'severity.majorAmount'],
    [{ warnAtRatio: 1.5 }, 'warnAtRatio'],
    [{ regulatoryProfile: 'eu' }, 'regulatoryProfile'],
    [
      { clocks: { close: { default: { amount: 5, unit: 'fortnights' } } } },
      'clocks.close.default.unit',
    ],
    [{ calendar: { workingHours: { start: '9am', end: '18:00' } } }, 'calendar.workingHours.start'],
  ])('reports a bad override %j at its path', (override, path) => {
    const r = resolvePolicy(override);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toContain(path);
  });

  it('ignores prototype-polluting keys', () => {
    const r = resolvePolicy(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
