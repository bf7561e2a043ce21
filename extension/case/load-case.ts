import type { ComplaintState } from '@shared/schema/complaint';
import type { ComplaintDb } from '../db/database';
import { historyOrder } from '../db/history-order';
import { eventsOf } from '../db/events-of';
import type { AttachmentRow, ComplaintRow } from '../db/types';
import type { HistoryEvent } from './case-parts';

/** Everything the case view shows: the snapshot, its history (server order, refusals kept), its attachments. */
export async function loadCase(
  db: ComplaintDb,
  id: string,
): Promise<
  | {
      row: ComplaintRow;
      state: ComplaintState | null;
      events: HistoryEvent[];
      attachments: AttachmentRow[];
    }
  | undefined
> {
  const row = await db.complaints.get(id);
  if (!row) return undefined;
  const [events, attachments] = await Promise.all([
    eventsOf(db, id),
    db.attachments.where('complaintId').equals(id).toArray(),
  ]);
  return {
    row,
    state: row.state,
    events: historyOrder(events) as unknown as HistoryEvent[],
    attachments,
  };
}
