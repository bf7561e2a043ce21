/**
 * The reads the popup's first page waits for, started by `popup-start.js` (a classic async
 * script listed before the module entry in popup.html) while the page's modules are still being
 * fetched: opening the database (tens of ms under load, in the browser's IndexedDB backend) and
 * the remembered queue filters. Whichever of the two scripts runs first starts them; the entry
 * takes them from the page's global. Kept tiny: this file is bundled into both.
 */
import { DEFAULT_DB_NAME, NATIVE_VERSION } from '../db/schema';

/** Where `storageAreaStore` keeps the queue's filters and sort (extension storage). */
export const QUEUE_SETTINGS_KEY = 'reviewQueue';

export interface PopupStart {
  /** The database at the code's version, or undefined (missing, older, newer: Dexie decides). */
  db: Promise<IDBDatabase | undefined>;
  /** The stored queue settings, unparsed. */
  queue: Promise<unknown>;
}

declare global {
  var cdPopupStart: PopupStart | undefined;
}

export function popupStart(
  area: { get(key: string): Promise<Record<string, unknown>> },
  idb: IDBFactory | undefined = globalThis.indexedDB,
): PopupStart {
  globalThis.cdPopupStart ??= {
    db: idb ? openExisting(idb, DEFAULT_DB_NAME) : Promise.resolve(undefined),
    queue: area.get(QUEUE_SETTINGS_KEY).then((r) => r[QUEUE_SETTINGS_KEY]),
  };
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
