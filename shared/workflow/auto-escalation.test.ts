import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import type { ComplaintEvent } from '../schema/event';
import { SYSTEM_ACTOR, breachKind, dueEscalations } from './auto-escalation';
import { fold } from './fold';
import { stableUuid } from './stable-id';
import { foldAccepted, happyPath, makeEvent, shanghai } from '../../test/support/workflow';

/** Registered Monday 2 March 2026 10:00, assigned 11:00 (first contact due 13:00). */
const assignedEvents = () => happyPath().slice(0, 3);

describe('R-ESC-1 a breached clock escalates once, one tier up, by the system', () => {
  it('first contact breached at 13:00 → one escalated event at the breach time', () => {
    const state = foldAccepted(assignedEvents());
    expect(dueEscalations(state, new Date(shanghai('2026-03-02 13:00')))).toEqual([]);
    const [event, ...rest] = dueEscalations(state, new Date(shanghai('2026-03-02 13:01')));
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'escalated',
      complaintId: state.id,
      at: '2026-03-02T05:00:00.000Z',
      actor: SYSTEM_ACTOR,
      payload: { auto: true, breach: 'firstContact@2026-03-02T03:00:00.000Z' },
    });
    expect(event!.id).toBe(stableUuid(`${state.id}/escalated/${event!.payload.breach}`));
  });

  it('once per breach: after the event is folded nothing more is due; a repeat id is a duplicate', () => {
    const events = assignedEvents();
    const now = new Date(shanghai('2026-03-02 15:00'));
    const [escalation] = dueEscalations(foldAccepted(events), now);
    const after = foldAccepted([...events, escalation!]);
    expect(after.tier).toBe(1);
    expect(after.escalations.at(-1)).toMatchObject({
      tier: 1,
      auto: true,
      breach: escalation!.payload.breach,
    });
    expect(dueEscalations(after, now)).toEqual([]);
    // The server's job and an offline device derive the same event: the log keeps one.
    const again = dueEscalations(foldAccepted(events), now);
    expect(again).toEqual([escalation]);
    const { rejected } = fold([...events, escalation!, again[0]!]);
    expect(rejected.map((r) => r.reason)).toEqual(['workflow.event.duplicate']);
  });

  it('several breaches raise a tier each, in time order, and stop at the top tier', () => {
    const state = foldAccepted(assignedEvents());
    // Tuesday 11:00: first contact (13:00 Mon) and reply (10:00 Tue) breached.
    const due = dueEscalations(state, new Date(shanghai('2026-03-03 11:00')));
    expect(due.map((e) => e.payload.breach)).toEqual([
      'firstContact@2026-03-02T03:00:00.000Z',
      'reply@2026-03-02T02:00:00.000Z',
    ]);
    const top = foldAccepted([...assignedEvents(), ...due]);
    expect(top.tier).toBe(2);
    expect(dueEscalations(top, new Date(shanghai('2026-03-20 11:00')))).toEqual([]);
  });

  it('only clocks the policy names escalate; a closed case escalates nothing', () => {
    const policy: Policy = {
      ...defaultPolicy,
      autoEscalation: { onBreach: ['close'] },
    };
    const state = foldAccepted(assignedEvents(), { policy });
    expect(dueEscalations(state, new Date(shanghai('2026-03-03 11:00')), { policy })).toEqual([]);
    const closed = foldAccepted(happyPath());
    expect(dueEscalations(closed, new Date(shanghai('2026-06-01 11:00')))).toEqual([]);
  });
});

describe('R-ESC-2 not finished 24 h after the first report → the CS supervisor', () => {
  const policy: Policy = {
    ...defaultPolicy,
    autoEscalation: { ...defaultPolicy.autoEscalation, onBreach: [] },
  };
  it('raised to the supervisor tier at receipt + 24 h when there is no reply', () => {
    const state = foldAccepted(assignedEvents(), { policy });
    expect(dueEscalations(state, new Date(shanghai('2026-03-03 10:00')), { policy })).toEqual([]);
    const [event] = dueEscalations(state, new Date(shanghai('2026-03-03 10:01')), { policy });
    expect(event?.payload).toEqual({
      reason: 'unfinished',
      auto: true,
      breach: 'unfinished@2026-03-02T02:00:00.000Z',
      to: 'supervisor',
    });
    expect(foldAccepted([...assignedEvents(), event!], { policy }).tier).toBe(1);
  });

  it('a case replied to within the 24 hours is finished', () => {
    const replied: ComplaintEvent[] = happyPath().slice(0, 7);
    const state = foldAccepted(replied, { policy });
    expect(dueEscalations(state, new Date(shanghai('2026-03-04 10:00')), { policy })).toEqual([]);
  });

  it('a case already at or above the supervisor tier is not raised again', () => {
    const events = [
      ...assignedEvents(),
      makeEvent('escalated', { reason: 'Asked for a lead' }, { at: shanghai('2026-03-02 12:00') }),
    ];
    const state = foldAccepted(events, { policy });
    expect(dueEscalations(state, new Date(shanghai('2026-03-04 10:00')), { policy })).toEqual([]);
  });
});

describe('stableUuid', () => {
  it('is a valid, stable UUID that differs by name', () => {
    const a = stableUuid('x/escalated/reply@1');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('x/escalated/reply@1')).toBe(a);
    expect(stableUuid('x/escalated/reply@2')).not.toBe(a);
  });
});

describe('R-ESC-3 a booked visit missed two days running → the general manager', () => {
  const policy: Policy = {
    ...defaultPolicy,
    autoEscalation: { ...defaultPolicy.autoEscalation, onBreach: [], unfinished: undefined },
  };
  const book = (day: string, at: string) =>
    makeEvent('visitBooked', { for: shanghai(`${day} 14:00`) }, { at: shanghai(at) });
  const events = (...extra: ComplaintEvent[]) => [...assignedEvents(), ...extra];

  it('two missed days in a row raise the case to the manager at the end of the second day', () => {
    const state = foldAccepted(
      events(book('2026-03-03', '2026-03-02 12:00'), book('2026-03-04', '2026-03-03 20:00')),
      { policy },
    );
    expect(dueEscalations(state, new Date(shanghai('2026-03-04 23:59')), { policy })).toEqual([]);
    const [event] = dueEscalations(state, new Date(shanghai('2026-03-05 00:01')), { policy });
    expect(event).toMatchObject({
      at: '2026-03-04T16:00:00.000Z',
      payload: { to: 'manager', breach: 'visits@2026-03-03' },
    });
    expect(foldAccepted([...events(), ...[]], { policy }).tier).toBe(0);
    const raised = foldAccepted(
      [
        ...events(book('2026-03-03', '2026-03-02 12:00'), book('2026-03-04', '2026-03-03 20:00')),
        event!,
      ],
      { policy },
    );
    expect(raised.tier).toBe(2);
  });

  it('a visit made on its day, or missed days that are not consecutive, raise nothing', () => {
    const made = foldAccepted(
      events(
        book('2026-03-03', '2026-03-02 12:00'),
        makeEvent('visitMade', {}, { at: shanghai('2026-03-03 14:30') }),
        book('2026-03-04', '2026-03-03 20:00'),
      ),
      { policy },
    );
    expect(dueEscalations(made, new Date(shanghai('2026-03-06 10:00')), { policy })).toEqual([]);
    const apart = foldAccepted(
      events(book('2026-03-03', '2026-03-02 12:00'), book('2026-03-05', '2026-03-04 09:00')),
      { policy },
    );
    expect(dueEscalations(apart, new Date(shanghai('2026-03-07 10:00')), { policy })).toEqual([]);
  });

  it('a visit made with none booked is refused', () => {
    const { rejected } = fold(
      events(makeEvent('visitMade', {}, { at: shanghai('2026-03-03 10:00') })),
    );
    expect(rejected.map((r) => r.reason)).toEqual(['workflow.visit.noneBooked']);
  });
});

describe('breachKind', () => {
  it.each([
    ['reply@2026-03-02T02:00:00.000Z', 'reply'],
    ['forward@2026-03-02T02:00:00.000Z', 'forward'],
    ['unfinished@2026-03-02T02:00:00.000Z', 'unfinished'],
    ['visits@2026-03-05', 'visits'],
    ['close', 'close'],
    ['', ''],
  ])('%s → %s', (breach, kind) => {
    expect(breachKind(breach)).toBe(kind);
  });
});
