import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import type { ClockId, SeverityLevel } from '../schema/codes';
import type { BusinessCalendar } from './calendar-data';
import { deadlineFor } from './deadline-for';
import {
  chinaLunchCalendar,
  londonCalendar,
  newYorkCalendar,
  sh,
  shLocal,
} from '../../test/support/sla-calendars';

type Row = [ClockId, SeverityLevel, string, string, boolean?];

/** Due time (Shanghai wall time) and whether the on-call leader is alerted. */
function due(
  clock: ClockId,
  severity: SeverityLevel,
  at: string,
  urgent = false,
  policy = defaultPolicy,
) {
  const d = deadlineFor(clock, { at: sh(at), severity, channel: 'email', urgent }, policy);
  return {
    due: shLocal(d.dueAt),
    alert: d.effects?.some((e) => e.type === 'alertOnCall') ?? false,
  };
}

// 2026-11-20 is a Friday; 11-23 a Monday.
describe('the examples of the brief', () => {
  it.each([
    ['forward', 'L1', '2026-11-20T17:50', '2026-11-23T09:20', false],
    ['close', 'L1', '2026-09-30T17:00', '2026-10-13T17:00', false],
    ['forward', 'L1', '2026-02-14T10:00', '2026-02-14T10:30', false],
    ['forward', 'L1', '2026-02-15T10:00', '2026-02-24T10:00', false],
    ['forward', 'L3', '2026-11-22T20:00', '2026-11-22T20:30', true],
  ] as [ClockId, SeverityLevel, string, string, boolean][])(
    '%s %s at %s → %s',
    (clock, level, at, expected, alert) => {
      expect(due(clock, level, at)).toEqual({ due: expected, alert });
    },
  );

  it('an L3 forward carries exactly one alertOnCall effect', () => {
    const d = deadlineFor('forward', {
      at: sh('2026-11-22T20:00'),
      severity: 'L3',
      channel: 'phone',
    });
    expect(d).toEqual({
      dueAt: sh('2026-11-22T20:30'),
      calendarUnknown: false,
      effects: [{ type: 'alertOnCall' }],
    });
  });
});

describe('forward', () => {
  it.each([
    ['in hours: 30 working minutes', 'L1', '2026-11-23T10:00', false, '2026-11-23T10:30', false],
    ['in hours, late: over the night', 'L2', '2026-11-23T17:45', false, '2026-11-24T09:15', false],
    ['before opening: next start + 60', 'L0', '2026-11-23T07:00', false, '2026-11-23T10:00', false],
    ['Friday evening: Monday + 60', 'L2', '2026-11-20T20:00', false, '2026-11-23T10:00', false],
    [
      'out of hours, urgent: 30 clock minutes',
      'L2',
      '2026-11-20T20:00',
      true,
      '2026-11-20T20:30',
      true,
    ],
    ['holiday, urgent', 'L1', '2026-10-03T03:10', true, '2026-10-03T03:40', true],
    [
      'in hours, urgent: the default, no alert',
      'L1',
      '2026-11-23T17:45',
      true,
      '2026-11-24T09:15',
      false,
    ],
    ['L3 in hours: 30 clock minutes', 'L3', '2026-11-23T17:45', false, '2026-11-23T18:15', true],
    ['L4 in hours: 30 clock minutes', 'L4', '2026-11-23T17:45', false, '2026-11-23T18:15', true],
    ['L4 out of hours', 'L4', '2026-11-21T03:00', false, '2026-11-21T03:30', true],
  ] as [string, SeverityLevel, string, boolean, string, boolean][])(
    '%s',
    (_, level, at, urgent, expected, alert) => {
      expect(due('forward', level, at, urgent)).toEqual({ due: expected, alert });
    },
  );
});

describe('default and L3/L4 targets of every clock', () => {
  it.each([
    ['firstContact', 'L1', '2026-11-23T17:00', '2026-11-24T10:00'],
    ['firstContact', 'L2', '2026-11-21T10:00', '2026-11-23T11:00'],
    ['firstContact', 'L3', '2026-11-23T17:00', '2026-11-23T19:00'],
    ['firstContact', 'L4', '2026-11-23T17:00', '2026-11-23T17:10'],
    ['reply', 'L1', '2026-11-20T17:50', '2026-11-21T17:50'],
    ['reply', 'L3', '2026-11-20T17:50', '2026-11-21T17:50'],
    ['reply', 'L4', '2026-09-30T23:00', '2026-10-01T23:00'],
    ['progress', 'L1', '2026-11-23T10:00', '2026-11-23T17:00'],
    ['progress', 'L3', '2026-11-23T10:00', '2026-11-23T10:30'],
    ['progress', 'L4', '2026-11-21T23:50', '2026-11-22T00:20'],
    ['close', 'L2', '2026-11-23T10:00', '2026-11-30T10:00'],
    ['close', 'L3', '2026-09-30T17:00', '2026-10-13T17:00'],
    ['close', 'L4', '2026-09-30T17:00', '2026-10-13T17:00'],
    ['close', 'L1', '2026-11-20T20:00', '2026-11-30T09:00'],
    ['callback', 'L1', '2026-09-24T15:00', '2026-09-30T15:00'],
    ['callback', 'L3', '2026-11-23T10:00', '2026-11-26T10:00'],
    ['callback', 'L4', '2026-02-13T16:00', '2026-02-25T16:00'],
  ] as Row[])('%s %s at %s → %s', (clock, level, at, expected) => {
    expect(due(clock, level, at)).toEqual({ due: expected, alert: false });
  });
});

describe('progress: daily before 17:00', () => {
  it.each([
    ['a working morning: same day', '2026-11-23T10:00', '2026-11-23T17:00'],
    ['before opening: same day', '2026-11-23T08:00', '2026-11-23T17:00'],
    ['one minute before', '2026-11-23T16:59', '2026-11-23T17:00'],
    ['at 17:00: next working day', '2026-11-23T17:00', '2026-11-24T17:00'],
    ['Friday evening: Monday', '2026-11-20T18:30', '2026-11-23T17:00'],
    ['Saturday: Monday', '2026-11-21T10:00', '2026-11-23T17:00'],
    ['make-up Saturday: same day', '2026-02-14T10:00', '2026-02-14T17:00'],
    ['National Day: first day back', '2026-10-01T10:00', '2026-10-08T17:00'],
  ])('%s', (_, at, expected) => {
    expect(due('progress', 'L2', at).due).toBe(expected);
  });
});

describe('regulatory profiles', () => {
  const fca: Policy = { ...defaultPolicy, regulatoryProfile: 'fca' };
  const cfpb: Policy = { ...defaultPolicy, regulatoryProfile: 'cfpb' };

  it.each([
    // FCA reply: close of business on the 3rd working day following the day of receipt.
    ['fca reply, Monday morning', fca, 'reply', 'L1', '2026-11-23T10:00', '2026-11-26T18:00'],
    ['fca reply, Monday evening', fca, 'reply', 'L1', '2026-11-23T19:00', '2026-11-26T18:00'],
    ['fca reply, Saturday', fca, 'reply', 'L2', '2026-11-21T10:00', '2026-11-25T18:00'],
    ['fca reply, L4 too', fca, 'reply', 'L4', '2026-11-23T10:00', '2026-11-26T18:00'],
    [
      'fca reply, before Spring Festival',
      fca,
      'reply',
      'L1',
      '2026-02-13T10:00',
      '2026-02-25T18:00',
    ],
    ['fca close: 8 weeks', fca, 'close', 'L1', '2026-11-23T10:00', '2027-01-18T10:00'],
    ['fca leaves forward alone', fca, 'forward', 'L1', '2026-11-23T10:00', '2026-11-23T10:30'],
    ['cfpb reply: 15 days', cfpb, 'reply', 'L1', '2026-11-23T10:00', '2026-12-08T10:00'],
    ['cfpb close: 60 days', cfpb, 'close', 'L3', '2026-11-23T10:00', '2027-01-22T10:00'],
    ['cfpb leaves callback alone', cfpb, 'callback', 'L1', '2026-11-23T10:00', '2026-11-26T10:00'],
  ] as [string, Policy, ClockId, SeverityLevel, string, string][])(
    '%s',
    (_, policy, clock, level, at, expected) => {
      expect(due(clock, level, at, false, policy).due).toBe(expected);
    },
  );

  it('calendar days need no holiday data', () => {
    const fcaClose = deadlineFor(
      'close',
      { at: sh('2026-11-23T10:00'), severity: 'L1', channel: 'email' },
      { ...defaultPolicy, regulatoryProfile: 'fca' },
    );
    expect(fcaClose.calendarUnknown).toBe(false);
  });
});

describe('calendarUnknown', () => {
  it.each([
    ['forward', 'L1', '2027-03-01T10:00', '2027-03-01T10:30', true],
    ['forward', 'L1', '2027-02-06T10:00', '2027-02-08T10:00', true],
    ['close', 'L1', '2026-12-30T10:00', '2027-01-06T10:00', true],
    ['close', 'L1', '2026-11-23T10:00', '2026-11-30T10:00', false],
    ['progress', 'L1', '2026-12-31T17:30', '2027-01-01T17:00', true],
    ['forward', 'L3', '2027-03-01T10:00', '2027-03-01T10:30', false],
    ['reply', 'L1', '2027-03-01T10:00', '2027-03-02T10:00', false],
  ] as [ClockId, SeverityLevel, string, string, boolean][])(
    '%s %s at %s → %s',
    (clock, level, at, expected, unknown) => {
      const d = deadlineFor(clock, { at: sh(at), severity: level, channel: 'web_form' });
      expect({ due: shLocal(d.dueAt), unknown: d.calendarUnknown }).toEqual({
        due: expected,
        unknown,
      });
    },
  );
});

describe('other calendars', () => {
  it.each([
    [
      'lunch: forward skips it',
      chinaLunchCalendar,
      'forward',
      'L1',
      '2026-11-23T11:45',
      '2026-11-23T13:15',
    ],
    [
      'lunch: during it is out of hours',
      chinaLunchCalendar,
      'forward',
      'L1',
      '2026-11-23T12:30',
      '2026-11-23T14:00',
    ],
    [
      'lunch: first contact',
      chinaLunchCalendar,
      'firstContact',
      'L1',
      '2026-11-23T11:00',
      '2026-11-23T14:00',
    ],
  ] as [string, BusinessCalendar, ClockId, SeverityLevel, string, string][])(
    '%s',
    (_, calendar, clock, level, at, expected) => {
      const d = deadlineFor(
        clock,
        { at: sh(at), severity: level, channel: 'email' },
        defaultPolicy,
        calendar,
      );
      expect(shLocal(d.dueAt)).toBe(expected);
    },
  );

  const fca: Policy = { ...defaultPolicy, regulatoryProfile: 'fca', calendar: londonCalendar };
  const cfpb: Policy = { ...defaultPolicy, regulatoryProfile: 'cfpb', calendar: newYorkCalendar };
  it.each([
    [
      'London forward over the spring change',
      defaultPolicy,
      londonCalendar,
      'forward',
      '2026-03-27T17:15:00Z',
      '2026-03-30T08:15:00.000Z',
    ],
    [
      'London out of hours over it',
      defaultPolicy,
      londonCalendar,
      'forward',
      '2026-03-28T10:00:00Z',
      '2026-03-30T09:00:00.000Z',
    ],
    [
      'London progress after the autumn change',
      defaultPolicy,
      londonCalendar,
      'progress',
      '2026-10-23T17:00:00Z',
      '2026-10-26T17:00:00.000Z',
    ],
    [
      'FCA reply over Easter (policy calendar)',
      fca,
      undefined,
      'reply',
      '2026-04-02T09:00:00Z',
      '2026-04-09T16:30:00.000Z',
    ],
    [
      'FCA close, 56 days over the autumn change',
      fca,
      undefined,
      'close',
      '2026-10-01T09:00:00Z',
      '2026-11-26T10:00:00.000Z',
    ],
    [
      'CFPB reply, 15 days over the spring change',
      cfpb,
      undefined,
      'reply',
      '2026-03-01T15:00:00Z',
      '2026-03-16T14:00:00.000Z',
    ],
    [
      'New York close over the autumn change',
      defaultPolicy,
      newYorkCalendar,
      'close',
      '2026-10-28T15:00:00Z',
      '2026-11-04T16:00:00.000Z',
    ],
  ] as [string, Policy, BusinessCalendar | undefined, ClockId, string, string][])(
    '%s',
    (_, policy, calendar, clock, at, expected) => {
      const d = deadlineFor(
        clock,
        { at: new Date(at), severity: 'L1', channel: 'email' },
        policy,
        calendar,
      );
      expect(d.dueAt.toISOString()).toBe(expected);
      expect(d.calendarUnknown).toBe(false);
    },
  );
});

describe('policy variations', () => {
  it('counts a clock-unit out-of-hours target from the next working start', () => {
    const policy: Policy = {
      ...defaultPolicy,
      clocks: {
        ...defaultPolicy.clocks,
        forward: {
          ...defaultPolicy.clocks.forward,
          outOfHours: { amount: 15, unit: 'clockMinutes' },
        },
      },
    };
    expect(due('forward', 'L1', '2026-11-20T20:00', false, policy).due).toBe('2026-11-23T09:15');
  });

  it('applies a severity override to any clock', () => {
    const policy: Policy = {
      ...defaultPolicy,
      clocks: {
        ...defaultPolicy.clocks,
        close: {
          default: { amount: 5, unit: 'workingDays' },
          bySeverity: { L2: { amount: 2, unit: 'workingDays' } },
        },
      },
    };
    expect(due('close', 'L2', '2026-11-23T10:00', false, policy).due).toBe('2026-11-25T10:00');
    expect(due('close', 'L1', '2026-11-23T10:00', false, policy).due).toBe('2026-11-30T10:00');
  });

  it('gives dailyAt a default time (end of hours) and extra days', () => {
    const policy: Policy = {
      ...defaultPolicy,
      clocks: { ...defaultPolicy.clocks, progress: { default: { amount: 1, unit: 'dailyAt' } } },
    };
    expect(due('progress', 'L1', '2026-11-23T10:00', false, policy).due).toBe('2026-11-24T18:00');
  });
});
