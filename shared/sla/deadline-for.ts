import { defaultPolicyBase } from '../policy/default-policy-base';
import type { Duration, PolicyBase } from '../policy/policy';
import type { Channel, ClockId, SeverityLevel } from '../schema/codes';
import { addWorkingDaysAt, addWorkingMs } from './add-working-time';
import { type BusinessCalendar, chinaCalendar } from './calendar-data';
import {
  type CompiledCalendar,
  type Track,
  compileCalendar,
  isWorkingDayNumber,
  nextWorkingDay,
  timeOfDay,
} from './compiled-calendar';
import { isOutOfHoursAt, nextWorkingStartAt } from './working-time';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, fromLocal, toLocal } from './zoned-time';

/** Something the caller must do now, returned rather than performed (the core has no I/O). */
export type DeadlineEffect = { type: 'alertOnCall' };

/** What a clock's deadline depends on. */
export interface DeadlineContext {
  /** When the clock started. */
  at: Date;
  severity: SeverityLevel;
  /**
   * Kept for per-channel policy rules (docs/rules.md §1, phone vs email). The policy has no
   * per-channel targets yet, so it does not change the result today: the out-of-hours difference
   * is carried by `urgent` (a live call the receiver judges urgent) versus the default
   * next-working-start rule (an email read in the morning).
   */
  channel: Channel;
  /** Marked urgent by the receiver out of hours; L3+ always counts as urgent. */
  urgent?: boolean;
}

export interface Deadline {
  dueAt: Date;
  /** A day outside `calendar.years` was involved: only weekly rest days were known there. */
  calendarUnknown: boolean;
  effects?: DeadlineEffect[];
}

/** `Track` plus whether the on-call leader must be alerted now. */
export interface DeadlineTrace extends Track {
  alert: boolean;
}

const isMajor = (level: SeverityLevel) => level === 'L3' || level === 'L4';

/**
 * End of working hours on the Nth working day. Day 1 is the start's own day when it is a working
 * day and the start is before the end of working hours (the rest of that day is usable), else
 * the next working day. So with N = 3: Mon 10:00 → Wed 18:00; Mon 19:00 or Sat → Thu/Wed 18:00.
 */
function endOfNthWorkingDay(cal: CompiledCalendar, t: number, n: number, track: Track): number {
  // FCA DISP 1.5.1R: "close of business on the third business day following the day on which it
  // is received" — the day of receipt never counts, whatever the hour.
  let day = Math.floor(toLocal(cal.zone, t) / MS_PER_DAY);
  for (let k = 0; k < Math.max(1, n); k++) day = nextWorkingDay(cal, day, track);
  return fromLocal(cal.zone, day * MS_PER_DAY + cal.dayEnd);
}

/**
 * `at` local time on the working day the clock starts on, or on the next working day when it
 * starts at/after that time or on a non-working day; `n` more working days after that.
 */
function dailyAt(cal: CompiledCalendar, t: number, n: number, at: number, track: Track): number {
  const local = toLocal(cal.zone, t);
  let day = Math.floor(local / MS_PER_DAY);
  if (!(isWorkingDayNumber(cal, day, track) && local - day * MS_PER_DAY < at)) {
    day = nextWorkingDay(cal, day, track);
  }
  for (let k = 0; k < n; k++) day = nextWorkingDay(cal, day, track);
  return fromLocal(cal.zone, day * MS_PER_DAY + at);
}

/** When a target of `d` started at `t` falls due (epoch ms). Day units round a fraction up. */
export function applyDuration(cal: CompiledCalendar, t: number, d: Duration, track: Track): number {
  switch (d.unit) {
    case 'clockMinutes':
      return t + d.amount * MS_PER_MINUTE;
    case 'clockHours':
      return t + d.amount * MS_PER_HOUR;
    case 'calendarDays':
      return fromLocal(cal.zone, toLocal(cal.zone, t) + d.amount * MS_PER_DAY);
    case 'workingMinutes':
      return addWorkingMs(cal, t, d.amount * MS_PER_MINUTE, track);
    case 'workingHours':
      return addWorkingMs(cal, t, d.amount * MS_PER_HOUR, track);
    case 'workingDays':
      return addWorkingDaysAt(cal, t, Math.ceil(d.amount), track);
    case 'workingDaysEndOfDay':
      return endOfNthWorkingDay(cal, t, Math.ceil(d.amount), track);
    case 'dailyAt':
      return dailyAt(cal, t, Math.ceil(d.amount), d.at ? timeOfDay(d.at) : cal.dayEnd, track);
  }
}

/** The due instant of `clock` started at `t`; sets `trace.alert` when the on-call must hear now. */
export function dueAt(
  clock: ClockId,
  t: number,
  level: SeverityLevel,
  urgent: boolean,
  policy: PolicyBase,
  cal: CompiledCalendar,
  trace: DeadlineTrace,
): number {
  // A regulator's deadline is the clock for every severity.
  const regulatory = policy.regulatory[policy.regulatoryProfile]?.[clock];
  if (regulatory) return applyDuration(cal, t, regulatory, trace);
  const target = policy.clocks[clock];
  // A promise-only clock (feedback) without its promised time is due at once.
  if (!target) return t;
  const bySeverity = target.bySeverity?.[level];
  if (clock !== 'forward') return applyDuration(cal, t, bySeverity ?? target.default, trace);
  const outOfHours = isOutOfHoursAt(cal, t, trace);
  if (isMajor(level)) {
    // The on-call leader is for out of hours; in hours the team is there (docs/rules.md R-OOH-1).
    trace.alert = outOfHours;
    return applyDuration(cal, t, bySeverity ?? target.urgent ?? target.default, trace);
  }
  if (!outOfHours) return applyDuration(cal, t, bySeverity ?? target.default, trace);
  if (urgent) {
    trace.alert = true;
    return applyDuration(cal, t, target.urgent ?? bySeverity ?? target.default, trace);
  }
  const start = nextWorkingStartAt(cal, t, trace);
  return applyDuration(cal, start, target.outOfHours ?? bySeverity ?? target.default, trace);
}

/**
 * When `clock` falls due, per `policy.clocks` with the overlay of the selected regulatory profile
 * (which replaces the clock's target at every severity).
 *
 * `forward` (docs/rules.md §5): in hours → the default target; L3+ at any time → the L3/L4 target
 * (30 clock minutes), plus an `alertOnCall` effect when out of hours; out of hours (`isOutOfHours`:
 * a lunch break is in hours) and urgent → the urgent target plus `alertOnCall`; out of hours and
 * not urgent → the out-of-hours target counted from the next working start. `urgent` matters only out of
 * hours: in hours the team is present and the default target applies.
 */
export function deadlineFor(
  clock: ClockId,
  context: DeadlineContext,
  policy: PolicyBase = defaultPolicyBase,
  calendar: BusinessCalendar = policy.calendar ?? chinaCalendar,
): Deadline {
  const trace: DeadlineTrace = { unknown: false, alert: false };
  const due = dueAt(
    clock,
    context.at.getTime(),
    context.severity,
    context.urgent ?? false,
    policy,
    compileCalendar(calendar),
    trace,
  );
  const result: Deadline = { dueAt: new Date(due), calendarUnknown: trace.unknown };
  if (trace.alert) result.effects = [{ type: 'alertOnCall' }];
  return result;
}
