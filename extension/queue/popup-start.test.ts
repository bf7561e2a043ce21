import 'fake-indexeddb/auto';
import { DEFAULT_SETTINGS } from '@shared/review/index';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewTestDb, seed, seedStates } from '../../test/support/extension/review-db';
import { DEFAULT_DB_NAME } from '../db/schema';
import { POLICY_KEY, SETTINGS_KEY } from '../settings/keys';
import { readFirstPage } from './first-page';
import { PAGE_SIZE } from './page-size';
import { QUEUE_SETTINGS_KEY, popupStart } from './popup-start';
import { queuePage } from './queries';

const NOW = new Date('2026-03-02T04:00:00.000Z');

afterEach(() => {
  globalThis.cdPopupStart = undefined;
});

/** A storage area that answers what it holds and records what it was asked. */
function area(held: Record<string, unknown>) {
  const asked: string[][] = [];
  return {
    asked,
    get: async (keys: string[]) => {
      asked.push(keys);
      return Object.fromEntries(keys.filter((k) => k in held).map((k) => [k, held[k]]));
    },
  };
}

describe('popupStart (popup-start.js and the popup entry)', () => {
  it('starts the database open and one storage read once, whichever script asks first', async () => {
    const storage = area({ [QUEUE_SETTINGS_KEY]: { sort: 'received' }, other: 1 });
    const early = popupStart(storage);
    expect(popupStart(storage)).toBe(early);
    // The filters, the settings and the policy in one read.
    expect(storage.asked).toEqual([[QUEUE_SETTINGS_KEY, SETTINGS_KEY, POLICY_KEY]]);
    expect(await early.stored).toEqual({ [QUEUE_SETTINGS_KEY]: { sort: 'received' } });
    // No database yet: nothing opened, nothing read, and nothing created (Dexie creates it).
    expect(await early.db).toBeUndefined();
    expect(await early.batch).toBeUndefined();
    const dbs = await indexedDB.databases();
    expect(dbs.find((d) => d.name === DEFAULT_DB_NAME)?.version ?? 0).toBe(0);
  });

  it('reads the index head as soon as the database opens; the first page is cut from it without another read', async () => {
    const db = new ReviewTestDb(DEFAULT_DB_NAME);
    await seed(db, seedStates(300, NOW), NOW);
    db.close();
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const cursors = vi.spyOn(IDBIndex.prototype, 'openCursor');
    try {
      const early = popupStart(area({}));
      const batch = await early.batch;
      expect(batch?.max).toBe(PAGE_SIZE + 1);
      expect(batch?.rows).toHaveLength(PAGE_SIZE + 1);
      expect(batch?.indexes).toContain('[status+dueKey]');
      const query = { ...DEFAULT_SETTINGS, ctx: { now: NOW } };
      const first = await readFirstPage(query, PAGE_SIZE, { db: early.db, batch: early.batch });
      expect(getAll).toHaveBeenCalledTimes(1);
      expect(cursors).not.toHaveBeenCalled();
      const reopened = new ReviewTestDb(DEFAULT_DB_NAME);
      const dexie = await queuePage(reopened, query, undefined, PAGE_SIZE);
      expect(first?.page.rows.map((r) => r.id)).toEqual(dexie.rows.map((r) => r.id));
      expect(first?.page.next).toEqual(dexie.next);
      // A batch of another size (a list asking for a different page) is read again.
      globalThis.cdPopupStart = undefined;
      const again = popupStart(area({}));
      const ten = await readFirstPage(query, 10, { db: again.db, batch: again.batch });
      expect(ten?.page.rows.map((r) => r.id)).toEqual(dexie.rows.slice(0, 10).map((r) => r.id));
      expect(getAll).toHaveBeenCalledTimes(3);
      reopened.close();
    } finally {
      getAll.mockRestore();
      cursors.mockRestore();
    }
  });
});
