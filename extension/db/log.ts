import type { FoldEffect } from '@shared/workflow/fold';
import type { ComplaintDb } from './database';
import { textRulesReady } from '../policy/active-policy';
import { deriveRow } from './derive';
import { eventsOf } from './events-of';
import { foldOrder } from './fold-order';
import {
  type AttachmentRow,
  DERIVED,
  type DraftRow,
  type MetaRow,
  type StoredEvent,
} from './types';

/** An event before the device numbered it. */
export type NewEvent = Omit<StoredEvent, 'seq' | 'pending'>;

export interface AppendResult {
  /** False when every event was already stored (an idempotent retry). */
  appended: boolean;
  rejected: { id: string; reason: string; params?: Record<string, unknown> }[];
  /** Effects of the newly appended events (alert on-call, alert supervisors…), for the shell. */
  effects: FoldEffect[];
}

/**
 * Appends events to one complaint's log and rebuilds its snapshot, in one transaction with the
 * optional draft and attachments. Events already stored (same id) are skipped, so a retried
 * capture never duplicates; events the workflow rejects are not stored.
 */
export async function appendEvents(
  db: ComplaintDb,
  complaintId: string,
  events: NewEvent[],
  opts: {
    now: Date;
    draft?: DraftRow | null;
    attachments?: AttachmentRow[];
    /**
     * Runs inside the transaction after the log is read (e.g. allocate a case number): the events
     * to append instead, and meta rows written only if the workflow accepts them.
     */
    prepare?: (existing: StoredEvent[]) => Promise<{ events: NewEvent[]; meta?: MetaRow[] }>;
    /** The events are derived by this device on the system's behalf: kept, never pushed. */
    derived?: true;
  },
): Promise<AppendResult> {
  await textRulesReady(); // deriveRow assesses severity; fetched before the transaction opens
  return db.transaction(
    'rw',
    [db.events, db.complaints, db.drafts, db.attachments, db.meta],
    async () => {
      const existing = await db.events
        .where('[complaintId+seq]')
        .between([complaintId, 0], [complaintId, Infinity])
        .toArray();
      const known = new Set(existing.map((e) => e.id));
      let fresh = events.filter((e) => !known.has(e.id));
      if (fresh.length === 0 && events.length > 0)
        return { appended: false, rejected: [], effects: [] };
      let meta: MetaRow[] = [];
      if (opts.prepare) ({ events: fresh, meta = [] } = await opts.prepare(existing));
      const freshIds = new Set(fresh.map((e) => e.id));
      // Fresh events go last, as the server will order them after what it already has.
      const derived = deriveRow(complaintId, [...foldOrder(existing), ...fresh], opts.now);
      const rejected = derived.rejected.filter((r) => freshIds.has(r.id));
      const rejectedIds = new Set(rejected.map((r) => r.id));
      const accepted = fresh.filter((e) => !rejectedIds.has(e.id));
      if (accepted.length === 0) return { appended: false, rejected, effects: [] };
      if (meta.length) await db.meta.bulkPut(meta);

      const seqRow = await db.meta.get('eventSeq');
      let seq = typeof seqRow?.value === 'number' ? seqRow.value : 0;
      const pending = opts.derived ? DERIVED : 1;
      await db.events.bulkAdd(accepted.map((e) => ({ ...e, seq: ++seq, pending })));
      await db.meta.put({ key: 'eventSeq', value: seq });
      await db.complaints.put(derived.row);
      if (opts.draft === null) await db.drafts.delete(complaintId);
      else if (opts.draft) await db.drafts.put(opts.draft);
      if (opts.attachments?.length) await db.attachments.bulkPut(opts.attachments);
      return {
        appended: true,
        rejected,
        effects: derived.effects.filter((e) => freshIds.has(e.eventId)),
      };
    },
  );
}

export { eventsOf };

/** Rebuilds every snapshot from the logs (after a migration or a workflow change). */
export async function rebuildSnapshots(db: ComplaintDb, now: Date): Promise<number> {
  await textRulesReady();
  return db.transaction('rw', [db.events, db.complaints], async () => {
    const all = await db.events.orderBy('seq').toArray();
    const byComplaint = new Map<string, StoredEvent[]>();
    for (const e of all)
      byComplaint.set(e.complaintId, [...(byComplaint.get(e.complaintId) ?? []), e]);
    for (const [id, events] of byComplaint)
      await db.complaints.put(deriveRow(id, foldOrder(events), now).row);
    return byComplaint.size;
  });
}
