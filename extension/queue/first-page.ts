/**
 * The popup's first page without Dexie (~33 KB gzip the toolbar click would otherwise wait for):
 * one read-only IndexedDB transaction walks the same index as `queuePage` for the remembered
 * view, and the page is cut by the same `finish`. Everything after it (live updates, other
 * filters, more pages, counts, actions) goes through Dexie, loaded after the first render.
 *
 * It reads an existing database at the code's schema version only: a missing or older database
 * (an upgrade to run), a newer or patched one, a row stored before the queue columns, or a view
 * it does not plan (search, static and time views, SLA filters, equality filters, other sorts)
 * answers `undefined`, and the caller takes the Dexie path, which creates and upgrades. This
 * reader never creates or upgrades anything: an open that would do so is aborted.
 */
import { type QueueRow, matchesFilter, queryTerms } from '@shared/review/index';
import { QUEUE_INDEXES, storedColumns } from '../db/queue-columns';
import { DEFAULT_DB_NAME } from '../db/schema';
import type { ComplaintRow } from '../db/types';
import { driverFor, finish } from './plan';
import { type Batch, openExisting, readBatch } from './popup-start';
import type { QueuePage, QueueQuery } from './queries';

export interface FirstRead {
  page: QueuePage;
  /** What the page answers: same filter and sort, first page, this size. */
  query: QueueQuery;
  limit: number;
  /** The newest event's `seq` when read: a later one means the page may be stale. */
  lastSeq: number | undefined;
}

/** Whether `queuePage` would walk the `dueKey` index alone for this query (the default view). */
export function plainPlan(query: QueueQuery): boolean {
  const { filter, sort, ctx } = query;
  return (
    sort === 'due' &&
    filter.view === undefined &&
    !filter.atRisk &&
    !filter.breached &&
    queryTerms(filter.query).length === 0 &&
    !driverFor(filter, ctx)
  );
}

export async function readFirstPage(
  query: QueueQuery,
  limit: number,
  /**
   * `db`: an open already started (popup-start.ts), closed here whatever the answer; `batch`:
   * the index's head read through it as soon as it opened (used when it has `limit + 1` rows).
   */
  opts: {
    name?: string;
    idb?: IDBFactory;
    db?: Promise<IDBDatabase | undefined>;
    batch?: Promise<Batch | undefined>;
  } = {},
): Promise<FirstRead | undefined> {
  const idb = opts.idb ?? globalThis.indexedDB;
  if (!plainPlan(query)) {
    void opts.db?.then((db) => db?.close());
    return undefined;
  }
  const db = await (opts.db ?? (idb ? openExisting(idb, opts.name ?? DEFAULT_DB_NAME) : undefined));
  if (!db) return undefined;
  try {
    const max = limit + 1;
    const early = await opts.batch?.catch(() => undefined);
    const batch = early?.max === max ? early : await readBatch(db, max);
    // Nothing else before the first render: an IndexedDB count walks every key (the drafts
    // count in the header comes from Dexie, after).
    if (!batch || !QUEUE_INDEXES.every((n) => batch.indexes.includes(n))) return undefined;
    const rows = await walkDue(db, batch, query);
    if (!rows) return undefined;
    return { page: finish(rows, query.sort, limit), query, limit, lastSeq: batch.lastSeq };
  } finally {
    db.close();
  }
}

/**
 * `queuePage`'s walk for the plain plan: the `dueKey` index in order, rows kept by the shared
 * filter, up to `batch.max`. Undefined when a row lacks the queue columns (projected only on
 * Dexie's path, which loads the shared deadline rules for it).
 *
 * The batch is one `getAll` (popup-start.ts): when the filter keeps all of it (the default
 * view's next due are open complaints) or the index ends there, that is the page, in one round
 * trip instead of one per row (a cursor: ~6 ms vs ~2 ms for 50 rows under load). Otherwise a
 * cursor walks from the start until `max` are kept, as before, in a new transaction (a
 * `lastSeq` read with the batch is then at most older, so the list still reads again).
 */
async function walkDue(
  db: IDBDatabase,
  batch: Batch,
  query: QueueQuery,
): Promise<QueueRow[] | undefined> {
  const rows: QueueRow[] = [];
  for (const stored of batch.rows as ComplaintRow[])
    if (!keep(stored, query, rows)) return undefined;
  if (rows.length === batch.rows.length || batch.rows.length < batch.max) return rows;
  const index = db.transaction('complaints', 'readonly').objectStore('complaints').index('dueKey');
  return cursorWalk(index, query, batch.max);
}

function cursorWalk(index: IDBIndex, query: QueueQuery, max: number) {
  return new Promise<QueueRow[] | undefined>((resolve, reject) => {
    const rows: QueueRow[] = [];
    const req = index.openCursor();
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve(rows);
      if (!keep(cursor.value as ComplaintRow, query, rows)) return resolve(undefined);
      if (rows.length >= max) return resolve(rows);
      cursor.continue();
    };
  });
}

/**
 * Adds the row to `rows` when the filter keeps it. As `queuePage`: a row without a state is
 * skipped; false for one with a state but no stored columns (it needs projecting).
 */
function keep(stored: ComplaintRow, query: QueueQuery, rows: QueueRow[]): boolean {
  const row = storedColumns(stored);
  if (!row) return !stored.state;
  if (matchesFilter(row, query.filter, query.ctx)) rows.push(row);
  return true;
}
