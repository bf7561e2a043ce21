import type { ComplaintState } from '@shared/schema/complaint';
import type { ComplaintEvent } from '@shared/schema/event';
import type { ComplaintDb } from '../db/database';
import { eventsOf } from '../db/log';
import type { AttachmentRow, ComplaintRow } from '../db/types';

/** Everything the case view shows: the snapshot, its events in order, its attachments. */
export async function loadCase(
  db: ComplaintDb,
  id: string,
): Promise<
  | {
      row: ComplaintRow;
      state: ComplaintState | null;
      events: ComplaintEvent[];
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
  return { row, state: row.state, events: events as unknown as ComplaintEvent[], attachments };
}
