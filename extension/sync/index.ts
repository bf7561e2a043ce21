import type { ComplaintDb } from '../db/database';
import type { StoredEvent } from '../db/types';

/**
 * Team sync (architecture.md: `POST /sync` with `{cursor, events}`): the engine in the
 * background, the transport over `fetch`, and what the popup and options page read.
 */
export { SYNC_CURSOR_KEY, applyAnswer, readCursor } from './apply';
export { backoffDelay } from '@shared/retry/backoff';
export { dismissRejected, rejectedEvents } from './rejections';
export {
  type ConnectionResult,
  type OutgoingEvent,
  type SyncAnswer,
  SyncError,
  type SyncTransport,
  httpTransport,
  testConnection,
} from './client';
export {
  SYNC_STATE_KEY,
  SyncEngine,
  type SyncOutcome,
  type SyncState,
  readSyncState,
} from './engine';

/** Events not yet accepted by the server, in the order this device appended them. */
export function pendingEvents(db: ComplaintDb, limit = 500): Promise<StoredEvent[]> {
  return db.events
    .where('pending')
    .equals(1)
    .sortBy('seq')
    .then((all) => all.slice(0, limit));
}

/** Marks events the server accepted (the engine does this inside `applyAnswer`). */
export async function markAccepted(db: ComplaintDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.events, async () => {
    for (const id of ids) await db.events.update(id, { pending: 0 });
  });
}
