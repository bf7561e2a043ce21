// The function's own module: the package index brings TZDate too.
import { tzOffset } from '@date-fns/tz/tzOffset';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

// Offsets per zone per UTC day: Intl formatting costs microseconds, a Map lookup nanoseconds.
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED_DAYS = 20_000;

/** UTC offset of `zone` at instant `t` (epoch ms), in ms; NaN for an unknown zone. */
export function offsetAt(zone: string, t: number): number {
  const day = Math.floor(t / MS_PER_DAY);
  let days = offsets.get(zone);
  if (days === undefined) {
    days = new Map();
    offsets.set(zone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    const first = tzOffset(zone, new Date(day * MS_PER_DAY));
    const last = tzOffset(zone, new Date((day + 1) * MS_PER_DAY - 1));
    // NaN marks a day with a transition: those few are asked exactly.
    offset = first === last ? Math.round(first * MS_PER_MINUTE) : Number.NaN;
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? Math.round(tzOffset(zone, new Date(t)) * MS_PER_MINUTE) : offset;
}

/** Wall-clock time of instant `t` in `zone`, as epoch ms of the same wall time in UTC. */
export function toLocal(zone: string, t: number): number {
  return t + offsetAt(zone, t);
}

/**
 * The instant showing wall-clock time `local` in `zone`. Like Temporal's `compatible`
 * disambiguation: a time repeated by a backward shift takes the earlier instant; a time skipped
 * by a forward shift moves forward by the gap (01:30 → 02:30).
 */
export function fromLocal(zone: string, local: number): number {
  const before = offsetAt(zone, local - MS_PER_DAY);
  const after = offsetAt(zone, local + MS_PER_DAY);
  if (before === after) return local - before;
  const early = local - before;
  const late = local - after;
  const earlyOk = offsetAt(zone, early) === before;
  const lateOk = offsetAt(zone, late) === after;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  return early;
}

/** Day number (days since 1970-01-01) of a local `YYYY-MM-DD`; throws on a malformed date. */
export function dayOf(localDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const day = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / MS_PER_DAY : Number.NaN;
  if (
    !Number.isInteger(day) ||
    new Date(day * MS_PER_DAY).toISOString().slice(0, 10) !== localDate
  ) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${localDate}`);
  }
  return day;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
