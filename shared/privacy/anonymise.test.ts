import { describe, expect, it } from 'vitest';
import type { ComplaintEvent } from '../schema/event';
import { fold } from '../workflow/fold';
import {
  foldAccepted,
  happyPath,
  makeEvent,
  plusHours,
  sampleRecord,
} from '../../test/support/workflow';
import { ERASED_TEXT, anonymiseEvent, isDueForErasure } from './anonymise';

const record = sampleRecord({
  complainant: { name: '刘', anonymous: false, phone: '13812345678', email: 'liu@example.com' },
  description: 'My lawyer will write to you: the machine leaks. Call me on 13812345678.',
  vip: true,
});

function erasure(events: ComplaintEvent[]): ComplaintEvent {
  const state = foldAccepted(events);
  return makeEvent(
    'personalDataErased',
    {
      reason: 'Retention period over',
      scope: 'retention',
      kept: {
        level: state.severity.level,
        assessedLevel: state.severity.assessed.level,
        tier: state.tier,
      },
    },
    { at: plusHours(record.receivedAt, 24 * 400), actor: 'system' },
  );
}

describe('R-PIPL-1 erasure leaves an anonymised record and an audit event', () => {
  const events = happyPath(record);
  const before = foldAccepted(events);

  it('the anonymised log folds to an anonymised case that keeps its figures', () => {
    const erased = [...events.map(anonymiseEvent), erasure(events)];
    const { state, rejected } = fold(erased);
    expect(rejected).toEqual([]);
    const text = JSON.stringify(erased) + JSON.stringify(state);
    for (const personal of ['刘', '13812345678', 'liu@example.com', 'lawyer']) {
      expect(text).not.toContain(personal);
    }
    expect(state?.record.complainant).toEqual({ anonymous: false });
    expect(state?.record.description).toBe(ERASED_TEXT);
    expect(state).toMatchObject({
      status: before.status,
      category: before.category,
      channel: before.channel,
      replyPossible: true,
      vip: true,
      tier: before.tier,
      severity: { level: before.severity.level },
      closedAt: before.closedAt,
      erasedAt: erasure(events).at,
    });
    expect(before.severity.level).toBe('L3');
  });

  it('an erased case changes no more', () => {
    const erased = [...events.map(anonymiseEvent), erasure(events)];
    const reopen = makeEvent(
      'reopened',
      { reason: 'Back' },
      { at: plusHours(record.receivedAt, 24 * 401) },
    );
    expect(fold([...erased, reopen]).rejected.map((r) => r.reason)).toEqual([
      'workflow.erase.already',
    ]);
  });

  it('only finished cases, only admins or the system, only with a reason', () => {
    const open = happyPath(record).slice(0, 4);
    expect(fold([...open, erasure(open)]).rejected.map((r) => r.reason)).toEqual([
      'workflow.illegal',
    ]);
    const byAgent = { ...erasure(events), actor: { id: 'a', name: 'A', role: 'agent' as const } };
    expect(fold([...events, byAgent]).rejected.map((r) => r.reason)).toEqual([
      'workflow.forbidden',
    ]);
  });
});

describe('R-PIPL-1 isDueForErasure: the policy’s retention period after a case ends', () => {
  const closed = { status: 'closed' as const, updatedAt: '2026-01-01T00:00:00Z' };
  it.each<[string, object, string, number | null, boolean]>([
    ['closed, period not over', closed, '2026-12-31T00:00:00Z', 365, false],
    ['closed, period over', closed, '2027-01-02T00:00:00Z', 365, true],
    ['still open', { ...closed, status: 'assigned' }, '2030-01-01T00:00:00Z', 365, false],
    [
      'already erased',
      { ...closed, erasedAt: '2027-01-02T00:00:00Z' },
      '2030-01-01T00:00:00Z',
      365,
      false,
    ],
    ['retention off', closed, '2040-01-01T00:00:00Z', null, false],
  ])('%s → %s', (_, state, now, days, due) => {
    expect(isDueForErasure(state as never, new Date(now), days)).toBe(due);
  });
});
