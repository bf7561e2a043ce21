import type { ComplaintDb } from './database';
import type { StoredEvent } from './types';

// Apart from log.ts (the append path, which folds with the whole workflow): pages read a log
// before anything is appended.

/** A complaint's events in local order. */
export function eventsOf(db: ComplaintDb, complaintId: string): Promise<StoredEvent[]> {
  return db.events
    .where('[complaintId+seq]')
    .between([complaintId, 0], [complaintId, Infinity])
    .toArray();
}
