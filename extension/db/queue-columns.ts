/**
 * The review queue's columns on a stored snapshot (`toQueueRow` of its shared state, computed by
 * queue-projection.ts), written by `deriveRow` and the v2 → v3 upgrade, read by the queue, the
 * alarm and the report. They live in db/ because the database writes them; the UI imports them,
 * never the reverse. This file stays small: the popup's first render reads the columns only.
 */
import type { QueueRow } from '@shared/review/queue-row';
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

/**
 * The queue columns as stored (what `deriveRow` and the v3 upgrade write), without projecting
 * anything: undefined for a row written before them (see queue-projection.ts).
 */
export function storedColumns(row: ComplaintRow): QueueRow | undefined {
  const r = row as Partial<ReviewRow>;
  return typeof r.queueVersion === 'number' && r.dueKey !== undefined
    ? (row as ReviewRow)
    : undefined;
}

/** Whether the database has the queue's indexes (schema v3). Structural, so schema.ts and
 * database.ts stay free of a cycle through this file. */
export function hasReviewIndexes(db: {
  complaints: { schema: { idxByName: Record<string, unknown> } };
}): boolean {
  const names = db.complaints.schema.idxByName;
  return QUEUE_INDEXES.every((n) => n in names);
}
