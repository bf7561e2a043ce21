import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, chinaCalendar } from './calendar-data';
import {
  chinaLunchCalendar,
  londonCalendar,
  newYorkCalendar,
  sh,
  shLocal,
} from '../../test/support/sla-calendars';
import { isWorkingDay, isWorkingTime, nextWorkingStart } from './working-time';

describe('R-CAL-1 isWorkingDay', () => {
  it.each([
    ['2026-11-20', chinaCalendar, true, 'a Friday'],
    ['2026-11-21', chinaCalendar, false, 'a Saturday'],
    ['2026-02-14', chinaCalendar, true, 'a Saturday make-up day (调休)'],
    ['2026-01-04', chinaCalendar, true, 'a Sunday make-up day'],
    ['2026-02-16', chinaCalendar, false, 'a Monday in the Spring Festival'],
    ['2026-10-08', chinaCalendar, true, 'the day after National Day'],
    ['2025-10-08', chinaCalendar, false, 'a 2025 National Day holiday'],
    ['2027-01-01', chinaCalendar, true, 'an unknown year: weekly rest days only'],
    ['2027-01-02', chinaCalendar, false, 'an unknown-year Saturday'],
    ['2026-04-03', londonCalendar, false, 'Good Friday'],
    ['2026-07-03', newYorkCalendar, false, 'Independence Day observed'],
  ] as [string, BusinessCalendar, boolean, string][])(
    '%s → %s (%s)',
    (date, calendar, expected) => {
      expect(isWorkingDay(date, calendar)).toBe(expected);
    },
  );

  it('prefers a holiday when a date is listed both ways', () => {
    const calendar = { ...chinaCalendar, holidays: [...chinaCalendar.holidays, '2026-02-14'] };
    expect(isWorkingDay('2026-02-14', calendar)).toBe(false);
  });
});

describe('isWorkingTime', () => {
  it.each([
    ['2026-11-20T08:59:59', chinaCalendar, false],
    ['2026-11-20T09:00', chinaCalendar, true],
    ['2026-11-20T12:30', chinaCalendar, true],
    ['2026-11-20T17:59:59', chinaCalendar, true],
    ['2026-11-20T18:00', chinaCalendar, false],
    ['2026-11-21T10:00', chinaCalendar, false],
    ['2026-02-14T10:00', chinaCalendar, true],
    ['2026-02-16T10:00', chinaCalendar, false],
    ['2026-11-20T11:59', chinaLunchCalendar, true],
    ['2026-11-20T12:00', chinaLunchCalendar, false],
    ['2026-11-20T12:59', chinaLunchCalendar, false],
    ['2026-11-20T13:00', chinaLunchCalendar, true],
  ] as [string, BusinessCalendar, boolean][])('%s (%s)', (local, calendar, expected) => {
    expect(isWorkingTime(sh(local), calendar)).toBe(expected);
  });

  it.each([
    // 09:00 London is 08:00Z in summer and 09:00Z in winter.
    ['2026-03-27T08:30:00Z', false],
    ['2026-03-27T09:00:00Z', true],
    ['2026-03-30T08:00:00Z', true],
    ['2026-03-30T16:30:00Z', false],
  ])('London across DST: %s → %s', (instant, expected) => {
    expect(isWorkingTime(new Date(instant), londonCalendar)).toBe(expected);
  });
});

describe('nextWorkingStart', () => {
  it.each([
    ['2026-11-20T10:15', chinaCalendar, '2026-11-20T10:15'],
    ['2026-11-20T07:00', chinaCalendar, '2026-11-20T09:00'],
    ['2026-11-20T18:00', chinaCalendar, '2026-11-23T09:00'],
    ['2026-02-13T19:00', chinaCalendar, '2026-02-14T09:00'],
    ['2026-02-15T10:00', chinaCalendar, '2026-02-24T09:00'],
    ['2026-09-30T18:30', chinaCalendar, '2026-10-08T09:00'],
    ['2026-11-20T12:15', chinaLunchCalendar, '2026-11-20T13:00'],
    ['2026-12-31T19:00', chinaCalendar, '2027-01-01T09:00'],
  ] as [string, BusinessCalendar, string][])('%s (%s) → %s', (local, calendar, expected) => {
    expect(shLocal(nextWorkingStart(sh(local), calendar))).toBe(expected);
  });

  it('lands on 09:00 local on the far side of a DST change', () => {
    expect(nextWorkingStart(new Date('2026-03-27T18:00:00Z'), londonCalendar).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    expect(nextWorkingStart(new Date('2026-10-30T21:00:00Z'), newYorkCalendar).toISOString()).toBe(
      '2026-11-02T14:00:00.000Z',
    );
  });

  it('rejects a calendar that cannot be worked with', () => {
    const at = sh('2026-11-20T10:00');
    expect(() =>
      nextWorkingStart(at, { ...chinaCalendar, restDays: [0, 1, 2, 3, 4, 5, 6], makeUpDays: [] }),
    ).toThrow(RangeError);
    expect(() =>
      isWorkingTime(at, { ...chinaCalendar, workingHours: { start: '18:00', end: '09:00' } }),
    ).toThrow(RangeError);
    expect(() => isWorkingTime(at, { ...chinaCalendar, timeZone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
  });
});
