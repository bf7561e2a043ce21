import type { Dexie } from 'dexie';

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
} as const;

export const CURRENT_VERSION = 2;

type V1Complaint = {
  id: string;
  status: string;
  updatedAt: string;
  snapshot?: { severity?: { level?: string }; nextDueAt?: string; caseNumber?: string };
};
type V1Event = { id: string; complaintId: string; at: string };

/** v1 → v2: lift indexed fields out of the stored state; number events in their time order. */
export async function upgradeToV2(
  tx: Parameters<Parameters<ReturnType<Dexie['version']>['upgrade']>[0]>[0],
) {
  await tx
    .table('complaints')
    .toCollection()
    .modify((row: V1Complaint & Record<string, unknown>) => {
      const snap = row.snapshot ?? {};
      row.severity = snap.severity?.level ?? 'L1';
      if (snap.nextDueAt) row.nextDueAt = snap.nextDueAt;
      if (snap.caseNumber) {
        row.caseNumber = snap.caseNumber;
        row.caseNumberIssuer = 'local';
      }
      row.state = snap;
      delete row.snapshot;
    });
  const events = (await tx.table('events').toArray()) as (V1Event & Record<string, unknown>)[];
  events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  let seq = 0;
  for (const e of events) {
    seq += 1;
    // Nothing in v1 ever reached a server (there was none): every event is pending.
    await tx.table('events').put({ ...e, seq, pending: 1 });
  }
  await tx.table('meta').put({ key: 'eventSeq', value: seq });
}
