import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type WorkingAmount, addWorkingTime } from './add-working-time';
import { type BusinessCalendar, chinaCalendar } from './calendar-data';
import {
  chinaLunchCalendar,
  londonCalendar,
  newYorkCalendar,
  sh,
  shLocal,
} from '../../test/support/sla-calendars';
import { isWorkingTime } from './working-time';

describe('R-CAL-1 addWorkingTime on the China calendar', () => {
  it.each([
    ['2026-11-20T17:50', { minutes: 30 }, '2026-11-23T09:20', 'over a weekend'],
    ['2026-11-20T17:50', { minutes: 10 }, '2026-11-20T18:00', 'to the closing instant'],
    ['2026-11-20T17:50', { minutes: 0 }, '2026-11-20T17:50', 'nothing'],
    ['2026-11-21T10:00', { minutes: 60 }, '2026-11-23T10:00', 'from a Saturday'],
    ['2026-11-23T07:00', { hours: 2 }, '2026-11-23T11:00', 'from before opening'],
    ['2026-11-23T17:00', { hours: 2 }, '2026-11-24T10:00', 'overnight'],
    ['2026-11-23T10:00', { hours: 9 }, '2026-11-24T10:00', 'one whole working day'],
    ['2026-11-23T10:00', { hours: 1, minutes: 30 }, '2026-11-23T11:30', 'hours and minutes'],
    ['2026-02-13T17:30', { minutes: 60 }, '2026-02-14T09:30', 'into a make-up Saturday'],
    ['2026-02-14T17:30', { minutes: 60 }, '2026-02-24T09:30', 'over the Spring Festival'],
    ['2026-09-30T17:00', { days: 5 }, '2026-10-13T17:00', 'days over National Day'],
    ['2026-11-20T17:50', { days: 1 }, '2026-11-23T17:50', 'a day from Friday'],
    [
      '2026-11-20T18:00',
      { days: 1 },
      '2026-11-24T09:00',
      'days from after hours: next start first',
    ],
    ['2026-11-21T10:00', { days: 0 }, '2026-11-23T09:00', 'zero days normalises the start'],
    ['2026-11-20T17:50', { days: 1, minutes: 20 }, '2026-11-24T09:10', 'days, then minutes'],
  ] as [string, WorkingAmount, string, string][])(
    '%s + %o → %s (%s)',
    (start, amount, expected) => {
      expect(addWorkingTime(sh(start), amount, chinaCalendar)).toEqual({
        at: sh(expected),
        calendarUnknown: false,
      });
    },
  );

  it.each([
    ['2026-11-23T11:30', { minutes: 60 }, '2026-11-23T13:30'],
    ['2026-11-23T12:15', { minutes: 30 }, '2026-11-23T13:30'],
    ['2026-11-23T11:00', { minutes: 60 }, '2026-11-23T12:00'],
    ['2026-11-23T11:00', { minutes: 61 }, '2026-11-23T13:01'],
    ['2026-11-23T17:30', { hours: 1 }, '2026-11-24T09:30'],
    ['2026-11-23T12:30', { days: 1 }, '2026-11-24T13:00'],
  ] as [string, WorkingAmount, string][])(
    'lunch break: %s + %o → %s',
    (start, amount, expected) => {
      expect(shLocal(addWorkingTime(sh(start), amount, chinaLunchCalendar).at)).toBe(expected);
    },
  );

  it.each([
    ['2026-11-23T10:00', { days: 5 }, '2026-11-30T10:00', false],
    ['2026-12-30T10:00', { days: 5 }, '2027-01-06T10:00', true],
    ['2026-12-31T17:00', { hours: 2 }, '2027-01-01T10:00', true],
    ['2027-03-05T17:00', { hours: 2 }, '2027-03-08T10:00', true],
    ['2024-12-31T17:00', { hours: 2 }, '2025-01-02T10:00', true],
  ] as [string, WorkingAmount, string, boolean][])(
    'unknown years fall back to rest days: %s + %o → %s (unknown %s)',
    (start, amount, expected, unknown) => {
      expect(addWorkingTime(sh(start), amount, chinaCalendar)).toEqual({
        at: sh(expected),
        calendarUnknown: unknown,
      });
    },
  );

  it.each([
    { minutes: -1 },
    { hours: Number.NaN },
    { days: 1.5 },
    { days: -2 },
    { minutes: Infinity },
  ])('rejects %o', (amount) => {
    expect(() => addWorkingTime(sh('2026-11-23T10:00'), amount, chinaCalendar)).toThrow(RangeError);
  });
});

describe('addWorkingTime across DST', () => {
  it.each([
    // London 09:00–17:30; BST starts Sun 29 Mar, ends Sun 25 Oct.
    [londonCalendar, '2026-03-27T17:00:00Z', { minutes: 60 }, '2026-03-30T08:30:00.000Z'],
    [londonCalendar, '2026-10-23T16:00:00Z', { minutes: 60 }, '2026-10-26T09:30:00.000Z'],
    [londonCalendar, '2026-03-27T10:00:00Z', { days: 1 }, '2026-03-30T09:00:00.000Z'],
    [londonCalendar, '2026-10-23T09:00:00Z', { days: 1 }, '2026-10-26T10:00:00.000Z'],
    [londonCalendar, '2026-04-02T16:00:00Z', { hours: 1 }, '2026-04-07T08:30:00.000Z'],
    // New York 09:00–17:00 with lunch 12:00–13:00; EDT starts Sun 8 Mar, ends Sun 1 Nov.
    [newYorkCalendar, '2026-10-30T20:00:00Z', { hours: 2 }, '2026-11-02T15:00:00.000Z'],
    [newYorkCalendar, '2026-03-06T21:30:00Z', { hours: 1 }, '2026-03-09T13:30:00.000Z'],
    [newYorkCalendar, '2026-11-02T16:30:00Z', { hours: 1 }, '2026-11-02T18:30:00.000Z'],
  ] as [BusinessCalendar, string, WorkingAmount, string][])(
    '%s: %s + %o → %s',
    (calendar, start, amount, expected) => {
      expect(addWorkingTime(new Date(start), amount, calendar).at.toISOString()).toBe(expected);
    },
  );
});

const calendars = [chinaCalendar, chinaLunchCalendar, londonCalendar, newYorkCalendar];
const anyCalendar = fc.constantFrom(...calendars);
// Known years only (2026 for the test calendars), leaving room for the amount.
const anyStart = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 10, 1) })
  .map((t) => new Date(t));
const minutes = fc.integer({ min: 0, max: 5_000 });
const add = (start: Date, m: number, calendar: BusinessCalendar) =>
  addWorkingTime(start, { minutes: m }, calendar).at;

/** Reference: walk minute by minute, counting the minutes that start in working time. */
function stepwise(start: Date, m: number, calendar: BusinessCalendar): Date {
  let t = start.getTime();
  for (let left = m; left > 0; t += 60_000) if (isWorkingTime(new Date(t), calendar)) left--;
  return new Date(t);
}

describe('addWorkingTime properties', () => {
  it('ends inside working time: the last millisecond counted is a working one', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        anyStart,
        fc.integer({ min: 1, max: 5_000 }),
        (calendar, start, m) => {
          const at = add(start, m, calendar);
          expect(at.getTime()).toBeGreaterThan(start.getTime());
          expect(isWorkingTime(new Date(at.getTime() - 1), calendar)).toBe(true);
        },
      ),
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, minutes, minutes, (calendar, start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(add(start, lo, calendar).getTime()).toBeLessThanOrEqual(
          add(start, hi, calendar).getTime(),
        );
      }),
    );
  });

  it('adding a + b equals adding a, then b', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, minutes, minutes, (calendar, start, a, b) => {
        expect(add(add(start, a, calendar), b, calendar)).toEqual(add(start, a + b, calendar));
      }),
    );
  });

  it('hours are 60 minutes', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, fc.integer({ min: 0, max: 80 }), (calendar, start, h) => {
        expect(addWorkingTime(start, { hours: h }, calendar).at).toEqual(
          add(start, h * 60, calendar),
        );
      }),
    );
  });

  it('agrees with a minute-by-minute walk', () => {
    const minuteStart = anyStart.map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));
    fc.assert(
      fc.property(
        anyCalendar,
        minuteStart,
        fc.integer({ min: 0, max: 2_000 }),
        (calendar, start, m) => {
          expect(add(start, m, calendar)).toEqual(stepwise(start, m, calendar));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('whole days land in working time at the normalised start time of day', () => {
    fc.assert(
      fc.property(anyCalendar, anyStart, fc.integer({ min: 0, max: 40 }), (calendar, start, n) => {
        const at = addWorkingTime(start, { days: n }, calendar).at;
        expect(isWorkingTime(at, calendar)).toBe(true);
        expect(addWorkingTime(start, { days: n + 1 }, calendar).at.getTime()).toBeGreaterThan(
          at.getTime(),
        );
      }),
    );
  });
});
