import { liveQuery } from 'dexie';
import { openDb } from '../../db/database';
import { dexieQueueSource } from '../../queue/queries';
import { persistActLater } from '../review-shell';

/**
 * What the popup reads and writes through Dexie: fetched after its first render when the first
 * page came from the plain read (queue/first-page.ts), else for the first page itself.
 */
// When Dexie arrived: after 'cd:queue-rendered' on the plain path (the browser tests check it).
performance.mark?.('cd:dexie-loaded');

export function popupDb() {
  const db = openDb();
  return {
    source: dexieQueueSource(db),
    onAct: persistActLater(db),
    lastSeq: async () => (await db.events.orderBy('seq').lastKey()) as number | undefined,
    /** Drafts waiting, kept current (the header's count). */
    watchDrafts(next: (count: number) => void): () => void {
      const sub = liveQuery(() => db.complaints.where('status').equals('draft').count()).subscribe({
        next,
        error: () => undefined,
      });
      return () => sub.unsubscribe();
    },
  };
}
