import { defaultPolicyBase } from '../policy/default-policy-base';
import type { PolicyBase } from '../policy/policy';
import { CLOCKS, type ClockId } from '../schema/codes';
import { type BusinessCalendar, chinaCalendar } from './calendar-data';
import type { DeadlineInput } from './clock-span';
import { compileCalendar } from './compiled-calendar';
import { type DeadlineTrace, dueAt } from './deadline-for';

/** Clock states, best first: `worst` is the last of them present. */
export const SLA_STATES = ['met', 'running', 'at_risk', 'missed', 'breached'] as const;
/**
 * running: before the warning; at_risk: past `warnAt`; breached: past due and still running;
 * met: stopped on time; missed: stopped late.
 */
export type SlaState = (typeof SLA_STATES)[number];

const RANK: Record<SlaState, number> = { met: 0, running: 1, at_risk: 2, missed: 3, breached: 4 };

export interface ClockDeadline {
  clock: ClockId;
  startedAt: Date;
  /** The computed target, or the customer-agreed due time when one was recorded. */
  dueAt: Date;
  /** `policy.warnAtRatio` of the way from start to due, in absolute time. */
  warnAt: Date;
  stoppedAt?: Date;
  state: SlaState;
  /** When the breach happened (= `dueAt`), for breached and missed clocks. */
  breachedAt?: Date;
  calendarUnknown: boolean;
}

export interface DeadlineSummary {
  /** One entry per clock that has a span, in `CLOCKS` order. */
  clocks: ClockDeadline[];
  /** Earliest due time among clocks not stopped (running, at risk or breached). */
  nextDueAt?: Date;
  /** The worst state of any clock (order of `SLA_STATES`). */
  worst?: SlaState;
}

/**
 * Every clock of a complaint at `now`: due and warning times and their state. A clock is due
 * at its `agreedDueAt` when set, else per `deadlineFor`'s rules; a clock stopped exactly at its
 * due time is met, a running clock is breached only after its due time. Effects are left to
 * the caller that starts the clock (`deadlineFor`): recomputing must not alert twice.
 */
export function computeDeadlines(
  input: DeadlineInput,
  now: Date,
  policy: PolicyBase = defaultPolicyBase,
  calendar: BusinessCalendar = policy.calendar ?? chinaCalendar,
): DeadlineSummary {
  const cal = compileCalendar(calendar);
  const nowMs = now.getTime();
  const level = input.severity.level;
  const clocks: ClockDeadline[] = [];
  let next = Number.POSITIVE_INFINITY;
  let worst: SlaState | undefined;
  for (const clock of CLOCKS) {
    const span = input.clocks[clock];
    if (span === undefined) continue;
    const start = Date.parse(span.startedAt);
    const trace: DeadlineTrace = { unknown: false, alert: false };
    const due =
      span.agreedDueAt === undefined
        ? dueAt(clock, start, level, input.urgent, policy, cal, trace)
        : Date.parse(span.agreedDueAt);
    const warn = start + Math.round((due - start) * policy.warnAtRatio);
    const entry: ClockDeadline = {
      clock,
      startedAt: new Date(start),
      dueAt: new Date(due),
      warnAt: new Date(warn),
      state: 'running',
      calendarUnknown: trace.unknown,
    };
    if (span.stoppedAt !== undefined) {
      const stopped = Date.parse(span.stoppedAt);
      entry.stoppedAt = new Date(stopped);
      entry.state = stopped <= due ? 'met' : 'missed';
    } else {
      if (due < next) next = due;
      entry.state = nowMs > due ? 'breached' : nowMs >= warn ? 'at_risk' : 'running';
    }
    if (entry.state === 'breached' || entry.state === 'missed') entry.breachedAt = entry.dueAt;
    if (worst === undefined || RANK[entry.state] > RANK[worst]) worst = entry.state;
    clocks.push(entry);
  }
  const summary: DeadlineSummary = { clocks };
  if (next !== Number.POSITIVE_INFINITY) summary.nextDueAt = new Date(next);
  if (worst !== undefined) summary.worst = worst;
  return summary;
}
