/**
 * The review queue's columns on a stored snapshot: `toQueueRow` of its shared state, written by
 * `deriveRow` and the v2 → v3 upgrade, read by the queue, the alarm and the report. They live in
 * db/ because the database writes them; the UI imports them, never the reverse.
 */
import { defaultPolicy } from '@shared/policy/default-policy';
import type { Policy } from '@shared/policy/policy';
import { type QueueRow, toQueueRow } from '@shared/review/index';
import type { ComplaintState } from '@shared/schema/complaint';
import { computeDeadlines } from '@shared/sla/index';
import type { ComplaintRow } from './types';

/**
 * Indexes of the `complaints` store (schema v3) the queue's planner walks: one compound index
 * per equality filter with the "next due" key, the received and earliest-warning times, and
 * multi-entry search terms and static views. Without all of them the queue reads in full.
 */
export const QUEUE_INDEXES = [
  'dueKey',
  'receivedAt',
  'nextWarnAt',
  'updatedAt',
  'terms',
  'views',
  '[status+dueKey]',
  '[severity+dueKey]',
  '[channel+dueKey]',
  '[category+dueKey]',
  '[department+dueKey]',
  '[assignee+dueKey]',
  '[status+receivedAt]',
] as const;

/** A stored complaint row with the queue columns. */
export type ReviewRow = ComplaintRow & QueueRow;

/** The queue columns of a state. */
export function reviewColumns(
  state: ComplaintState,
  now: Date,
  policy: Policy = defaultPolicy,
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
  policy: Policy = defaultPolicy,
): R | (R & QueueRow) {
  return row.state ? { ...row, ...reviewColumns(row.state, now, policy) } : row;
}

/** The row as the queue sees it: stored columns, or projected from the state (old rows). */
export function asQueueRow(row: ComplaintRow, now: Date, policy: Policy): QueueRow | undefined {
  const r = row as Partial<ReviewRow>;
  if (typeof r.queueVersion === 'number' && r.dueKey !== undefined) return row as ReviewRow;
  return row.state ? reviewColumns(row.state, now, policy) : undefined;
}

/** Whether the database has the queue's indexes (schema v3). Structural, so schema.ts and
 * database.ts stay free of a cycle through this file. */
export function hasReviewIndexes(db: {
  complaints: { schema: { idxByName: Record<string, unknown> } };
}): boolean {
  const names = db.complaints.schema.idxByName;
  return QUEUE_INDEXES.every((n) => n in names);
}
