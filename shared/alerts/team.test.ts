import { describe, expect, it } from 'vitest';
import type { NotificationChannel } from '../policy/notifications';
import { defaultPolicy } from '../policy/default-policy';
import { computeDeadlines } from '../sla/index';
import { makeEvent, sampleRecord, shanghai } from '../../test/support/workflow';
import { transition } from '../workflow/transition';
import type { Effect } from '../workflow/types';
import {
  ON_CALL_EMAIL,
  type TeamEvent,
  clockTeamEvents,
  nextClockAlertAt,
  routeTeamEvent,
  teamEventsOf,
} from './team';

const source = {
  id: 'e1',
  type: 'noteAdded' as const,
  complaintId: 'c1',
  at: shanghai('2026-03-02 10:00'),
};
const L1 = { severity: { level: 'L1' as const }, secondComplaintOf: undefined } as never;

describe('teamEventsOf', () => {
  it.each<[string, Effect[], string[]]>([
    ['severe', [{ type: 'alertSevere', level: 'L3' }], ['severe']],
    ['on-call', [{ type: 'alertOnCall' }], ['onCall']],
    ['approval', [{ type: 'approvalRequired', role: 'manager' }], ['approval']],
    ['escalation', [{ type: 'escalated', tier: 1, role: 'supervisor' }], ['escalated']],
    ['reopen', [{ type: 'reopened', round: 2 }], ['reopened']],
    ['review only', [{ type: 'supervisorReview', why: 'unsatisfied' }], []],
    ['nothing', [], []],
  ])('%s', (_, effects, kinds) => {
    const events = teamEventsOf(source, effects, L1);
    expect(events.map((e) => e.kind)).toEqual(kinds);
    for (const e of events) expect(e.key).toBe(`e1:${e.kind}`);
  });

  it('carries the approver role and the tier', () => {
    expect(
      teamEventsOf(source, [{ type: 'approvalRequired', role: 'manager' }], L1)[0],
    ).toMatchObject({
      role: 'manager',
    });
    expect(
      teamEventsOf(source, [{ type: 'escalated', tier: 2, role: 'manager' }], L1)[0],
    ).toMatchObject({ tier: 2, role: 'manager' });
  });

  it('tells a second complaint once, not also as an escalation', () => {
    const state = { severity: { level: 'L2' }, secondComplaintOf: 'c0' } as never;
    const events = teamEventsOf(
      { ...source, type: 'registered' },
      [{ type: 'escalated', tier: 1, role: 'supervisor' }],
      state,
    );
    expect(events.map((e) => e.kind)).toEqual(['secondComplaint']);
  });

  it('reads the effects of a real L3 registration out of hours', () => {
    const at = shanghai('2026-03-02 22:00');
    const record = sampleRecord({
      receivedAt: at,
      readBackConfirmedAt: at,
      description: 'I will sue you in court, my lawyer is ready.',
    });
    const event = makeEvent('registered', { record, caseNumber: '2603-0001' }, { at });
    const r = transition(undefined, event, { policy: defaultPolicy });
    if (!r.ok) throw new Error(r.reason);
    const kinds = teamEventsOf(event, r.effects, r.state).map((e) => e.kind);
    expect(kinds).toContain('severe');
    expect(kinds).toContain('onCall');
  });
});

describe('clockTeamEvents', () => {
  const at = shanghai('2026-03-02 10:00');
  const record = sampleRecord({ receivedAt: at, readBackConfirmedAt: at });
  const r = transition(undefined, makeEvent('registered', { record }, { at }), {
    policy: defaultPolicy,
  });
  if (!r.ok) throw new Error(r.reason);
  const state = r.state;
  const scan = (now: Date, since?: Date) =>
    clockTeamEvents(state, computeDeadlines(state, now, defaultPolicy), now, {
      policy: defaultPolicy,
      ...(since ? { since } : {}),
    });

  it('warns, then tells the breach, with keys that stay the same between scans', () => {
    const warn = scan(new Date(shanghai('2026-03-02 10:25')));
    expect(warn.map((e) => `${e.kind}:${e.clock}`)).toContain('warn:forward');
    expect(scan(new Date(shanghai('2026-03-02 10:26'))).map((e) => e.key)).toEqual(
      warn.map((e) => e.key),
    );
    const later = scan(new Date(shanghai('2026-03-02 11:00')));
    expect(later.map((e) => `${e.kind}:${e.clock}`)).toContain('breach:forward');
  });

  it('says nothing of what became due before notifications were switched on', () => {
    const now = new Date(shanghai('2026-03-02 11:00'));
    expect(scan(now, now).filter((e) => e.clock === 'forward')).toEqual([]);
  });
});

describe('nextClockAlertAt', () => {
  const at = shanghai('2026-03-02 10:00');
  const record = sampleRecord({ receivedAt: at, readBackConfirmedAt: at });
  const r = transition(undefined, makeEvent('registered', { record }, { at }), {
    policy: defaultPolicy,
  });
  if (!r.ok) throw new Error(r.reason);
  const state = r.state;
  const deadlines = computeDeadlines(state, new Date(at), defaultPolicy);
  const keysAt = (now: Date) =>
    clockTeamEvents(state, computeDeadlines(state, now, defaultPolicy), now, {
      policy: defaultPolicy,
    }).map((e) => e.key);

  it('scanning only at the stored moments finds every alert a scan each minute finds', () => {
    const everyMinute = new Set<string>();
    const onlyWhenDue = new Set<string>();
    let due = nextClockAlertAt(state, deadlines);
    let lookedAt = 0;
    // Three working days of minutes: every clock of an L1 complaint warns and breaches in them.
    for (let m = 0; m <= 3 * 24 * 60; m++) {
      const now = new Date(Date.parse(at) + m * 60_000);
      for (const k of keysAt(now)) everyMinute.add(k);
      if (due && due <= now) {
        lookedAt++;
        for (const k of keysAt(now)) onlyWhenDue.add(k);
        due = nextClockAlertAt(state, deadlines, now);
      }
    }
    expect(everyMinute.size).toBeGreaterThan(2);
    expect([...onlyWhenDue].sort()).toEqual([...everyMinute].sort());
    // A handful of looks instead of thousands.
    expect(lookedAt).toBeLessThanOrEqual(2 * deadlines.clocks.length);
  });

  it('without `after` is the earliest warning, even one already past', () => {
    const earliest = Math.min(...deadlines.clocks.map((d) => d.warnAt.getTime()));
    expect(nextClockAlertAt(state, deadlines)?.getTime()).toBe(earliest);
  });

  it('breaches one millisecond after the due time, and nothing once every moment is past', () => {
    const forward = deadlines.clocks.find((d) => d.clock === 'forward')!;
    const afterWarn = nextClockAlertAt(
      { status: state.status },
      { clocks: [forward] },
      forward.warnAt,
    );
    expect(afterWarn?.getTime()).toBe(forward.dueAt.getTime() + 1);
    expect(nextClockAlertAt(state, { clocks: [forward] }, afterWarn)).toBeUndefined();
  });

  it('is undefined for a closed complaint and for stopped clocks', () => {
    expect(nextClockAlertAt({ status: 'closed' }, deadlines)).toBeUndefined();
    const stopped = deadlines.clocks.map((d) => ({ ...d, stoppedAt: d.startedAt }));
    expect(nextClockAlertAt(state, { clocks: stopped })).toBeUndefined();
  });
});

describe('routeTeamEvent (quiet hours on the business calendar)', () => {
  const cal = defaultPolicy.calendar;
  const channels: NotificationChannel[] = [
    { id: 'all', type: 'webhook', url: 'http://127.0.0.1/x' },
    { id: 'major', type: 'wecom', url: 'http://127.0.0.1/y', minSeverity: 'L3' },
    { id: 'breaches', type: 'email', to: ['a@example.com'], events: ['breach'] },
    { id: 'off', type: 'webhook', url: 'http://127.0.0.1/z', enabled: false },
    { id: 'sms', type: 'sms', url: 'http://127.0.0.1/s' },
  ];
  const event = (kind: TeamEvent['kind'], level: TeamEvent['level']): TeamEvent => ({
    key: 'k',
    kind,
    level,
    complaintId: 'c',
    at: '2026-10-03T02:00:00Z',
  });
  // National Day 2026: 1–7 October are holidays; work resumes Thursday 8 October, 09:00 (+08:00).
  const holiday = new Date(shanghai('2026-10-03 10:00'));
  const nextStart = new Date(shanghai('2026-10-08 09:00'));
  const working = new Date(shanghai('2026-10-09 10:00'));

  it.each<[string, TeamEvent['kind'], TeamEvent['level'], Date, string[], Date]>([
    [
      'L1 warning on a holiday waits for the working start',
      'warn',
      'L1',
      holiday,
      ['all'],
      nextStart,
    ],
    ['L3 complaint on a holiday goes now', 'severe', 'L3', holiday, ['all', 'major'], holiday],
    ['a breach on a holiday goes now', 'breach', 'L1', holiday, ['all', 'breaches'], holiday],
    ['approval in working time goes now', 'approval', 'L2', working, ['all'], working],
    [
      'reopened on Friday night waits for Monday',
      'reopened',
      'L2',
      new Date(shanghai('2026-10-16 19:00')),
      ['all'],
      new Date(shanghai('2026-10-19 09:00')),
    ],
    [
      'a make-up Saturday is working time',
      'approval',
      'L1',
      new Date(shanghai('2026-10-10 10:00')),
      ['all'],
      new Date(shanghai('2026-10-10 10:00')),
    ],
  ])('%s', (_, kind, level, now, ids, notBefore) => {
    const routes = routeTeamEvent(event(kind, level), channels, undefined, cal, now);
    expect(routes.map((r) => r.channel)).toEqual(ids);
    for (const r of routes) expect(r.notBefore.toISOString()).toBe(notBefore.toISOString());
  });

  it("sends an approval to the approver's tier only", () => {
    const tiers: NotificationChannel[] = [
      { id: 'supervisors', type: 'wecom', url: 'http://127.0.0.1/s', roles: ['supervisor'] },
      { id: 'managers', type: 'wecom', url: 'http://127.0.0.1/m', roles: ['manager'] },
      { id: 'everyone', type: 'webhook', url: 'http://127.0.0.1/e' },
    ];
    const approval = { ...event('approval', 'L2'), role: 'manager' as const };
    expect(routeTeamEvent(approval, tiers, undefined, cal, working).map((r) => r.channel)).toEqual([
      'managers',
      'everyone',
    ]);
    // Events without a role go to every tier.
    expect(
      routeTeamEvent(event('reopened', 'L2'), tiers, undefined, cal, working).map((r) => r.channel),
    ).toEqual(['supervisors', 'managers', 'everyone']);
  });

  it('sends the on-call alert to the on-call contact and their channel', () => {
    const routes = routeTeamEvent(
      event('onCall', 'L2'),
      [...channels, { id: 'duty', type: 'dingtalk', url: 'http://127.0.0.1/d', events: [] }],
      { onCall: { name: 'Zhou', email: 'zhou@example.com', channel: 'duty' } },
      cal,
      holiday,
    );
    expect(routes.map((r) => r.channel).sort()).toEqual([ON_CALL_EMAIL, 'all', 'duty'].sort());
  });
});
