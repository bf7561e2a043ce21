import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

// Its own file: Dexie stays out of a page that imports hooks.ts but reads the database later
// (the popup's first page is a plain IndexedDB read, queue/first-page.ts).
/** A Dexie query that re-runs whenever the tables it read change (in any extension context). */
export function useLive<R>(query: () => Promise<R>, deps: unknown[], initial: R): R {
  const [value, setValue] = useState<R>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}
