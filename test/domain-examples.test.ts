/**
 * The examples issue 2 says must hold, run through shared/'s public surface only (Asia/Shanghai,
 * chinaCalendar, default policy). Each module also tests its own rules in depth beside its code.
 */
import { describe, expect, it } from 'vitest';
import {
  assessSeverity,
  computeDeadlines,
  deadlineFor,
  fold,
  formatCaseNumber,
  transition,
} from '../shared';
import { happyPath, makeEvent, sampleRecord, shanghai } from './support/workflow';

const at = (local: string) => new Date(shanghai(local));

describe('deadlines (docs/rules.md §5)', () => {
  it.each([
    ['forward, L1, Fri 17:50', 'forward', 'L1', 'phone', '2026-11-20 17:50', '2026-11-23 09:20'],
    [
      'close, Wed 2026-09-30 17:00 over National Day',
      'close',
      'L1',
      'email',
      '2026-09-30 17:00',
      '2026-10-13 17:00',
    ],
    [
      'forward, L1, Sat 2026-02-14 (make-up working day)',
      'forward',
      'L1',
      'phone',
      '2026-02-14 10:00',
      '2026-02-14 10:30',
    ],
    [
      'forward, L1 email, Spring Festival Sunday, not urgent',
      'forward',
      'L1',
      'email',
      '2026-02-15 10:00',
      '2026-02-24 10:00',
    ],
    [
      'forward, L3, Sunday evening',
      'forward',
      'L3',
      'email',
      '2026-11-22 20:00',
      '2026-11-22 20:30',
    ],
  ] as const)('%s', (_, clock, severity, channel, received, due) => {
    const d = deadlineFor(clock, { at: at(received), severity, channel });
    expect(d.dueAt.toISOString()).toBe(at(due).toISOString());
    expect(d.calendarUnknown).toBe(false);
  });

  it('an L3 forward clock out of hours alerts the on-call leader at once', () => {
    const d = deadlineFor('forward', {
      at: at('2026-11-22 20:00'),
      severity: 'L3',
      channel: 'email',
    });
    expect(d.effects).toContainEqual({ type: 'alertOnCall' });
  });

  it('a date beyond the calendar’s years is flagged calendarUnknown', () => {
    expect(
      deadlineFor('close', { at: at('2027-03-01 10:00'), severity: 'L1', channel: 'email' })
        .calendarUnknown,
    ).toBe(true);
  });
});

describe('severity (docs/rules.md §3)', () => {
  it('"我要找媒体曝光" is L3 with a media reason', () => {
    const r = assessSeverity({ text: '我要找媒体曝光' });
    expect(r.level).toBe('L3');
    expect(r.reasons.map((x) => x.rule)).toContain('media');
  });

  it('and its L3 forward clock, received Sunday 20:00, is due 20:30 that evening', () => {
    const received = shanghai('2026-11-22 20:00');
    const events = [
      makeEvent(
        'registered',
        {
          record: sampleRecord({
            channel: 'email',
            receivedAt: received,
            description: '我要找媒体曝光，洗衣机漏水两周没人管',
          }),
        },
        { at: received },
      ),
    ];
    const { state, effects } = fold(events);
    expect(state?.severity.level).toBe('L3');
    expect(effects.map((e) => e.type)).toEqual(
      expect.arrayContaining(['alertSevere', 'alertOnCall']),
    );
    const forward = computeDeadlines(state!, at('2026-11-22 20:10')).clocks.find(
      (c) => c.clock === 'forward',
    );
    expect(forward?.dueAt.toISOString()).toBe(at('2026-11-22 20:30').toISOString());
  });
});

describe('case numbers (docs/rules.md §2)', () => {
  it('2026-11-30T17:00Z is already December in Shanghai → 2612-0001', () => {
    expect(formatCaseNumber(new Date('2026-11-30T17:00:00Z'), 1)).toBe('2612-0001');
  });
});

describe('workflow (docs/rules.md §4)', () => {
  const upToContact = happyPath().slice(0, 4); // captured, registered, assigned, contacted

  it('an agent offering 20,000 compensation → awaiting_approval', () => {
    const { state } = fold(upToContact);
    const offer = makeEvent(
      'resolutionProposed',
      {
        type: 'compensation',
        amount: 20_000,
        currency: 'CNY',
        responsibility: 'customer',
        description: 'Goodwill payment',
      },
      { actor: 'agent', at: shanghai('2026-03-02 15:00') },
    );
    const r = transition(state, offer);
    expect(r.ok && r.state.status).toBe('awaiting_approval');
    expect(r.ok && r.effects).toContainEqual({ type: 'approvalRequired', role: 'supervisor' });
  });

  it('closing without a callback outcome is refused with a reason key', () => {
    const beforeCallback = happyPath().slice(0, 7); // … replied
    const { state } = fold(beforeCallback);
    expect(state?.status).toBe('replied');
    const r = transition(state, makeEvent('closed', {}, { at: shanghai('2026-03-02 18:00') }));
    expect(r).toEqual({ ok: false, reason: 'workflow.close.callbackRequired' });
  });

  it('the whole happy path folds to closed', () => {
    const { state, rejected } = fold(happyPath());
    expect(rejected).toEqual([]);
    expect(state?.status).toBe('closed');
  });
});
