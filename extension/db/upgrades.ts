/**
 * The upgrade functions of `SCHEMA_VERSIONS` (schema.ts). database.ts fetches this file only when
 * a database actually needs upgrading: v3 refolds old logs with the shared workflow, which no
 * page needs for its first render.
 */
import type { Dexie } from 'dexie';
import { deriveRow } from './derive';
import { foldOrder } from './fold-order';
import { withReviewColumns } from './queue-projection';
import type { ComplaintRow, StoredEvent } from './types';

type UpgradeTx = Parameters<Parameters<ReturnType<Dexie['version']>['upgrade']>[0]>[0];

type V1Complaint = {
  id: string;
  status: string;
  updatedAt: string;
  snapshot?: { severity?: { level?: string }; nextDueAt?: string; caseNumber?: string };
};
type V1Event = { id: string; complaintId: string; at: string };

/** v1 → v2: lift indexed fields out of the stored state; number events in their time order. */
export async function upgradeToV2(tx: UpgradeTx) {
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

/**
 * v2 → v3: every snapshot gets its queue columns with `withReviewColumns` (the review queue's
 * own projection of the shared state). A stored state from before the full workflow state (the
 * v1 partial snapshot) cannot be projected: that snapshot is refolded from its log by the shared
 * workflow (`deriveRow`, which adds the same columns). Placeholders without a log stay as they are.
 */
export function upgradeToV3(now: () => Date = () => new Date()) {
  return async (tx: UpgradeTx) => {
    const at = now();
    const rows = (await tx.table('complaints').toArray()) as ComplaintRow[];
    const out: ComplaintRow[] = [];
    for (const row of rows) {
      if (isFullState(row.state)) {
        out.push(withReviewColumns(row, at));
        continue;
      }
      const events = (await tx
        .table('events')
        .where('[complaintId+seq]')
        .between([row.id, 0], [row.id, Number.POSITIVE_INFINITY])
        .toArray()) as StoredEvent[];
      out.push(events.length ? deriveRow(row.id, foldOrder(events), at).row : row);
    }
    await tx.table('complaints').bulkPut(out);
  };
}

function isFullState(state: unknown): state is NonNullable<ComplaintRow['state']> {
  const s = state as { clocks?: unknown; record?: unknown } | null | undefined;
  return !!s && typeof s.clocks === 'object' && typeof s.record === 'object';
}
