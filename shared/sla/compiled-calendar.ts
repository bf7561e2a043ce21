import type { BusinessCalendar } from './calendar-data';
import { MS_PER_DAY, MS_PER_MINUTE, dayOf, offsetAt, weekdayOf } from './zoned-time';

/** A calendar turned into numbers once, so per-day questions are a few integer operations. */
export interface CompiledCalendar {
  zone: string;
  /** Working periods of a working day, `[start, end, start, end…]` in ms after local midnight. */
  periods: readonly number[];
  /** End of working hours, ms after local midnight. */
  dayEnd: number;
  restMask: number;
  holidays: ReadonlySet<number>;
  makeUpDays: ReadonlySet<number>;
  /** `[firstDay, afterLastDay)` pairs of the years whose holidays are known. */
  knownDays: readonly number[];
}

/** Collects whether a computation touched a day whose holidays are unknown. */
export interface Track {
  unknown: boolean;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

/** `HH:MM` as ms after local midnight. */
export function timeOfDay(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MS_PER_MINUTE;
}

/** The compiled form of `calendar`, built once per calendar object. Throws on an unusable one. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const hit = compiled.get(calendar);
  if (hit) return hit;
  const start = timeOfDay(calendar.workingHours.start);
  const end = timeOfDay(calendar.workingHours.end);
  if (!(start < end))
    throw new RangeError(`${calendar.id}: working hours must end after they start`);
  if (Number.isNaN(offsetAt(calendar.timeZone, 0))) {
    throw new RangeError(`${calendar.id}: unknown time zone ${calendar.timeZone}`);
  }
  let periods = [start, end];
  if (calendar.lunchBreak) {
    const from = Math.max(start, timeOfDay(calendar.lunchBreak.start));
    const to = Math.min(end, timeOfDay(calendar.lunchBreak.end));
    if (from < to) periods = [start, from, to, end];
  }
  // A lunch break flush with either end leaves a zero-length period: drop it.
  const kept: number[] = [];
  for (let i = 0; i < periods.length; i += 2) {
    if (periods[i]! < periods[i + 1]!) kept.push(periods[i]!, periods[i + 1]!);
  }
  const knownDays: number[] = [];
  for (const year of calendar.years) {
    knownDays.push(Date.UTC(year, 0, 1) / MS_PER_DAY, Date.UTC(year + 1, 0, 1) / MS_PER_DAY);
  }
  const result: CompiledCalendar = {
    zone: calendar.timeZone,
    periods: kept,
    dayEnd: end,
    restMask: calendar.restDays.reduce((mask, d) => mask | (1 << d), 0),
    holidays: new Set(calendar.holidays.map(dayOf)),
    makeUpDays: new Set(calendar.makeUpDays.map(dayOf)),
    knownDays,
  };
  if (result.restMask === 0b111_1111 && result.makeUpDays.size === 0) {
    throw new RangeError(`${calendar.id}: no working days`);
  }
  compiled.set(calendar, result);
  return result;
}

/**
 * Whether local day `day` is a working day. Listed dates apply in every year (an organisation's
 * closure counts even before its year is complete); a year outside `years` marks `track`.
 * A date listed both ways is a holiday: a closure beats a make-up day.
 */
export function isWorkingDayNumber(cal: CompiledCalendar, day: number, track: Track): boolean {
  const known = cal.knownDays;
  let inKnownYear = false;
  for (let i = 0; i < known.length; i += 2) {
    if (day >= known[i]! && day < known[i + 1]!) {
      inKnownYear = true;
      break;
    }
  }
  if (!inKnownYear) track.unknown = true;
  if (cal.holidays.has(day)) return false;
  if (cal.makeUpDays.has(day)) return true;
  return (cal.restMask & (1 << weekdayOf(day))) === 0;
}

/** The next working day after `day`; throws after two years without one. */
export function nextWorkingDay(cal: CompiledCalendar, day: number, track: Track): number {
  for (let d = day + 1; d <= day + 732; d++) if (isWorkingDayNumber(cal, d, track)) return d;
  throw new RangeError('no working day within two years');
}
