import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  AGENT,
  COMPLETE_DRAFT,
  NOW,
  capturedEvent,
  freshDb,
  uuid,
} from '../../test/support/extension/fixtures';
import { requestPersistence } from './database';
import { appendEvents, eventsOf, rebuildSnapshots } from './log';

describe('appendEvents', () => {
  it('stores the event, the snapshot and the draft in one go', async () => {
    const db = freshDb();
    const result = await appendEvents(
      db,
      uuid(1),
      [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)],
      {
        now: NOW,
        draft: { complaintId: uuid(1), draft: COMPLETE_DRAFT, updatedAt: NOW.toISOString() },
      },
    );
    expect(result).toMatchObject({ appended: true, rejected: [] });
    const row = await db.complaints.get(uuid(1));
    expect(row).toMatchObject({ status: 'draft', severity: 'L1', channel: 'web_page' });
    expect(row?.title).toContain('washing machine');
    expect(row?.nextDueAt).toBeDefined(); // the forward clock runs from receipt
    expect(await db.drafts.get(uuid(1))).toMatchObject({ draft: COMPLETE_DRAFT });
    const [event] = await eventsOf(db, uuid(1));
    expect(event).toMatchObject({ id: uuid(10), seq: 1, pending: 1 });
  });

  it('is idempotent by event id: a retried capture never duplicates', async () => {
    const db = freshDb();
    const e = capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT);
    await appendEvents(db, uuid(1), [e], { now: NOW });
    const again = await appendEvents(db, uuid(1), [e], { now: NOW });
    expect(again.appended).toBe(false);
    expect(await db.events.count()).toBe(1);
    expect(await db.complaints.count()).toBe(1);
  });

  it('numbers events in local order across complaints', async () => {
    const db = freshDb();
    await appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], {
      now: NOW,
    });
    await appendEvents(db, uuid(2), [capturedEvent(uuid(11), uuid(2), COMPLETE_DRAFT)], {
      now: NOW,
    });
    expect((await db.events.orderBy('seq').toArray()).map((e) => e.seq)).toEqual([1, 2]);
    expect((await db.meta.get('eventSeq'))?.value).toBe(2);
  });

  it('does not store events the workflow refuses, and says why', async () => {
    const db = freshDb();
    const bad = {
      id: uuid(12),
      complaintId: uuid(3),
      type: 'assigned',
      at: NOW.toISOString(),
      actor: AGENT,
      payload: { department: 'quality' },
    };
    const result = await appendEvents(db, uuid(3), [bad], { now: NOW });
    expect(result.appended).toBe(false);
    expect(result.rejected[0]?.id).toBe(uuid(12));
    expect(result.rejected[0]?.reason).toMatch(/^workflow\./);
    expect(await db.events.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);
  });

  it('rolls back everything when part of the transaction fails', async () => {
    const db = freshDb();
    await expect(
      appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], {
        now: NOW,
        // an attachment without a primary key makes bulkPut fail inside the transaction
        attachments: [{} as never],
      }),
    ).rejects.toThrow();
    expect(await db.events.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);
  });

  it('queries the queue by status and next due time', async () => {
    const db = freshDb();
    await appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], {
      now: NOW,
    });
    const due = await db.complaints
      .where('[status+nextDueAt]')
      .between(['draft', ''], ['draft', '\uffff'])
      .toArray();
    expect(due.map((r) => r.id)).toEqual([uuid(1)]);
  });

  it('rebuilds snapshots from the logs', async () => {
    const db = freshDb();
    await appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], {
      now: NOW,
    });
    await db.complaints.clear();
    expect(await rebuildSnapshots(db, NOW)).toBe(1);
    expect(await db.complaints.get(uuid(1))).toMatchObject({ status: 'draft' });
  });
});

describe('requestPersistence', () => {
  it('asks once and reports the answer', async () => {
    let asked = 0;
    const nav = {
      storage: {
        persisted: async () => false,
        persist: async () => {
          asked += 1;
          return true;
        },
      },
    } as unknown as Navigator;
    expect(await requestPersistence(nav)).toBe(true);
    expect(asked).toBe(1);
  });
  it('is false where the API is missing or throws', async () => {
    expect(await requestPersistence({} as Navigator)).toBe(false);
    const nav = {
      storage: {
        persisted: async () => {
          throw new Error('x');
        },
        persist: async () => true,
      },
    } as unknown as Navigator;
    expect(await requestPersistence(nav)).toBe(false);
  });
});
