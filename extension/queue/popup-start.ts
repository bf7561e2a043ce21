/**
 * The reads the popup's first page waits for, started by `popup-start.js` (a classic async
 * script listed before the module entry in popup.html) while the page's modules are still being
 * fetched: opening the database (tens of ms under load, in the browser's IndexedDB backend),
 * then at once the head of the `dueKey` index (the default view's first page, whatever the
 * filter: first-page.ts filters it), and in one storage read the remembered queue filters, the
 * settings and the stored policy. Whichever of the two scripts runs first starts them; the entry
 * takes them from the page's global. Kept tiny: this file is bundled into both.
 */
import { DEFAULT_DB_NAME, NATIVE_VERSION } from '../db/schema';
import { POLICY_KEY, SETTINGS_KEY } from '../settings/keys';
import { PAGE_SIZE } from './page-size';

/** Where `storageAreaStore` keeps the queue's filters and sort (extension storage). */
export const QUEUE_SETTINGS_KEY = 'reviewQueue';

/** The first `max` rows of the `dueKey` index as stored, read in one transaction. */
export interface Batch {
  max: number;
  rows: unknown[];
  /** The newest event's `seq` when read: a later one means the page may be stale. */
  lastSeq: number | undefined;
  /** The `complaints` store's indexes (the plain read needs the queue's; else Dexie reads). */
  indexes: string[];
}

export interface PopupStart {
  /** The database at the code's version, or undefined (missing, older, newer: Dexie decides). */
  db: Promise<IDBDatabase | undefined>;
  /** The index's head (a page and one more), read as soon as the database is open. */
  batch: Promise<Batch | undefined>;
  /** The stored queue filters, settings and policy, unparsed, in one read. */
  stored: Promise<Record<string, unknown>>;
}

declare global {
  var cdPopupStart: PopupStart | undefined;
}

export function popupStart(
  area: { get(keys: string[]): Promise<Record<string, unknown>> },
  idb: IDBFactory | undefined = globalThis.indexedDB,
): PopupStart {
  if (!globalThis.cdPopupStart) {
    const db = idb ? openExisting(idb, DEFAULT_DB_NAME) : Promise.resolve(undefined);
    globalThis.cdPopupStart = {
      db,
      // Rejections are the reader's to handle (it falls back to Dexie).
      batch: db.then((d) => d && readBatch(d, PAGE_SIZE + 1)),
      stored: area.get([QUEUE_SETTINGS_KEY, SETTINGS_KEY, POLICY_KEY]),
    };
    globalThis.cdPopupStart.batch.catch(() => undefined);
    globalThis.cdPopupStart.stored.catch(() => undefined);
  }
  return globalThis.cdPopupStart;
}

/** The database at the code's version, or undefined when opening it would create or upgrade. */
export function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name, NATIVE_VERSION);
    } catch {
      return resolve(undefined);
    }
    // Missing or older: abort, so the version stays as it was and Dexie runs the upgrade.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const db = req.result;
      // Another context upgrading (a newer extension version): let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    // Aborted above, or a newer/patched version (VersionError): Dexie decides.
    req.onerror = (e) => {
      e.preventDefault();
      resolve(undefined);
    };
  });
}

/**
 * One read-only transaction: `max` rows of the `dueKey` index (one `getAll`, one round trip)
 * and the newest event's `seq`. Undefined when the stores or the index are missing. The
 * database stays open (the reader may walk on, then closes it).
 */
export function readBatch(db: IDBDatabase, max: number): Promise<Batch | undefined> {
  const names = db.objectStoreNames;
  if (!names.contains('complaints') || !names.contains('events')) return Promise.resolve(undefined);
  const tx = db.transaction(['complaints', 'events'], 'readonly');
  const complaints = tx.objectStore('complaints');
  const indexes = [...complaints.indexNames];
  if (!indexes.includes('dueKey')) return Promise.resolve(undefined);
  return Promise.all([
    request(complaints.index('dueKey').getAll(null, max)),
    request(tx.objectStore('events').index('seq').openKeyCursor(null, 'prev')),
  ]).then(([rows, last]) => ({ max, rows, lastSeq: last?.key as number | undefined, indexes }));
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
