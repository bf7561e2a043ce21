import 'fake-indexeddb/auto';
import { ERASED_TEXT } from '@shared/privacy/anonymise';
import { describe, expect, it } from 'vitest';
import {
  COMPLETE_DRAFT,
  NOW,
  capturedEvent,
  freshDb,
  uuid,
} from '../../test/support/extension/fixtures';
import { eraseLocalCopy } from './erase';
import { appendEvents } from './log';

describe('R-PIPL-3 the device’s copy of an erased case', () => {
  it('rewrites its events and draft with the shared anonymiser and deletes its files; other cases stay', async () => {
    const db = freshDb();
    const [erased, kept] = [uuid(1), uuid(2)];
    for (const [n, id] of [erased, kept].entries()) {
      await appendEvents(db, id, [capturedEvent(uuid(10 + n), id, COMPLETE_DRAFT)], {
        now: NOW,
        draft: { complaintId: id, draft: COMPLETE_DRAFT, updatedAt: NOW.toISOString() },
        attachments: [
          {
            id: uuid(20 + n),
            complaintId: id,
            name: 'dent.png',
            type: 'image/png',
            size: 3,
            blob: new Blob(['png']),
            createdAt: NOW.toISOString(),
          },
        ],
      });
    }
    await db.transaction('rw', [db.events, db.drafts, db.attachments], () =>
      eraseLocalCopy(db, erased),
    );
    const draft = (await db.drafts.get(erased))!.draft;
    expect(draft).toMatchObject({ description: ERASED_TEXT, complainant: { anonymous: false } });
    expect(JSON.stringify([draft, await db.events.get(uuid(10))])).not.toContain('13812345678');
    expect(await db.attachments.where('complaintId').equals(erased).count()).toBe(0);
    expect((await db.drafts.get(kept))!.draft).toEqual(COMPLETE_DRAFT);
    expect(await db.attachments.where('complaintId').equals(kept).count()).toBe(1);
  });
});
