import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendEvents } from '../db/log';
import {
  COMPLETE_DRAFT,
  NOW,
  capturedEvent,
  freshDb,
  uuid,
} from '../../test/support/extension/fixtures';
import { markAccepted, pendingEvents } from './index';

describe('sync seam', () => {
  it('lists pending events in local order and marks accepted ones', async () => {
    const db = freshDb();
    await appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], {
      now: NOW,
    });
    await appendEvents(db, uuid(2), [capturedEvent(uuid(11), uuid(2), COMPLETE_DRAFT)], {
      now: NOW,
    });
    expect((await pendingEvents(db)).map((e) => e.id)).toEqual([uuid(10), uuid(11)]);
    await markAccepted(db, [uuid(10)]);
    expect((await pendingEvents(db)).map((e) => e.id)).toEqual([uuid(11)]);
  });
});
