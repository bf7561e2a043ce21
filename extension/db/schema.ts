/**
 * Every schema version the extension has shipped, oldest first. A version is never edited once
 * released: add a new one with an upgrade function (migrations.test.ts opens a v1 fixture).
 */
export const SCHEMA_VERSIONS = {
  /** 0.1: snapshots by status/update time, events by complaint, drafts, meta. */
  1: {
    complaints: 'id, status, updatedAt',
    events: 'id, complaintId, at',
    drafts: 'complaintId, updatedAt',
    meta: 'key',
  },
  /**
   * 0.2: indexed severity, next due time and case number; a local order (`seq`) and a `pending`
   * flag per event for sync; attachments as blobs.
   */
  2: {
    complaints: 'id, status, severity, nextDueAt, updatedAt, caseNumber, [status+nextDueAt]',
    events: 'id, complaintId, &seq, pending, [complaintId+seq]',
    drafts: 'complaintId, updatedAt',
    attachments: 'id, complaintId',
    meta: 'key',
  },
  /**
   * 0.3: the review queue's columns (`withReviewColumns`): one compound index per equality
   * filter with the "next due" key, received and warning times, multi-entry search terms and
   * static views (`QUEUE_INDEXES` in queue-columns.ts, checked present in the test).
   */
  3: {
    complaints:
      'id, status, severity, nextDueAt, updatedAt, caseNumber, [status+nextDueAt], dueKey, receivedAt, nextWarnAt, [status+dueKey], [severity+dueKey], [channel+dueKey], [category+dueKey], [department+dueKey], [assignee+dueKey], [status+receivedAt], *terms, *views',
    events: 'id, complaintId, &seq, pending, [complaintId+seq]',
    drafts: 'complaintId, updatedAt',
    attachments: 'id, complaintId',
    meta: 'key',
  },
} as const;

export const CURRENT_VERSION = 3;

export const DEFAULT_DB_NAME = 'complaint-desk';

/** The version IndexedDB stores: Dexie opens `db.version(n)` as n × 10. */
export const NATIVE_VERSION = CURRENT_VERSION * 10;
