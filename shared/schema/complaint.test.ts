import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DeadlineInput } from '../sla/index';
import { fold, transition } from '../workflow/index';
import { happyPath, makeEvent } from '../../test/support/workflow';
import { type ComplaintState, ComplaintSchema } from './complaint';

/** Every intermediate state of the happy path. */
function states(): ComplaintState[] {
  const out: ComplaintState[] = [];
  let state: ComplaintState | undefined;
  for (const event of happyPath()) {
    const r = transition(state, event);
    if (!r.ok) throw new Error(r.reason);
    state = r.state;
    out.push(state);
  }
  return out;
}

describe('ComplaintSchema', () => {
  it.each(states().map((s) => [s.status, s] as const))(
    'describes the %s snapshot',
    (_status, state) => {
      const r = ComplaintSchema.safeParse(JSON.parse(JSON.stringify(state)));
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    },
  );

  it('describes a draft snapshot whose record is incomplete', () => {
    const { state } = fold([
      makeEvent('captured', { draft: { description: 'The machine leaks water.' } }),
    ]);
    expect(state?.status).toBe('draft');
    expect(ComplaintSchema.safeParse(state).success).toBe(true);
  });

  it.each([
    ['an unknown status', { status: 'lost' }],
    ['round 0', { round: 0 }],
    ['a negative tier', { tier: -1 }],
    ['an unknown clock', { clocks: { lunch: { startedAt: '2026-03-02T10:00:00+08:00' } } }],
  ])('rejects %s', (_name, patch) => {
    const state = states()[0]!;
    expect(ComplaintSchema.safeParse({ ...state, ...patch }).success).toBe(false);
  });

  it('is what computeDeadlines needs (DeadlineInput)', () => {
    expectTypeOf<ComplaintState>().toExtend<DeadlineInput>();
  });
});
