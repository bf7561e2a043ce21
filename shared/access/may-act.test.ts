import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { ActorRole, EventType } from '../schema/codes';
import { caseOwner, isOwnCase, mayAct } from './may-act';

const me = { id: 'tok-me', name: 'Li Na' };
const assignedTo = (handlerId?: string, handlerName?: string) => ({
  assignment: {
    department: 'logistics',
    handlerId,
    handlerName,
    at: '2026-11-16T02:00:00Z',
    by: { id: 's', name: 'S', role: 'supervisor' as const },
  },
});
const cases = {
  own: assignedTo('tok-me', 'Li Na'),
  other: assignedTo('tok-other', 'Wang Wei'),
  unassigned: {},
  departmentOnly: assignedTo(),
};
type CaseKind = keyof typeof cases;

describe('mayAct with the default policy', () => {
  const staff: ActorRole[] = ['agent', 'handler'];
  const leads: ActorRole[] = ['supervisor', 'manager', 'system'];
  const leadOnly: EventType[] = [
    'withdrawn',
    'transferred',
    'invalidConfirmed',
    'severityOverridden',
    'approved',
    'approvalRejected',
  ];
  const ordinary: EventType[] = ['noteAdded', 'contacted', 'assigned', 'replied', 'markedInvalid'];

  it.each(
    staff.flatMap((role) =>
      (Object.keys(cases) as CaseKind[]).flatMap((kind) =>
        ordinary.map((type) => ({ role, kind, type, ok: kind !== 'other' })),
      ),
    ),
  )('$role · $type on $kind case → $ok', ({ role, kind, type, ok }) => {
    const d = mayAct({ ...me, role }, cases[kind], type, defaultPolicy);
    expect(d).toEqual(ok ? { ok: true } : { ok: false, reason: 'access.notYours' });
  });

  it.each(
    staff.flatMap((role) =>
      (Object.keys(cases) as CaseKind[]).flatMap((kind) =>
        leadOnly.map((type) => ({ role, kind, type })),
      ),
    ),
  )('$role may not append $type even on the $kind case', ({ role, kind, type }) => {
    expect(mayAct({ ...me, role }, cases[kind], type, defaultPolicy)).toEqual({
      ok: false,
      reason: 'access.leadOnly',
    });
  });

  it.each(
    leads.flatMap((role) =>
      (Object.keys(cases) as CaseKind[]).flatMap((kind) =>
        [...leadOnly, ...ordinary].map((type) => ({ role, kind, type })),
      ),
    ),
  )('$role acts on every case ($type on $kind)', ({ role, kind, type }) => {
    expect(mayAct({ ...me, role }, cases[kind], type, defaultPolicy)).toEqual({ ok: true });
  });

  it('lets anyone start a case (no state yet)', () => {
    expect(mayAct({ ...me, role: 'agent' }, undefined, 'captured', defaultPolicy).ok).toBe(true);
  });
});

describe('mayAct follows the policy', () => {
  it('lets an organisation open withdrawals to agents and make handlers act on any case', () => {
    const policy = {
      caseAccess: { anyCase: ['handler' as const], leadOnly: ['approved' as const] },
    };
    expect(mayAct({ ...me, role: 'agent' }, cases.own, 'withdrawn', policy).ok).toBe(true);
    expect(mayAct({ ...me, role: 'handler' }, cases.other, 'withdrawn', policy).ok).toBe(true);
    expect(mayAct({ ...me, role: 'agent' }, cases.other, 'noteAdded', policy).ok).toBe(false);
    expect(mayAct({ ...me, role: 'supervisor' }, cases.other, 'noteAdded', policy).ok).toBe(false);
  });
});

describe('case ownership', () => {
  it('compares ids, and names only where the assignment has no id', () => {
    expect(isOwnCase(me, cases.own)).toBe(true);
    expect(isOwnCase({ id: 'tok-x', name: 'Li Na' }, cases.own)).toBe(false);
    expect(isOwnCase({ id: 'tok-x', name: 'Li Na' }, assignedTo(undefined, 'Li Na'))).toBe(true);
    expect(caseOwner(cases.departmentOnly)).toBeUndefined();
    expect(caseOwner(undefined)).toBeUndefined();
  });
});
