import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import {
  CALLBACK_OUTCOMES,
  CLOCKS,
  type CallbackOutcome,
  type ClockId,
  RESPONSIBILITIES,
  type Responsibility,
  SEVERITY_LEVELS,
  type SeverityLevel,
} from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { type BusinessCalendar, computeDeadlines } from '../sla/index';
import { type Month, addMonths, monthRange, reportDueDate } from './month';
import { OTHER_CAUSE } from '../workflow/resolution-rules';
import { type ParetoRow, pareto } from './pareto';
import { UNASSIGNED, UNCATEGORIZED, UNRECORDED } from './placeholders';

/** Targets the report is read against (docs/rules.md §6). */
export const HANDLING_TARGET = 1;
export const SATISFACTION_TARGET = 0.95;

export { UNASSIGNED, UNCATEGORIZED, UNRECORDED };

/** Final outcomes that count as handled. */
const HANDLED = ['closed', 'invalid', 'withdrawn', 'transferred'] as const;
type HandledOutcome = (typeof HANDLED)[number];

export interface SlaFigures {
  met: number;
  missed: number;
  /** Still running past its due time at `now`. */
  breached: number;
  /** Due in the month but later than `now` (the current month): not judged yet. */
  pending: number;
  /** met / (met + missed + breached); null when nothing was judged. */
  compliance: number | null;
}

/** The figures of one month. */
export interface MonthFigures {
  month: Month;
  /** Complaints registered in the month: the base of every breakdown. */
  registered: number;
  byCategory: Record<string, number>;
  byDepartment: Record<string, number>;
  byResponsibility: Record<Responsibility | typeof UNRECORDED, number>;
  bySeverity: Record<SeverityLevel, number>;
  byChannel: Record<string, number>;
  paretoCategories: ParetoRow[];
  /**
   * Root-cause codes of the month's complaints (`policy.rootCauses`; a cause written without a
   * code counts as `other`), so the chart counts causes, not phrasings (docs/rules.md R-CAUSE-1).
   */
  paretoCauses: ParetoRow[];
  /** The texts filed under `other`, grouped as written (case, width, spacing folded). */
  otherCauses: ParetoRow[];
  /** Display text of each `otherCauses` key (its first spelling). */
  causeLabels: Record<string, string>;
  causesUnrecorded: number;
  /**
   * The company's fault by responsible department, shares counted by their ratio (a case 60/40
   * between two departments adds 0.6 and 0.4); without shares, the handling department takes it
   * whole (docs/rules.md R-SHARE-1).
   */
  byResponsibleDepartment: Record<string, number>;
  /** Important customers' (重要业户 / VIP) complaints registered in the month (R-VIP-1). */
  vip: {
    registered: number;
    handled: number;
    handlingRate: number | null;
    secondComplaints: number;
    bySeverity: Record<SeverityLevel, number>;
  };
  handling: {
    /** Of the month's registered complaints, those with a final outcome at `now`. */
    handled: number;
    byOutcome: Record<HandledOutcome, number>;
    rate: number | null;
    target: number;
  };
  satisfaction: {
    /** Callback outcomes recorded in the month (every round), named complainants only. */
    byOutcome: Record<CallbackOutcome, number>;
    /** Callbacks left out because the complaint is anonymous. */
    anonymousExcluded: number;
    /** satisfied / (satisfied + unsatisfied); null when neither was recorded. */
    rate: number | null;
    target: number;
    meetsTarget: boolean | null;
  };
  /** Per clock, over the clocks due in the month (their latest span). */
  sla: Record<ClockId, SlaFigures>;
  slaOverall: SlaFigures;
  secondComplaints: {
    /** New complaints registered in the month that repeat an earlier one. */
    newComplaints: number;
    /** Reopens in the month (unsatisfied callbacks, overturned verdicts, supervisors' reopens). */
    reopened: number;
    total: number;
  };
  /** Invalid verdicts reached in the month, and how many of them are confirmed. */
  invalidVerdicts: { total: number; confirmed: number };
  /** Complaints closed in the month: registration to (final) close, in clock hours. */
  timeToClose: { count: number; meanHours: number | null; p90Hours: number | null };
}

export interface TrendDelta {
  registered: number;
  handlingRate: number | null;
  satisfactionRate: number | null;
  slaCompliance: number | null;
  secondComplaints: number;
  invalidVerdicts: number;
  /** Complaints closed in the month, this month less the previous. */
  closed: number;
  meanHoursToClose: number | null;
  p90HoursToClose: number | null;
}

export interface MonthlyReport extends MonthFigures {
  timeZone: string;
  /** [start, end) of the month in the calendar's time zone, as ISO instants. */
  period: { start: string; end: string };
  generatedAt: string;
  /** Local date the report is due (`policy.reportDueDay` of the next month). */
  dueDate: string;
  previous: MonthFigures;
  /** This month minus the previous month; null where either side has no figure. */
  trend: TrendDelta;
}

const HOUR = 3_600_000;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function within(iso: string | undefined, start: number, end: number): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return t >= start && t < end;
}

/** The p-th percentile by the nearest-rank method (the smallest value ≥ p of the data). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** A root cause as a grouping key: width, case and spacing do not make a different cause. */
export function causeKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * When the case was reopened, as far as its snapshot tells: each unsatisfied callback reopened
 * it, an overturned verdict did, and the current round started when its reply clock restarted
 * (the workflow restarts it on every reopen). Reopens of earlier rounds by a supervisor leave no time in the
 * snapshot and are not counted.
 */
export function reopenTimes(state: ComplaintState): string[] {
  const times = state.callbacks.filter((c) => c.outcome === 'unsatisfied').map((c) => c.at);
  if (state.verdict?.overturned) times.push(state.verdict.overturned.at);
  const reply = state.clocks.reply?.startedAt;
  if (state.round > 1 && reply && reply !== state.registeredAt && !times.includes(reply)) {
    times.push(reply);
  }
  return times;
}

function emptySla(): SlaFigures {
  return { met: 0, missed: 0, breached: 0, pending: 0, compliance: null };
}

function settle(f: SlaFigures): SlaFigures {
  return { ...f, compliance: rate(f.met, f.met + f.missed + f.breached) };
}

/** Which complaint a figure counted (`figure` as in {@link reportCases}). */
type Trace = (figure: string, complaintId: string) => void;

function figures(
  complaints: readonly ComplaintState[],
  month: Month,
  now: Date,
  policy: Policy,
  calendar: BusinessCalendar,
  trace: Trace = () => undefined,
): MonthFigures {
  const { start: s, end: e } = monthRange(month, calendar.timeZone);
  const start = s.getTime();
  const end = e.getTime();
  const byCategory: Record<string, number> = {};
  const byDepartment: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  const byResponsibility = zeroes([...RESPONSIBILITIES, UNRECORDED]);
  const bySeverity = zeroes(SEVERITY_LEVELS);
  const causes: Record<string, number> = {};
  const otherCauses: Record<string, number> = {};
  const causeLabels: Record<string, string> = {};
  const byResponsibleDepartment: Record<string, number> = {};
  const vip = {
    registered: 0,
    handled: 0,
    secondComplaints: 0,
    bySeverity: zeroes(SEVERITY_LEVELS),
  };
  let causesUnrecorded = 0;
  let registered = 0;
  const handledBy = zeroes(HANDLED);
  const callbacks = zeroes(CALLBACK_OUTCOMES);
  let anonymousExcluded = 0;
  const sla = Object.fromEntries(CLOCKS.map((c) => [c, emptySla()])) as Record<ClockId, SlaFigures>;
  let newSecond = 0;
  let reopened = 0;
  const invalid = { total: 0, confirmed: 0 };
  const closeHours: number[] = [];

  for (const c of complaints) {
    // Drafts are not registered complaints yet: no figure counts them.
    if (c.status === 'draft' || !c.registeredAt) continue;

    const id = c.id;
    if (within(c.registeredAt, start, end)) {
      registered++;
      trace('registered', id);
      const category = c.category ?? UNCATEGORIZED;
      const department = c.assignment?.department ?? c.department ?? UNASSIGNED;
      const responsibility = c.resolution?.responsibility ?? UNRECORDED;
      bump(byCategory, category);
      bump(byDepartment, department);
      bump(byChannel, c.channel);
      bySeverity[c.severity.level]++;
      byResponsibility[responsibility]++;
      trace(`category:${category}`, id);
      trace(`department:${department}`, id);
      trace(`channel:${c.channel}`, id);
      trace(`severity:${c.severity.level}`, id);
      trace(`responsibility:${responsibility}`, id);
      const code = c.resolution?.rootCauseCode;
      const cause = c.resolution?.rootCause?.trim();
      if (code !== undefined && code !== OTHER_CAUSE) {
        bump(causes, code);
        trace(`cause:${code}`, id);
      } else if (cause) {
        bump(causes, OTHER_CAUSE);
        trace(`cause:${OTHER_CAUSE}`, id);
        const key = causeKey(cause);
        bump(otherCauses, key);
        causeLabels[key] ??= cause.replace(/\s+/g, ' ');
        trace(`cause:${key}`, id);
      } else {
        causesUnrecorded++;
        trace('causeUnrecorded', id);
      }
      if (c.resolution?.responsibility === 'company') {
        const shares = c.resolution.shares ?? [
          { department: c.assignment?.department ?? c.department ?? UNASSIGNED, ratio: 1 },
        ];
        for (const s of shares) {
          byResponsibleDepartment[s.department] =
            (byResponsibleDepartment[s.department] ?? 0) + s.ratio;
        }
      }
      const handledNow = (HANDLED as readonly string[]).includes(c.status);
      if (handledNow) {
        handledBy[c.status as HandledOutcome]++;
        trace('handled', id);
      }
      if (c.secondComplaintOf !== undefined) {
        newSecond++;
        trace('second', id);
      }
      if (c.vip) {
        vip.registered++;
        if (handledNow) vip.handled++;
        if (c.secondComplaint) vip.secondComplaints++;
        vip.bySeverity[c.severity.level]++;
      }
    }

    for (const cb of c.callbacks) {
      if (!within(cb.at, start, end)) continue;
      if (c.replyPossible) {
        callbacks[cb.outcome]++;
        trace(`callback:${cb.outcome}`, id);
      } else anonymousExcluded++;
    }
    const reopens = reopenTimes(c).filter((t) => within(t, start, end)).length;
    reopened += reopens;
    if (reopens > 0) trace('second', id);
    if (c.verdict && within(c.verdict.at, start, end)) {
      invalid.total++;
      if (c.verdict.confirmed) invalid.confirmed++;
      trace('invalid', id);
    }
    if (c.status === 'closed' && within(c.closedAt, start, end)) {
      closeHours.push((Date.parse(c.closedAt!) - Date.parse(c.registeredAt)) / HOUR);
      trace('closed', id);
    }

    for (const d of computeDeadlines(c, now, policy, calendar).clocks) {
      const due = d.dueAt.getTime();
      if (due < start || due >= end) continue;
      const f = sla[d.clock];
      if (d.state === 'met') f.met++;
      else if (d.state === 'missed') f.missed++;
      else if (d.state === 'breached') f.breached++;
      else f.pending++;
      const state =
        d.state === 'met' || d.state === 'missed' || d.state === 'breached' ? d.state : 'pending';
      trace(`sla:${d.clock}:${state}`, id);
      trace('sla', id);
    }
  }

  const handled = HANDLED.reduce((sum, k) => sum + handledBy[k], 0);
  const satisfactionRate = rate(callbacks.satisfied, callbacks.satisfied + callbacks.unsatisfied);
  const overall = emptySla();
  for (const clock of CLOCKS) {
    sla[clock] = settle(sla[clock]);
    overall.met += sla[clock].met;
    overall.missed += sla[clock].missed;
    overall.breached += sla[clock].breached;
    overall.pending += sla[clock].pending;
  }
  const mean = closeHours.length ? closeHours.reduce((a, b) => a + b, 0) / closeHours.length : null;
  return {
    month,
    registered,
    byCategory,
    byDepartment,
    byResponsibility,
    bySeverity,
    byChannel,
    paretoCategories: pareto(byCategory),
    paretoCauses: pareto(causes),
    otherCauses: pareto(otherCauses),
    causeLabels,
    causesUnrecorded,
    byResponsibleDepartment,
    vip: { ...vip, handlingRate: rate(vip.handled, vip.registered) },
    handling: {
      handled,
      byOutcome: handledBy,
      rate: rate(handled, registered),
      target: HANDLING_TARGET,
    },
    satisfaction: {
      byOutcome: callbacks,
      anonymousExcluded,
      rate: satisfactionRate,
      target: SATISFACTION_TARGET,
      meetsTarget: satisfactionRate === null ? null : satisfactionRate >= SATISFACTION_TARGET,
    },
    sla,
    slaOverall: settle(overall),
    secondComplaints: { newComplaints: newSecond, reopened, total: newSecond + reopened },
    invalidVerdicts: invalid,
    timeToClose: {
      count: closeHours.length,
      meanHours: mean,
      p90Hours: percentile(closeHours, 0.9),
    },
  };
}

function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/**
 * The monthly report (docs/rules.md §6) for `month` (`YYYY-MM`, boundaries in the calendar's time
 * zone), from complaint snapshots taken at `now`, with the previous month for the trend.
 *
 * Definitions (each figure counts registered complaints only, never drafts):
 * - Breakdowns (category, department, responsibility, severity, channel), the Pareto charts and
 *   the new second complaints count the complaints **registered in the month**, classified as
 *   they are at `now`.
 * - Handling rate = registered in the month and, at `now`, with a final outcome — closed, invalid
 *   (verdict reached), withdrawn or transferred — ÷ registered in the month. Target 100 %.
 * - Satisfaction rate = satisfied ÷ (satisfied + unsatisfied) over callback outcomes **recorded in
 *   the month** (each round counts); declined and unreachable are shown but not in the rate;
 *   anonymous complaints are left out. Target ≥ 95 %.
 * - SLA compliance per clock = met ÷ (met + missed + breached) over the clocks **due in the
 *   month** (each clock's latest span; an agreed date replaces the target); clocks due later than
 *   `now` are pending and left out.
 * - Reopens count in the month they happened (see `reopenTimes`).
 * - Time to close: complaints **closed in the month** (status closed at `now`), registration to
 *   their last close, in hours; p90 by the nearest-rank method.
 */
export function monthlyReport(
  complaints: readonly ComplaintState[],
  month: string,
  now: Date,
  policy: Policy = defaultPolicy,
  calendar: BusinessCalendar = policy.calendar,
): MonthlyReport {
  const current = figures(complaints, month as Month, now, policy, calendar);
  const previous = figures(complaints, addMonths(month, -1), now, policy, calendar);
  const { start, end } = monthRange(month, calendar.timeZone);
  return {
    ...current,
    timeZone: calendar.timeZone,
    period: { start: start.toISOString(), end: end.toISOString() },
    generatedAt: now.toISOString(),
    dueDate: reportDueDate(month, policy.reportDueDay),
    previous,
    trend: {
      registered: current.registered - previous.registered,
      handlingRate: delta(current.handling.rate, previous.handling.rate),
      satisfactionRate: delta(current.satisfaction.rate, previous.satisfaction.rate),
      slaCompliance: delta(current.slaOverall.compliance, previous.slaOverall.compliance),
      secondComplaints: current.secondComplaints.total - previous.secondComplaints.total,
      invalidVerdicts: current.invalidVerdicts.total - previous.invalidVerdicts.total,
      closed: current.timeToClose.count - previous.timeToClose.count,
      meanHoursToClose: delta(current.timeToClose.meanHours, previous.timeToClose.meanHours),
      p90HoursToClose: delta(current.timeToClose.p90Hours, previous.timeToClose.p90Hours),
    },
  };
}

/**
 * The complaints behind each figure of `month`'s report (the click-through), counted by the very
 * code that computes the figures. Keys: `registered`, `handled`, `second`, `invalid`, `closed`,
 * `causeUnrecorded`, `sla`, `category:<code>`, `department:<code>`, `channel:<code>`,
 * `severity:<level>`, `responsibility:<code>`, `cause:<key>`, `callback:<outcome>`,
 * `sla:<clock>:<met|missed|breached|pending>`. Each list holds a complaint once.
 */
export function reportCases(
  complaints: readonly ComplaintState[],
  month: string,
  now: Date,
  policy: Policy = defaultPolicy,
  calendar: BusinessCalendar = policy.calendar,
): Record<string, string[]> {
  const cases: Record<string, Set<string>> = {};
  figures(complaints, month as Month, now, policy, calendar, (figure, id) => {
    const ids = cases[figure] ?? new Set<string>();
    ids.add(id);
    cases[figure] = ids;
  });
  return Object.fromEntries(Object.entries(cases).map(([k, v]) => [k, [...v]]));
}
