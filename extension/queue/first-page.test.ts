import 'fake-indexeddb/auto';
import {
  DEFAULT_FILTER,
  DEFAULT_SETTINGS,
  type QueueFilter,
  type SortKey,
} from '@shared/review/index';
import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ReviewTestDb,
  memorySource,
  seed,
  seedStates,
  uniqueName,
} from '../../test/support/extension/review-db';
import type { StoredEvent } from '../db/types';
import { SCHEMA_VERSIONS } from '../db/schema';
import { type FirstRead, plainPlan, readFirstPage } from './first-page';
import { laterSource } from './later-source';
import { openExisting } from './popup-start';
import { type QueueQuery, queuePage } from './queries';

const NOW = new Date('2026-03-02T04:00:00.000Z');
const N = 400;
const q = (filter: QueueFilter, sort: SortKey = 'due'): QueueQuery => ({
  filter,
  sort,
  ctx: { now: NOW, user: { id: 'u-7', name: 'Handler 7' } },
});
const ids = (p: { rows: { id: string }[] }) => p.rows.map((r) => r.id);

/** Every database name the factory holds (with its version). */
const databases = async () =>
  Object.fromEntries((await indexedDB.databases()).map((d) => [d.name, d.version]));

const event = (seq: number): StoredEvent => ({
  id: `e-${seq}`,
  complaintId: 'c-1',
  type: 'noted',
  at: NOW.toISOString(),
  actor: { id: 'u-7', name: 'Handler 7', role: 'supervisor' },
  payload: {},
  seq,
  pending: 0,
});

let name: string;
let db: ReviewTestDb;
beforeAll(async () => {
  name = uniqueName('first');
  db = new ReviewTestDb(name);
  await seed(db, seedStates(N, NOW), NOW);
  await db.events.bulkPut([event(3), event(11), event(7)]);
});
afterAll(() => db.close());

describe('readFirstPage (plain IndexedDB)', () => {
  it.each([
    ['the default view', DEFAULT_SETTINGS.filter, 50],
    ['everything', DEFAULT_FILTER, 37],
    ['everything, one page', DEFAULT_FILTER, N + 10],
  ])('%s: the same rows, order and next cursor as the Dexie query', async (_, filter, limit) => {
    const first = await readFirstPage(q(filter), limit, { name });
    const dexie = await queuePage(db, q(filter), undefined, limit);
    expect(first).toBeDefined();
    expect(ids(first!.page)).toEqual(ids(dexie));
    expect(first!.page.next).toEqual(dexie.next);
    expect(first!.page.rows.length).toBe(Math.min(limit, dexie.rows.length));
    expect(first!.lastSeq).toBe(11);
  });

  it('reads the page with one getAll when the filter keeps the whole batch, else walks a cursor', async () => {
    const view = q(DEFAULT_SETTINGS.filter);
    // The default view hides done complaints: where the first one is in the index's order.
    const byDue = await db.complaints.orderBy('dueKey').toArray();
    const firstDone = byDue.findIndex((r) => r.status === 'closed' || r.status === 'withdrawn');
    expect(firstDone).toBeGreaterThan(51);
    // A batch of `limit + 1` rows before it: all kept, no cursor. One more reaches it, the
    // filter skips it, and a cursor walks on.
    for (const [limit, cursorsUsed] of [
      [1, 0],
      [50, 0],
      [firstDone - 1, 0],
      [firstDone, 1],
    ] as const) {
      const dexie = await queuePage(db, view, undefined, limit);
      const cursors = vi.spyOn(IDBIndex.prototype, 'openCursor');
      try {
        const first = await readFirstPage(view, limit, { name });
        expect(cursors).toHaveBeenCalledTimes(cursorsUsed);
        expect(ids(first!.page)).toEqual(ids(dexie));
        expect(first!.page.next).toEqual(dexie.next);
      } finally {
        cursors.mockRestore();
      }
    }
  });

  it('closes a database opened before it (popup-start) when it leaves the view to Dexie', async () => {
    const opened = await openExisting(indexedDB, name);
    let closed = false;
    opened!.onclose = () => undefined;
    const close = opened!.close.bind(opened);
    opened!.close = () => {
      closed = true;
      close();
    };
    const answer = await readFirstPage(q(DEFAULT_FILTER, 'received'), 50, {
      db: Promise.resolve(opened),
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(answer).toBeUndefined();
    expect(closed).toBe(true);
    // And reads through one it is given.
    const given = await openExisting(indexedDB, name);
    const first = await readFirstPage(q(DEFAULT_SETTINGS.filter), 50, {
      db: Promise.resolve(given),
    });
    expect(ids(first!.page)).toEqual(
      ids(await queuePage(db, q(DEFAULT_SETTINGS.filter), undefined, 50)),
    );
  });

  it('leaves to Dexie the views it does not plan', async () => {
    for (const query of [
      q(DEFAULT_FILTER, 'received'),
      q(DEFAULT_FILTER, 'severity'),
      q({ ...DEFAULT_FILTER, mine: true }),
      q({ ...DEFAULT_FILTER, statuses: ['assigned'] }),
      q({ ...DEFAULT_FILTER, query: 'refund' }),
      q({ ...DEFAULT_FILTER, view: 'severe' }),
      q({ ...DEFAULT_FILTER, breached: true }),
    ]) {
      expect(plainPlan(query)).toBe(false);
      expect(await readFirstPage(query, 50, { name })).toBeUndefined();
    }
    expect(plainPlan(q(DEFAULT_SETTINGS.filter))).toBe(true);
  });

  it('never creates a missing database: Dexie creates it afterwards as usual', async () => {
    const missing = uniqueName('missing');
    expect(await readFirstPage(q(DEFAULT_SETTINGS.filter), 50, { name: missing })).toBeUndefined();
    // Aborting the creating open leaves no database at a version (at most an empty version 0).
    expect((await databases())[missing] ?? 0).toBe(0);
    const fresh = new ReviewTestDb(missing);
    await fresh.open();
    expect(fresh.verno).toBe(3);
    expect(await queuePage(fresh, q(DEFAULT_SETTINGS.filter))).toEqual({ rows: [] });
    // Now at the code's version, empty: the plain read answers (an empty page).
    const empty = await readFirstPage(q(DEFAULT_SETTINGS.filter), 50, { name: missing });
    expect(empty?.page).toEqual({ rows: [] });
    expect(empty?.lastSeq).toBeUndefined();
    fresh.close();
  });

  it('never upgrades an older database (v2): it stays at its version for Dexie to upgrade', async () => {
    const old = uniqueName('v2');
    const v2 = new Dexie(old);
    v2.version(1).stores(SCHEMA_VERSIONS[1]);
    v2.version(2).stores(SCHEMA_VERSIONS[2]);
    await v2.open();
    v2.close();
    expect(await readFirstPage(q(DEFAULT_SETTINGS.filter), 50, { name: old })).toBeUndefined();
    expect((await databases())[old]).toBe(20);
  });

  it('leaves to Dexie a page with a row stored before the queue columns', async () => {
    const legacy = uniqueName('legacy');
    const d = new ReviewTestDb(legacy);
    const [state] = seedStates(1, NOW).filter((s) => s.status !== 'draft');
    await d.complaints.put({
      id: state!.id,
      status: state!.status,
      severity: state!.severity,
      updatedAt: NOW.toISOString(),
      createdAt: NOW.toISOString(),
      state: state!,
      // Indexed by dueKey (so the walk meets it) but without `queueVersion`.
      dueKey: '2026-03-03T00:00:00.000Z',
    } as never);
    expect(await readFirstPage(q(DEFAULT_FILTER), 50, { name: legacy })).toBeUndefined();
    // Dexie's path projects it.
    expect(ids(await queuePage(d, q(DEFAULT_FILTER)))).toEqual([state!.id]);
    d.close();
  });
});

describe('laterSource', () => {
  const states = seedStates(60, NOW);
  const later = (first: FirstRead | undefined, lastSeq: number | undefined) => {
    const memory = memorySource(states, NOW);
    const listeners: (() => void)[] = [];
    let loads = 0;
    const source = laterSource(first, async () => {
      loads++;
      return {
        source: {
          ...memory,
          subscribe: (f: () => void) => {
            listeners.push(f);
            return () => undefined;
          },
        },
        lastSeq: async () => lastSeq,
      };
    });
    return { source, memory, listeners, loads: () => loads };
  };
  const read = (lastSeq?: number): FirstRead => ({
    page: { rows: [] },
    query: q(DEFAULT_SETTINGS.filter),
    limit: 50,
    lastSeq,
  });

  it('answers the first page it read once, without loading Dexie; the rest from Dexie', async () => {
    const first = read(4);
    const s = later(first, 4);
    expect(await s.source.page(q({ ...DEFAULT_SETTINGS.filter }), undefined, 50)).toBe(first.page);
    expect(s.loads()).toBe(0);
    const again = await s.source.page(q(DEFAULT_SETTINGS.filter), undefined, 50);
    expect(again.rows.length).toBeGreaterThan(0);
    expect(s.memory.calls).toHaveLength(1);
    expect(s.loads()).toBe(1);
  });

  it('hands the page over without waiting (ready) once, for the same query and size only', async () => {
    const first = read(4);
    const s = later(first, 4);
    expect(s.source.ready!(q(DEFAULT_SETTINGS.filter), 25)).toBeUndefined();
    expect(s.source.ready!(q(DEFAULT_SETTINGS.filter), 50)).toBeUndefined(); // already given up
    const t = later(first, 4);
    expect(t.source.ready!(q({ ...DEFAULT_SETTINGS.filter }), 50)).toBe(first.page);
    expect(t.source.ready!(q(DEFAULT_SETTINGS.filter), 50)).toBeUndefined();
    await t.source.page(q(DEFAULT_SETTINGS.filter), undefined, 50);
    expect(t.memory.calls).toHaveLength(1); // later asks go to Dexie
    expect(t.loads()).toBe(1);
    // Handed over by `ready`: the log is still compared when the subscription starts.
    let changed = 0;
    const u = later(read(4), 9);
    u.source.ready!(q(DEFAULT_SETTINGS.filter), 50);
    u.source.subscribe!(() => changed++);
    await new Promise((r) => setTimeout(r, 0));
    expect(changed).toBe(1);
  });

  it('asks Dexie for a different first page (another filter, size)', async () => {
    const s = later(read(4), 4);
    await s.source.page(q(DEFAULT_FILTER), undefined, 50);
    expect(s.memory.calls).toHaveLength(1);
  });

  it('reads again when the log grew between the plain read and the subscription', async () => {
    for (const [seen, now, calls] of [
      [4, 4, 0],
      [4, 9, 1],
      [undefined, 1, 1],
    ] as const) {
      const s = later(read(seen), now);
      await s.source.page(q(DEFAULT_SETTINGS.filter), undefined, 50);
      let changed = 0;
      s.source.subscribe!(() => changed++);
      await new Promise((r) => setTimeout(r, 0));
      expect(s.listeners).toHaveLength(1);
      expect(changed).toBe(calls);
    }
  });
});
