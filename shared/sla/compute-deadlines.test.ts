import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { ClockSpan, DeadlineInput } from './clock-span';
import { computeDeadlines } from './compute-deadlines';
import { sh } from '../../test/support/sla-calendars';

function complaint(
  clocks: DeadlineInput['clocks'],
  patch: Partial<DeadlineInput> = {},
): DeadlineInput {
  return {
    status: 'in_progress',
    receivedAt: sh('2026-11-23T10:00').toISOString(),
    channel: 'email',
    severity: { level: 'L1' },
    urgent: false,
    clocks,
    ...patch,
  };
}
const iso = (local: string) => sh(local).toISOString();

// forward started Mon 10:00 → due 10:30, warning at 75 % = 10:22:30.
describe('the state of one clock', () => {
  it.each([
    ['running', undefined, '2026-11-23T10:10', 'running', false],
    ['just before the warning', undefined, '2026-11-23T10:22:29.999', 'running', false],
    ['at the warning', undefined, '2026-11-23T10:22:30', 'at_risk', false],
    ['due this instant', undefined, '2026-11-23T10:30', 'at_risk', false],
    ['a millisecond late', undefined, '2026-11-23T10:30:00.001', 'breached', true],
    ['days late', undefined, '2026-11-26T10:00', 'breached', true],
    ['stopped on time', '2026-11-23T10:25', '2026-11-23T12:00', 'met', false],
    ['stopped at the due instant', '2026-11-23T10:30', '2026-11-23T12:00', 'met', false],
    ['stopped late', '2026-11-23T10:31', '2026-11-23T12:00', 'missed', true],
  ])('%s', (_, stoppedAt, now, state, breached) => {
    const span: ClockSpan = { startedAt: iso('2026-11-23T10:00') };
    if (stoppedAt) span.stoppedAt = iso(stoppedAt);
    const { clocks } = computeDeadlines(complaint({ forward: span }), sh(now));
    expect(clocks).toEqual([
      {
        clock: 'forward',
        startedAt: sh('2026-11-23T10:00'),
        dueAt: sh('2026-11-23T10:30'),
        warnAt: sh('2026-11-23T10:22:30'),
        state,
        calendarUnknown: false,
        ...(stoppedAt ? { stoppedAt: sh(stoppedAt) } : {}),
        ...(breached ? { breachedAt: sh('2026-11-23T10:30') } : {}),
      },
    ]);
  });
});

describe('a complaint', () => {
  it('uses a customer-agreed due time for close', () => {
    const input = complaint({
      close: { startedAt: iso('2026-11-23T10:00'), agreedDueAt: iso('2026-12-23T10:00') },
    });
    const [close] = computeDeadlines(input, sh('2026-12-16T10:00')).clocks;
    expect(close).toMatchObject({
      dueAt: sh('2026-12-23T10:00'),
      warnAt: sh('2026-12-15T22:00'),
      state: 'at_risk',
    });
  });

  it('reports the earliest running due time and the worst state', () => {
    const input = complaint({
      forward: { startedAt: iso('2026-11-23T10:00'), stoppedAt: iso('2026-11-23T10:40') },
      firstContact: { startedAt: iso('2026-11-23T10:40') },
      reply: { startedAt: iso('2026-11-23T10:05') },
      progress: { startedAt: iso('2026-11-23T11:00') },
      close: { startedAt: iso('2026-11-23T10:05') },
    });
    const result = computeDeadlines(input, sh('2026-11-23T12:00'));
    expect(result.clocks.map((c) => [c.clock, c.state])).toEqual([
      ['forward', 'missed'],
      ['firstContact', 'running'],
      ['reply', 'running'],
      ['progress', 'running'],
      ['close', 'running'],
    ]);
    expect(result.nextDueAt).toEqual(sh('2026-11-23T12:40'));
    expect(result.worst).toBe('missed');

    const later = computeDeadlines(input, sh('2026-11-23T17:30'));
    expect(later.nextDueAt).toEqual(sh('2026-11-23T12:40'));
    expect(later.worst).toBe('breached');
  });

  it.each([
    [{}, 'running'],
    [{ severity: { level: 'L3' as const } }, 'breached'],
    [{ urgent: true }, 'breached'],
  ])('applies severity and urgency %o to the forward clock', (patch, state) => {
    const input = complaint({ forward: { startedAt: iso('2026-11-21T20:00') } }, patch);
    expect(computeDeadlines(input, sh('2026-11-21T21:00')).worst).toBe(state);
  });

  it('honours the policy warning ratio and flags unknown calendar years', () => {
    const input = complaint({ close: { startedAt: iso('2026-12-30T10:00') } });
    const [close] = computeDeadlines(input, sh('2027-01-01T10:00'), {
      ...defaultPolicy,
      warnAtRatio: 0.5,
    }).clocks;
    expect(close).toMatchObject({
      dueAt: sh('2027-01-06T10:00'),
      warnAt: sh('2027-01-02T22:00'),
      calendarUnknown: true,
      state: 'running',
    });
  });

  it('has nothing to report without clocks, and no next due time when all stopped', () => {
    expect(computeDeadlines(complaint({}), sh('2026-11-23T10:00'))).toEqual({ clocks: [] });
    const stopped = complaint({
      forward: { startedAt: iso('2026-11-23T10:00'), stoppedAt: iso('2026-11-23T10:10') },
    });
    expect(computeDeadlines(stopped, sh('2026-11-23T12:00'))).toMatchObject({ worst: 'met' });
    expect(computeDeadlines(stopped, sh('2026-11-23T12:00')).nextDueAt).toBeUndefined();
  });
});
