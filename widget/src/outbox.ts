import type { Locale } from '@shared/schema/codes';
import Dexie, { type Table } from 'dexie';
import { backoffDelay } from '@shared/retry/backoff';
import { idReused } from './kept';
import { setPending } from './pending';
import { type SendOutcome, type UploadFile, send } from './send';
import { uuid } from './uuid';

/**
 * The offline outbox (lazy chunk: loaded only after a failed send, or on a page load when the
 * pending flag says something is waiting). Submissions wait in IndexedDB keyed by their client
 * UUID — putting the same one twice keeps one — and are retried with backoff, on `online`, and
 * on the next page load. The server dedupes by id, so a retry never registers a second complaint.
 * Images wait with their submission as Blobs (IndexedDB stores them) and go with every retry;
 * the server stores them with the registration, so they too arrive exactly once.
 *
 * Only a registration removes an item. Any other final answer (a refusal the widget cannot fix
 * on its own: 403, 404, a 400 without field errors, 409…) holds it: kept, not retried on a
 * timer (the answer would not change), tried again on the next page load, on `online`, or when
 * the visitor presses "Try again". A visitor's complaint is never deleted on an answer the
 * widget does not understand.
 *
 * A 409 ("this id was used with a different body") gives the item a new id once (see `renew`),
 * so its next try can register it instead of meeting the same 409 forever.
 */

export interface OutboxItem {
  id: string;
  endpoint: string;
  /** The JSON body exactly as first sent. */
  body: string;
  /** The images sent with it (multipart), as Blobs. */
  files?: UploadFile[] | undefined;
  locale: Locale;
  attempts: number;
  /** When the item is due; {@link HELD} while it waits for the visitor or the next page load. */
  nextAt: number;
  /** When the visitor first sent it; kept through replacements and a new id. */
  createdAt: number;
  /** The id it had before a 409 gave it this one (an item gets a new id only once). */
  renewedFrom?: string | undefined;
}

/** `nextAt` of a held item: never due on a timer (a valid IndexedDB key, unlike Infinity's use in setTimeout). */
export const HELD = Number.MAX_SAFE_INTEGER;
/** setTimeout's longest delay; a later item is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A final answer for a queued submission: accepted (removed), or refused (held). */
export interface Settled {
  id: string;
  outcome: Exclude<SendOutcome, { kind: 'retry' } | { kind: 'rateLimited' }>;
  /** After a 409: the new id the item now waits under (its next try uses it). */
  renewedAs?: string | undefined;
}

/** `body` (a submission's JSON) with another `id`, everything else as it was. */
const withId = (body: string, id: string): string =>
  JSON.stringify({ ...(JSON.parse(body) as object), id });

export interface Outbox {
  /**
   * Keeps a submission (the same id again replaces it). `held`: the server refused it, so it
   * waits for the visitor or the next page load instead of the backoff timer.
   */
  enqueue(
    item: Pick<OutboxItem, 'id' | 'endpoint' | 'body' | 'locale' | 'files'>,
    options?: { held?: boolean },
  ): Promise<void>;
  /** Forgets a submission the page itself got registered. */
  remove(id: string): Promise<void>;
  /**
   * After a 409, gives the held item `id` a new id (and the body with it), keeping its text,
   * photos and creation time; answers the new id, or undefined if there is no such item or it
   * already had a new id once.
   */
  renew(id: string): Promise<string | undefined>;
  /** Sends every item that is due now. */
  flush(): Promise<void>;
  /** Makes every item due now, then flushes (page load, `online`). */
  retryAll(): Promise<void>;
  subscribe(listener: (settled: Settled) => void): () => void;
  size(): Promise<number>;
  close(): void;
}

export interface OutboxOptions {
  name?: string;
  fetchFn?: typeof fetch;
  now?: () => number;
  random?: () => number;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  locks?: LockManager | undefined;
}

class OutboxDb extends Dexie {
  items!: Table<OutboxItem, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ items: 'id, nextAt' });
  }
}

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const {
    name = 'complaint-form-outbox',
    fetchFn = (...args) => fetch(...args),
    now = Date.now,
    random = Math.random,
    target = globalThis.window,
    locks = globalThis.navigator?.locks,
  } = options;
  const db = new OutboxDb(name);
  const listeners = new Set<(s: Settled) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  async function deliver(item: OutboxItem): Promise<void> {
    const outcome = await send(
      item.endpoint,
      item.body,
      item.locale,
      fetchFn,
      now(),
      item.files ?? [],
    );
    if (outcome.kind === 'retry') {
      const attempts = item.attempts + 1;
      await db.items.update(item.id, { attempts, nextAt: now() + backoffDelay(attempts, random) });
    } else if (outcome.kind === 'rateLimited') {
      await db.items.update(item.id, { nextAt: now() + outcome.retryAfterMs });
    } else {
      if (outcome.kind === 'ok') await db.items.delete(item.id);
      else await db.items.update(item.id, { attempts: item.attempts + 1, nextAt: HELD });
      const renewedAs = idReused(outcome) ? await renew(item.id) : undefined;
      for (const listener of listeners) listener({ id: item.id, outcome, renewedAs });
    }
  }

  /**
   * Why a new id is safe: intake answers 409 only when it holds a *different* body under this id
   * (the server compares a hash of the body), so this text was never registered under it, and
   * no other id carries it. Sending it under a fresh id registers it once; a repeat of that send
   * is deduped by the new id as usual. Once only: a second 409 (not expected for a random
   * UUID) leaves the item held, so the visitor can still copy it, and nothing loops.
   */
  function renew(id: string): Promise<string | undefined> {
    return db.transaction('rw', db.items, async () => {
      const item = await db.items.get(id);
      if (!item || item.renewedFrom) return undefined;
      const fresh = uuid();
      await db.items.delete(id);
      await db.items.put({
        ...item,
        id: fresh,
        body: withId(item.body, fresh),
        renewedFrom: id,
        nextAt: HELD,
      });
      return fresh;
    });
  }

  async function run(): Promise<void> {
    const due = await db.items.where('nextAt').belowOrEqual(now()).toArray();
    for (const item of due) await deliver(item);
    setPending((await db.items.count()) > 0);
  }

  function flush(): Promise<void> {
    // One flush at a time in this page; across tabs, a Web Lock (where supported) keeps two
    // tabs from sending the same item at the same moment.
    running ??= (
      locks
        ? locks.request('complaint-form-outbox', { ifAvailable: true }, (lock) => lock && run())
        : run()
    )
      .then(() => undefined)
      .finally(() => {
        running = undefined;
        void schedule();
      });
    return running;
  }

  async function schedule(): Promise<void> {
    clearTimeout(timer);
    if (closed) return;
    const next = await db.items.orderBy('nextAt').first();
    if (next && next.nextAt < HELD && !closed)
      timer = setTimeout(
        () => void flush(),
        Math.min(MAX_TIMER_MS, Math.max(0, next.nextAt - now())),
      );
  }

  async function retryAll(): Promise<void> {
    await db.items.toCollection().modify({ nextAt: 0 });
    await flush();
  }

  const onOnline = () => void retryAll();
  target?.addEventListener('online', onOnline);

  return {
    async enqueue(item, { held = false } = {}) {
      const at = now();
      await db.transaction('rw', db.items, async () => {
        // The same complaint again (the visitor's "Try again"): it keeps when it was first sent
        // and whether it already had a new id.
        const earlier = await db.items.get(item.id);
        await db.items.put({
          ...item,
          attempts: (earlier?.attempts ?? 0) + 1,
          nextAt: held ? HELD : at + backoffDelay(1, random),
          createdAt: earlier?.createdAt ?? at,
          renewedFrom: earlier?.renewedFrom,
        });
      });
      setPending(true);
      await schedule();
    },
    async remove(id) {
      await db.items.delete(id);
      setPending((await db.items.count()) > 0);
    },
    renew,
    flush,
    retryAll,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => db.items.count(),
    close() {
      closed = true;
      clearTimeout(timer);
      target?.removeEventListener('online', onOnline);
      db.close();
    },
  };
}

let shared: Outbox | undefined;

/** The page's one outbox; the first call also retries whatever earlier page loads left behind. */
export function startOutbox(): Outbox {
  if (!shared) {
    shared = createOutbox();
    void shared.retryAll();
  }
  return shared;
}
