/** Calendars for tests only: zones with DST, a lunch break, known holidays. */
import { type BusinessCalendar, chinaCalendar } from '../../shared/sla/calendar-data';

/** England & Wales 2026 bank holidays; BST from Sun 29 Mar 01:00Z to Sun 25 Oct 01:00Z. */
export const londonCalendar: BusinessCalendar = {
  id: 'gb-eaw',
  timeZone: 'Europe/London',
  workingHours: { start: '09:00', end: '17:30' },
  restDays: [0, 6],
  holidays: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  makeUpDays: [],
  years: [2026],
};

/** US federal 2026 holidays, with a lunch break; EDT from Sun 8 Mar 07:00Z to Sun 1 Nov 06:00Z. */
export const newYorkCalendar: BusinessCalendar = {
  id: 'us-ny',
  timeZone: 'America/New_York',
  workingHours: { start: '09:00', end: '17:00' },
  lunchBreak: { start: '12:00', end: '13:00' },
  restDays: [0, 6],
  holidays: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-11-26',
    '2026-12-25',
  ],
  makeUpDays: [],
  years: [2026],
};

/** Mainland China with a 12:00–13:00 lunch break. */
export const chinaLunchCalendar: BusinessCalendar = {
  ...chinaCalendar,
  id: 'cn-lunch',
  lunchBreak: { start: '12:00', end: '13:00' },
};

/** A Shanghai wall time (fixed UTC+8) as an instant: `sh('2026-11-20T17:50')`. */
export const sh = (local: string): Date => new Date(`${local}+08:00`);

/** An instant as Shanghai wall time, `YYYY-MM-DDTHH:mm`. */
export const shLocal = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
