import { anonymiseEvent, anonymiseRecord } from '@shared/privacy/anonymise';
import type { ComplaintEvent } from '@shared/schema/event';
import type { ComplaintDb } from './database';
import type { StoredEvent } from './types';

/**
 * The server erased this complaint's personal data (a `personalDataErased` event arrived by sync,
 * docs/rules.md R-PIPL-3): this device's copy is rewritten the same way, with the server's own
 * function (shared `anonymiseEvent`): every stored event (pending and refused ones too, whose
 * words never reached the server), the draft, and the clips' files are deleted. Runs inside the
 * caller's transaction (events, drafts, attachments); the caller folds the case again.
 */
export async function eraseLocalCopy(db: ComplaintDb, complaintId: string): Promise<void> {
  const log = await db.events.where('complaintId').equals(complaintId).toArray();
  const changed: StoredEvent[] = [];
  for (const row of log) {
    const erased = anonymiseEvent(row as unknown as ComplaintEvent);
    if (erased !== (row as unknown)) changed.push({ ...row, payload: erased.payload });
  }
  if (changed.length) await db.events.bulkPut(changed);
  const draft = await db.drafts.get(complaintId);
  if (draft) await db.drafts.put({ ...draft, draft: anonymiseRecord(draft.draft) });
  await db.attachments.where('complaintId').equals(complaintId).delete();
}
