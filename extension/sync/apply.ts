import type { ComplaintDb } from '../db/database';
import { deriveRow } from '../db/derive';
import { textRulesReady } from '../policy/active-policy';
import { eraseLocalCopy } from '../db/erase';
import { foldOrder } from '../db/fold-order';
import type { StoredEvent } from '../db/types';
import type { OutgoingEvent, SyncAnswer } from './client';

export const SYNC_CURSOR_KEY = 'sync.cursor';

export interface Applied {
  accepted: number;
  rejected: number;
  /** Server events this device did not have before. */
  received: number;
  /** Server events whose id this device holds for another complaint or type (kept as is). */
  conflicts: number;
  cursor: string;
}

/**
 * Where a refusal stands in the server's log: the position the server gave it, else (a server
 * from before it did) the answer's cursor — exact only when the answer held the log's last page.
 */
function placeOf(r: SyncAnswer['rejected'][number], cursor: string): { afterSeq?: number } {
  if (r.afterSeq !== undefined) return { afterSeq: r.afterSeq };
  return /^\d+$/.test(cursor) ? { afterSeq: Number(cursor) } : {};
}

/** The cursor of the last answer applied (null before the first sync). */
export async function readCursor(db: ComplaintDb): Promise<string | null> {
  const row = await db.meta.get(SYNC_CURSOR_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/**
 * Applies one POST /sync answer in a single transaction: pushed events the server accepted stop
 * being pending, refused ones are kept with their reason (pending 2, out of the fold), server
 * events are stored once by id with their server order, the cursor moves, and the snapshots of
 * every complaint touched are folded again in server order. A retried or repeated answer
 * changes nothing more (idempotent by event id); a crash before the commit changes nothing. A
 * `personalDataErased` from the server rewrites this device's copy of the case (`eraseLocalCopy`).
 */
export async function applyAnswer(
  db: ComplaintDb,
  answer: SyncAnswer,
  { pushed, now }: { pushed: readonly OutgoingEvent[]; now: Date },
): Promise<Applied> {
  const tables = [db.events, db.complaints, db.meta, db.drafts, db.attachments];
  await textRulesReady(); // the answer's complaints are folded again below
  return db.transaction('rw', tables, async () => {
    const out: Applied = {
      accepted: 0,
      rejected: 0,
      received: 0,
      conflicts: 0,
      cursor: answer.cursor,
    };
    const touched = new Set<string>();
    const changed = new Map<string, StoredEvent>();
    const dirty = new Set<StoredEvent>();
    const current = async (ids: string[]) => {
      const missing = ids.filter((id) => !changed.has(id));
      const rows = await db.events.bulkGet(missing);
      missing.forEach((id, i) => {
        const row = rows[i];
        if (row) changed.set(id, row);
      });
      return ids.map((id) => changed.get(id));
    };

    for (const row of await current(answer.accepted)) {
      if (!row || row.pending === 0) continue;
      row.pending = 0;
      delete row.rejection;
      dirty.add(row);
      out.accepted += 1;
      touched.add(row.complaintId);
    }

    // An event the server could not even parse comes back as `#<index in the batch>`.
    const rejectedIds = answer.rejected.map((r) =>
      /^#\d+$/.test(r.id) ? (pushed[Number(r.id.slice(1))]?.id ?? r.id) : r.id,
    );
    const refusedRows = await current(rejectedIds);
    answer.rejected.forEach((r, i) => {
      const row = refusedRows[i];
      if (row?.pending !== 1) return;
      row.pending = 2;
      row.rejection = {
        reason: r.reason,
        ...(r.params ? { params: r.params } : {}),
        ...(r.message ? { message: r.message } : {}),
        ...placeOf(r, answer.cursor),
        at: now.toISOString(),
      };
      dirty.add(row);
      out.rejected += 1;
      touched.add(row.complaintId);
    });

    const seqRow = await db.meta.get('eventSeq');
    let seq = typeof seqRow?.value === 'number' ? seqRow.value : 0;
    const fresh: StoredEvent[] = [];
    const incoming = await current(answer.events.map((e) => e.id));
    const seen = new Set<string>();
    const erased = new Set<string>();
    answer.events.forEach((e, i) => {
      if (seen.has(e.id)) return;
      seen.add(e.id);
      if (e.type === 'personalDataErased') erased.add(e.complaintId);
      const row = incoming[i];
      if (row) {
        if (row.complaintId !== e.complaintId || row.type !== e.type) {
          out.conflicts += 1;
          return;
        }
        // The server's record of the event wins: its actor is the token's, not what this device
        // wrote, and it carries the receipt time. Unchanged rows are left alone (idempotent).
        const before = JSON.stringify(row);
        const { seq: serverSeq, ...event } = e;
        Object.assign(row, event, { serverSeq, pending: 0 });
        delete row.rejection;
        if (JSON.stringify(row) !== before) dirty.add(row);
      } else {
        const { seq: serverSeq, ...event } = e;
        const stored = { ...event, seq: ++seq, pending: 0, serverSeq } as StoredEvent;
        fresh.push(stored);
        changed.set(stored.id, stored);
        out.received += 1;
      }
      touched.add(e.complaintId);
    });

    if (dirty.size) await db.events.bulkPut([...dirty]);
    if (fresh.length) {
      await db.events.bulkAdd(fresh);
      await db.meta.put({ key: 'eventSeq', value: seq });
    }
    // After the rows above are written, so the erasure rewrites what just arrived too.
    for (const id of erased) await eraseLocalCopy(db, id);
    await db.meta.put({ key: SYNC_CURSOR_KEY, value: answer.cursor });
    await refold(db, [...touched], now);
    return out;
  });
}

/** Folds the snapshots of `complaintIds` again from their logs (inside the caller's transaction). */
export async function refold(db: ComplaintDb, complaintIds: string[], now: Date): Promise<void> {
  if (complaintIds.length === 0) return;
  // One index range per complaint, all at once: far cheaper than `anyOf` over thousands of keys.
  const logs = await Promise.all(
    complaintIds.map((id) => db.events.where('complaintId').equals(id).toArray()),
  );
  await db.complaints.bulkPut(
    complaintIds.map((id, i) => deriveRow(id, foldOrder(logs[i] ?? []), now).row),
  );
}
