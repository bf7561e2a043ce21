import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DB_NAME } from '../db/schema';
import { QUEUE_SETTINGS_KEY, popupStart } from './popup-start';

afterEach(() => {
  globalThis.cdPopupStart = undefined;
});

describe('popupStart (popup-start.js and the popup entry)', () => {
  it('starts the database open and the filters read once, whichever script asks first', async () => {
    const asked: string[] = [];
    const area = {
      get: async (key: string) => {
        asked.push(key);
        return { [key]: { sort: 'received' } };
      },
    };
    const early = popupStart(area);
    expect(popupStart(area)).toBe(early);
    expect(asked).toEqual([QUEUE_SETTINGS_KEY]);
    expect(await early.queue).toEqual({ sort: 'received' });
    // No database yet: nothing opened, and nothing created (Dexie creates it).
    expect(await early.db).toBeUndefined();
    const dbs = await indexedDB.databases();
    expect(dbs.find((d) => d.name === DEFAULT_DB_NAME)?.version ?? 0).toBe(0);
  });
});
