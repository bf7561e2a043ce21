/**
 * Computes the queue columns from a state (shared deadlines and queue row): for `deriveRow`, the
 * v3 upgrade, and rows stored before the columns existed.
 */
import type { PolicyBase } from '@shared/policy/policy';
import { activePolicyBase } from '../policy/stored-policy';
import { type QueueRow, toQueueRow } from '@shared/review/queue-row';
import type { ComplaintState } from '@shared/schema/complaint';
import { computeDeadlines } from '@shared/sla/compute-deadlines';
import { storedColumns } from './queue-columns';
import type { ComplaintRow } from './types';

/** The queue columns of a state. */
export function reviewColumns(
  state: ComplaintState,
  now: Date,
  policy: PolicyBase = activePolicyBase(),
): QueueRow {
  return toQueueRow(state, computeDeadlines(state, now, policy, policy.calendar));
}

/**
 * A stored row with its queue columns added (or refreshed). Rows without a state
 * (placeholders) are returned unchanged.
 */
export function withReviewColumns<R extends ComplaintRow>(
  row: R,
  now: Date,
  policy: PolicyBase = activePolicyBase(),
): R | (R & QueueRow) {
  return row.state ? { ...row, ...reviewColumns(row.state, now, policy) } : row;
}

/** The row as the queue sees it: stored columns, or projected from the state (old rows). */
export function asQueueRow(row: ComplaintRow, now: Date, policy: PolicyBase): QueueRow | undefined {
  return storedColumns(row) ?? (row.state ? reviewColumns(row.state, now, policy) : undefined);
}
