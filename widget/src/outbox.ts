import type { Locale } from '@shared/schema/codes';
import Dexie, { type Table } from 'dexie';
import { backoffDelay } from '@shared/retry/backoff';
import { setPending } from './pending';
import { type SendOutcome, type UploadFile, send } from './send';

/**
 * The offline outbox (lazy chunk: loaded only after a failed send, or on a page load when the
 * pending flag says something is waiting). Submissions wait in IndexedDB keyed by their client
 * UUID — putting the same one twice keeps one — and are retried with backoff, on `online`, and
 * on the next page load. The server dedupes by id, so a retry never registers a second complaint.
 * Images wait with their submission as Blobs (IndexedDB stores them) and go with every retry;
 * the server stores them with the registration, so they too arrive exactly once.
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
  nextAt: number;
  createdAt: number;
}

/** A final answer for a queued submission: accepted, or refused for good (4xx other than 429). */
export interface Settled {
  id: string;
  outcome: Exclude<SendOutcome, { kind: 'retry' } | { kind: 'rateLimited' }>;
}

export interface Outbox {
  enqueue(item: Pick<OutboxItem, 'id' | 'endpoint' | 'body' | 'locale' | 'files'>): Promise<void>;
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
      await db.items.delete(item.id);
      for (const listener of listeners) listener({ id: item.id, outcome });
    }
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
    if (next && !closed) timer = setTimeout(() => void flush(), Math.max(0, next.nextAt - now()));
  }

  async function retryAll(): Promise<void> {
    await db.items.toCollection().modify({ nextAt: 0 });
    await flush();
  }

  const onOnline = () => void retryAll();
  target?.addEventListener('online', onOnline);

  return {
    async enqueue(item) {
      const at = now();
      await db.items.put({
        ...item,
        attempts: 1,
        nextAt: at + backoffDelay(1, random),
        createdAt: at,
      });
      setPending(true);
      await schedule();
    },
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
