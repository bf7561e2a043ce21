import { defaultPolicyBase } from '../policy/default-policy-base';
import type { Channel, ClockId, SeverityLevel, Status } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import type { CaseNumberIssuer } from '../schema/event';
import type { DeadlineSummary, SlaState } from '../sla/index';
import {
  type QueueView,
  type StaticView,
  type ViewPolicy,
  isActive,
  staticViews,
  viewsOfRow,
} from './queue-views';
import { searchTerms } from './search';

/** Bumped when the projection changes, so stores can tell rows to re-derive. */
export const QUEUE_ROW_VERSION = 1;

/** Sorts after every ISO instant: rows with nothing due come last in "next due" order. */
export const NOTHING_DUE = '~';

const SUBJECT_MAX = 120;

/**
 * What the queue shows and filters on, one per complaint: the columns the extension stores (and
 * indexes) beside the snapshot. Derived from the state and its deadlines at one instant; the
 * due and warning times do not move with time, so the live SLA state is `liveSla(row, now)`.
 */
export interface QueueRow {
  id: string;
  caseNumber?: string;
  /** `local` while the number is the device's own (provisional). */
  caseNumberIssuer?: CaseNumberIssuer;
  severity: SeverityLevel;
  subject: string;
  /** The complainant's name; empty when anonymous or not given. */
  customer: string;
  anonymous: boolean;
  status: Status;
  receivedAt: string;
  /** Earliest due time of a running clock (ISO, UTC). */
  nextDueAt?: string;
  nextDueClock?: ClockId;
  /** Earliest warning time (75 %) of a running clock. */
  nextWarnAt?: string;
  /** `nextDueAt`, or `NOTHING_DUE`: the index key of "next due" order. */
  dueKey: string;
  /** The worst clock state when the row was derived; prefer `liveSla`. */
  worst?: SlaState;
  channel: Channel;
  category?: string;
  department?: string;
  /** The handler's id, else name: what "assignee" and "mine" match. */
  assignee?: string;
  assigneeName?: string;
  /** Responsibility recorded as the company's (the long-open-with-fault view). */
  companyFault: boolean;
  updatedAt: string;
  views: StaticView[];
  terms: string[];
  queueVersion: number;
}

function firstLine(text: string | undefined): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

/** The queue row of a complaint, given its deadlines (`computeDeadlines`). */
export function toQueueRow(state: ComplaintState, deadlines: DeadlineSummary): QueueRow {
  const r = state.record;
  const c = r.complainant;
  let next: { due: Date; warn: Date; clock: ClockId } | undefined;
  let nextWarn: Date | undefined;
  for (const d of deadlines.clocks) {
    if (d.stoppedAt) continue;
    if (!next || d.dueAt < next.due) next = { due: d.dueAt, warn: d.warnAt, clock: d.clock };
    if (!nextWarn || d.warnAt < nextWarn) nextWarn = d.warnAt;
  }
  // Nothing is due once a case has left handling, whatever a stale clock says.
  if (!isActive(state.status)) next = nextWarn = undefined;
  const assignee = state.assignment?.handlerId ?? state.assignment?.handlerName;
  const row: QueueRow = {
    id: state.id,
    severity: state.severity.level,
    subject: firstLine(r.subject || r.description || r.source?.email?.subject || r.source?.title),
    customer: c?.anonymous ? '' : (c?.name ?? ''),
    anonymous: c?.anonymous ?? false,
    status: state.status,
    receivedAt: new Date(state.receivedAt).toISOString(),
    dueKey: next ? next.due.toISOString() : NOTHING_DUE,
    channel: state.channel,
    // As the aging rule reads it: an earlier round's finding survives a reopen (R-SEV-AGING-1).
    companyFault:
      state.resolution?.responsibility === 'company' || state.priorCompanyFault !== undefined,
    updatedAt: new Date(state.updatedAt).toISOString(),
    views: staticViews(state),
    terms: searchTerms({
      caseNumber: state.caseNumber,
      name: c?.anonymous ? undefined : c?.name,
      phone: c?.phone,
      email: c?.email,
      texts: [r.subject, r.description, r.complainedAbout?.unit, r.source?.email?.subject],
    }),
    queueVersion: QUEUE_ROW_VERSION,
  };
  if (state.caseNumber) row.caseNumber = state.caseNumber;
  if (state.caseNumberIssuer) row.caseNumberIssuer = state.caseNumberIssuer;
  if (next) {
    row.nextDueAt = next.due.toISOString();
    row.nextDueClock = next.clock;
  }
  if (nextWarn) row.nextWarnAt = nextWarn.toISOString();
  if (deadlines.worst) row.worst = deadlines.worst;
  if (state.category) row.category = state.category;
  const department = state.assignment?.department ?? state.department;
  if (department) row.department = department;
  if (assignee) row.assignee = assignee;
  if (state.assignment?.handlerName) row.assigneeName = state.assignment.handlerName;
  return row;
}

/** The state of the row's next deadline at `now`: colour and text for the countdown. */
export interface LiveSla {
  state: SlaState;
  dueAt?: Date;
  clock?: ClockId;
}

/**
 * The row's SLA state at `now` from its stored due and warning times: breached after the next
 * due time, at risk from the earliest warning time, else running; finished rows keep the
 * state they were derived with (met or missed).
 */
export function liveSla(
  row: Pick<QueueRow, 'nextDueAt' | 'nextWarnAt' | 'nextDueClock' | 'worst'>,
  now: Date,
): LiveSla | undefined {
  if (!row.nextDueAt) return row.worst ? { state: row.worst } : undefined;
  const dueAt = new Date(row.nextDueAt);
  const t = now.getTime();
  const state: SlaState =
    t > dueAt.getTime()
      ? 'breached'
      : row.nextWarnAt && t >= Date.parse(row.nextWarnAt)
        ? 'at_risk'
        : 'running';
  return row.nextDueClock ? { state, dueAt, clock: row.nextDueClock } : { state, dueAt };
}

/**
 * The supervisor views a complaint belongs to at `now` (docs/rules.md §6): L3/L4; breached or
 * at-risk clocks; invalid verdicts to confirm; second complaints; pending approvals;
 * reassigned ≥ 2; closed as unreachable; unsatisfied callbacks; open longer than
 * `agingAlertDays`; open longer than the aging months with the company at fault.
 */
export function queueViews(
  state: ComplaintState,
  deadlines: DeadlineSummary,
  now: Date,
  policy: ViewPolicy = defaultPolicyBase,
): QueueView[] {
  return viewsOfRow(toQueueRow(state, deadlines), now, policy);
}
