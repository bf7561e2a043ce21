import type { BusinessCalendar } from './calendar-data';
import {
  type CompiledCalendar,
  type Track,
  compileCalendar,
  isWorkingDayNumber,
  nextWorkingDay,
} from './compiled-calendar';
import { nextWorkingStartAt } from './working-time';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, fromLocal, toLocal } from './zoned-time';

/**
 * The earliest instant by which `amount` ms of working time have passed since `t`. Working time is
 * wall-clock time: a DST shift inside working hours (no zone has one today) is not corrected for.
 */
export function addWorkingMs(
  cal: CompiledCalendar,
  t: number,
  amount: number,
  track: Track,
): number {
  if (amount <= 0) return t;
  const local = toLocal(cal.zone, t);
  const startDay = Math.floor(local / MS_PER_DAY);
  const p = cal.periods;
  let day = startDay;
  let ms = local - day * MS_PER_DAY;
  let remaining = amount;
  for (;;) {
    if (isWorkingDayNumber(cal, day, track)) {
      for (let i = 0; i < p.length; i += 2) {
        const end = p[i + 1]!;
        if (ms >= end) continue;
        const from = Math.max(ms, p[i]!);
        if (remaining <= end - from) {
          // Inside the start's own period: plain arithmetic, no wall-clock round trip.
          if (day === startDay && from === ms) return t + remaining;
          return fromLocal(cal.zone, day * MS_PER_DAY + from + remaining);
        }
        remaining -= end - from;
      }
    }
    day = nextWorkingDay(cal, day, track);
    ms = 0;
  }
}

/** The same local time of day on the `n`th working day after `t` (normalised to working time). */
export function addWorkingDaysAt(
  cal: CompiledCalendar,
  t: number,
  n: number,
  track: Track,
): number {
  const start = nextWorkingStartAt(cal, t, track);
  if (n === 0) return start;
  const local = toLocal(cal.zone, start);
  let day = Math.floor(local / MS_PER_DAY);
  const ms = local - day * MS_PER_DAY;
  for (let k = 0; k < n; k++) day = nextWorkingDay(cal, day, track);
  return fromLocal(cal.zone, day * MS_PER_DAY + ms);
}

/** How much working time to add; all parts default to 0 and are added days first. */
export interface WorkingAmount {
  minutes?: number;
  hours?: number;
  /** Whole working days: the same local time of day on the Nth following working day. */
  days?: number;
}

/** An instant computed on a business calendar. */
export interface CalendarResult {
  at: Date;
  /** A day outside `calendar.years` was involved: only weekly rest days were known there. */
  calendarUnknown: boolean;
}

function checkAmount(name: string, value: number, integer: boolean): void {
  if (!(value >= 0 && Number.isFinite(value)) || (integer && !Number.isInteger(value))) {
    throw new RangeError(
      `${name} must be a non-negative ${integer ? 'integer' : 'number'}: ${value}`,
    );
  }
}

/**
 * Adds working time to `start`. `minutes`/`hours` count only working time (lunch breaks, rest
 * days and holidays are skipped; a start outside hours counts from the next working start) and
 * give the earliest instant by which that much has passed, so the result can be the closing
 * instant of a period (17:50 + 10 min → 18:00); adding 0 returns `start`. `days` moves to the
 * same local time on the Nth following working day, after first moving a start outside working
 * time to the next working start. Both parts apply `days` first.
 */
export function addWorkingTime(
  start: Date,
  amount: WorkingAmount,
  calendar: BusinessCalendar,
): CalendarResult {
  const { minutes = 0, hours = 0, days } = amount;
  checkAmount('minutes', minutes, false);
  checkAmount('hours', hours, false);
  if (days !== undefined) checkAmount('days', days, true);
  const cal = compileCalendar(calendar);
  const track = { unknown: false };
  let t = start.getTime();
  if (days !== undefined) t = addWorkingDaysAt(cal, t, days, track);
  t = addWorkingMs(cal, t, Math.round(minutes * MS_PER_MINUTE + hours * MS_PER_HOUR), track);
  return { at: new Date(t), calendarUnknown: track.unknown };
}
