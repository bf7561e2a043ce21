import type { ComplaintDb } from '../db/database';
import type { StoredEvent } from '../db/types';

/**
 * The seam for team sync (architecture.md: `POST /sync` with `{cursor, events}`). Not built yet:
 * this is what a sync client reads and writes, so it never needs to know the schema.
 */
export interface SyncTransport {
  push(body: { cursor: string | null; events: StoredEvent[] }): Promise<{
    accepted: string[];
    rejected: { id: string; reason: string }[];
    events: StoredEvent[];
    cursor: string;
  }>;
}

export const SYNC_CURSOR_KEY = 'sync.cursor';

/** Events not yet accepted by the server, in the order this device appended them. */
export function pendingEvents(db: ComplaintDb, limit = 500): Promise<StoredEvent[]> {
  return db.events
    .where('pending')
    .equals(1)
    .sortBy('seq')
    .then((all) => all.slice(0, limit));
}

/** Marks events the server accepted; rejected ones stay pending and are shown with their reason. */
export async function markAccepted(db: ComplaintDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.events, async () => {
    for (const id of ids) await db.events.update(id, { pending: 0 });
  });
}
