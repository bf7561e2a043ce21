import type { FirstRead } from './first-page';
import type { QueueQuery } from './queries';
import type { QueueSource } from './use-queue-data';

/** The Dexie side of a page that rendered its first queue page without it. */
export interface LaterDb {
  source: QueueSource;
  /** The newest event's `seq` (compared with the one the plain read saw). */
  lastSeq(): Promise<number | undefined>;
}

/**
 * A queue source that answers the first page from a plain read (first-page.ts), once, if the
 * list asks for exactly that page, and everything else from the source `load` brings (Dexie,
 * fetched on first use). When the log grew between the plain read and the live subscription,
 * the list is told to read again, so nothing written in between is missed.
 */
export function laterSource(
  first: FirstRead | undefined,
  load: () => Promise<LaterDb>,
): QueueSource {
  let pending = first;
  let served = false;
  const dexie = <R>(f: (s: QueueSource) => Promise<R>) => load().then((d) => f(d.source));
  // The page read before rendering, if the list asks for exactly it (once; later asks go to Dexie).
  const take = (query: QueueQuery, after: unknown, limit: number | undefined) => {
    const f = pending;
    pending = undefined;
    if (
      !f ||
      after ||
      limit !== f.limit ||
      query.sort !== f.query.sort ||
      JSON.stringify(query.filter) !== JSON.stringify(f.query.filter)
    )
      return undefined;
    served = true;
    return f.page;
  };
  return {
    ready: (query, limit) => take(query, undefined, limit),
    page(query, after, limit) {
      const page = take(query, after, limit);
      return page ? Promise.resolve(page) : dexie((s) => s.page(query, after, limit));
    },
    counts: () => dexie((s) => s.counts()),
    loadStates: (ids) => dexie((s) => s.loadStates(ids)),
    subscribe(onChange) {
      let stop: (() => void) | undefined;
      let closed = false;
      void load().then(
        async (d) => {
          if (closed) return;
          stop = d.source.subscribe?.(onChange);
          if (served && (await d.lastSeq()) !== first?.lastSeq && !closed) onChange();
        },
        () => undefined,
      );
      return () => {
        closed = true;
        stop?.();
      };
    },
  };
}
