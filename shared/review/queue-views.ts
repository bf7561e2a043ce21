import type { PolicyBase } from '../policy/policy';
import type { Status } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { isAged } from '../severity/aging';
import { severityAtLeast } from '../severity/levels';
import { OPEN_STATUSES } from '../workflow/statuses';

/**
 * The supervisor queue views (docs/rules.md §6). Views that depend only on the complaint are stored
 * with its row (`STATIC_VIEWS`); the rest depend on the time and are decided from the row's
 * deadline columns when asked (`TIME_VIEWS`).
 */
export const STATIC_VIEWS = [
  /** L3/L4 and still being handled. */
  'severe',
  /** An invalid verdict nobody has confirmed or overturned yet. */
  'invalidVerdict',
  /** A second complaint still being handled. */
  'secondComplaint',
  /** A proposal waits for someone with enough authority. */
  'pendingApproval',
  /** Reassigned twice or more (buck-passing, 推诿), still being handled. */
  'reassigned',
  /** Finished with the customer unreachable at callback (reviewed for `REVIEW_WINDOW_DAYS`). */
  'unreachable',
  /** Reopened because the customer was unsatisfied at callback, still being handled. */
  'unsatisfied',
  /** An important customer's (重要业户 / VIP) case still being handled. */
  'vip',
] as const;
export type StaticView = (typeof STATIC_VIEWS)[number];

export const TIME_VIEWS = [
  /** A running clock is past its warning time (at risk) or its due time (breached). */
  'sla',
  /** Open longer than `policy.agingAlertDays` calendar days. */
  'aging',
  /** Open longer than `severity.agingSpecialMajorMonths` months with the company at fault. */
  'longOpenFault',
] as const;
export type TimeView = (typeof TIME_VIEWS)[number];

export const QUEUE_VIEWS = [...STATIC_VIEWS, ...TIME_VIEWS] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** How long a finished case stays in the `unreachable` view after its last change. */
export const REVIEW_WINDOW_DAYS = 30;

const DAY = 86_400_000;

/** Registered and still being handled (the workflow's open statuses). */
export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

/** A draft or open case: something still runs against a deadline. */
export function isActive(status: Status): boolean {
  return status === 'draft' || isOpen(status);
}

/** The views a complaint belongs to regardless of the time. */
export function staticViews(state: ComplaintState): StaticView[] {
  const open = isOpen(state.status);
  const last = state.callbacks[state.callbacks.length - 1];
  const views: StaticView[] = [];
  if (open && severityAtLeast(state.severity.level, 'L3')) views.push('severe');
  if (state.status === 'invalid' && state.verdict && !state.verdict.confirmed) {
    views.push('invalidVerdict');
  }
  if (open && state.secondComplaint) views.push('secondComplaint');
  if (state.status === 'awaiting_approval') views.push('pendingApproval');
  if (open && state.reassignCount >= 2) views.push('reassigned');
  if (
    (state.status === 'closed' || state.status === 'follow_up') &&
    last?.outcome === 'unreachable'
  ) {
    views.push('unreachable');
  }
  if (open && last?.outcome === 'unsatisfied') views.push('unsatisfied');
  if (open && state.vip) views.push('vip');
  return views;
}

/** What the time views read of the policy (no severity text rules: the queue never loads them). */
export type ViewPolicy = Pick<PolicyBase, 'agingAlertDays' | 'calendar'> & {
  severity: Pick<PolicyBase['severity'], 'agingSpecialMajorMonths'>;
};

/** The row columns time views are decided from (see `QueueRow`). */
export interface TimeViewColumns {
  status: Status;
  receivedAt: string;
  updatedAt: string;
  nextWarnAt?: string;
  companyFault: boolean;
  views: readonly StaticView[];
}

/** Whether the row is in `view` at `now`. */
export function inView(
  row: TimeViewColumns,
  view: QueueView,
  now: Date,
  policy: ViewPolicy,
): boolean {
  const t = now.getTime();
  switch (view) {
    case 'sla':
      return (
        isActive(row.status) && row.nextWarnAt !== undefined && Date.parse(row.nextWarnAt) <= t
      );
    case 'aging':
      return isOpen(row.status) && t - Date.parse(row.receivedAt) > policy.agingAlertDays * DAY;
    case 'longOpenFault':
      // The severity aging rule decides (calendar months in the calendar's time zone), asked
      // on its own so the queue does not load the sentence-reading severity rules.
      return (
        isOpen(row.status) &&
        row.companyFault &&
        isAged(
          { openedAt: row.receivedAt, now, companyFault: true },
          policy.severity.agingSpecialMajorMonths,
          policy.calendar?.timeZone,
        )
      );
    case 'unreachable':
      return row.views.includes(view) && t - Date.parse(row.updatedAt) <= REVIEW_WINDOW_DAYS * DAY;
    default:
      return row.views.includes(view);
  }
}

/** Every view the row is in at `now`, in `QUEUE_VIEWS` order. */
export function viewsOfRow(row: TimeViewColumns, now: Date, policy: ViewPolicy): QueueView[] {
  return QUEUE_VIEWS.filter((v) => inView(row, v, now, policy));
}
