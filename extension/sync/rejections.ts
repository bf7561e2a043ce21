import type { ComplaintDb } from '../db/database';
import type { StoredEvent } from '../db/types';

/** Events the server refused and the user has not cleared yet, newest first. */
export async function rejectedEvents(db: ComplaintDb): Promise<StoredEvent[]> {
  const all = await db.events.where('pending').equals(2).toArray();
  return all
    .filter((e) => !e.rejection?.dismissedAt)
    .sort((a, b) => (b.rejection?.at ?? '').localeCompare(a.rejection?.at ?? '') || b.seq - a.seq);
}

/** The user has read the refusals: they leave the list (the events stay stored). */
export async function dismissRejected(db: ComplaintDb, ids: readonly string[], now: Date) {
  await db.transaction('rw', db.events, async () => {
    for (const id of ids) {
      const row = await db.events.get(id);
      if (row?.rejection)
        await db.events.update(id, {
          rejection: { ...row.rejection, dismissedAt: now.toISOString() },
        });
    }
  });
}
