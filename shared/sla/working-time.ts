import type { BusinessCalendar } from './calendar-data';
import {
  type CompiledCalendar,
  type Track,
  compileCalendar,
  isWorkingDayNumber,
  nextWorkingDay,
} from './compiled-calendar';
import { MS_PER_DAY, dayOf, fromLocal, toLocal } from './zoned-time';

/** `isWorkingTime` on epoch ms and a compiled calendar. */
export function isWorkingTimeAt(cal: CompiledCalendar, t: number, track: Track): boolean {
  const local = toLocal(cal.zone, t);
  const day = Math.floor(local / MS_PER_DAY);
  if (!isWorkingDayNumber(cal, day, track)) return false;
  const ms = local - day * MS_PER_DAY;
  const p = cal.periods;
  for (let i = 0; i < p.length; i += 2) if (ms >= p[i]! && ms < p[i + 1]!) return true;
  return false;
}

/**
 * `isOutOfHours` on epoch ms: a rest day or holiday, or before the working day starts or after it
 * ends. A lunch break is inside the working day: the team is back within the hour.
 */
export function isOutOfHoursAt(cal: CompiledCalendar, t: number, track: Track): boolean {
  const local = toLocal(cal.zone, t);
  const day = Math.floor(local / MS_PER_DAY);
  if (!isWorkingDayNumber(cal, day, track)) return true;
  const ms = local - day * MS_PER_DAY;
  return ms < cal.periods[0]! || ms >= cal.periods[cal.periods.length - 1]!;
}

/** `nextWorkingStart` on epoch ms and a compiled calendar. */
export function nextWorkingStartAt(cal: CompiledCalendar, t: number, track: Track): number {
  const local = toLocal(cal.zone, t);
  let day = Math.floor(local / MS_PER_DAY);
  const ms = local - day * MS_PER_DAY;
  const p = cal.periods;
  if (isWorkingDayNumber(cal, day, track)) {
    for (let i = 0; i < p.length; i += 2) {
      if (ms < p[i + 1]!) return ms >= p[i]! ? t : fromLocal(cal.zone, day * MS_PER_DAY + p[i]!);
    }
  }
  day = nextWorkingDay(cal, day, track);
  return fromLocal(cal.zone, day * MS_PER_DAY + p[0]!);
}

/**
 * Whether a local date (`YYYY-MM-DD` in the calendar's zone) is a working day: not a weekly rest
 * day unless it is a make-up day (调休), and not a holiday.
 */
export function isWorkingDay(localDate: string, calendar: BusinessCalendar): boolean {
  return isWorkingDayNumber(compileCalendar(calendar), dayOf(localDate), { unknown: false });
}

/**
 * Whether `at` falls inside working hours of a working day (a lunch break is not working time).
 * A period includes its start and excludes its end: 18:00 is after hours for 09:00–18:00.
 */
export function isWorkingTime(at: Date, calendar: BusinessCalendar): boolean {
  return isWorkingTimeAt(compileCalendar(calendar), at.getTime(), { unknown: false });
}

/**
 * Whether `at` is out of hours on the business calendar (docs/rules.md §1: after work, weekends,
 * holidays; make-up days are working days). Decides the on-call alert and the forwarding clock:
 * an L3 at 13:08 on a working Monday is in hours.
 */
export function isOutOfHours(at: Date, calendar: BusinessCalendar): boolean {
  return isOutOfHoursAt(compileCalendar(calendar), at.getTime(), { unknown: false });
}

/** `at` itself when it is working time, else the start of the next working period. */
export function nextWorkingStart(at: Date, calendar: BusinessCalendar): Date {
  return new Date(nextWorkingStartAt(compileCalendar(calendar), at.getTime(), { unknown: false }));
}
