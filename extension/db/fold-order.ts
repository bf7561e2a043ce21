import type { StoredEvent } from './types';

/**
 * A complaint's log in the order to fold it: what the team server has, in its order (`serverSeq`),
 * then what only this device has, in local order. Events the server refused are left out — the
 * server's state never saw them (they stay stored and are listed for the user).
 */
export function foldOrder<E extends Pick<StoredEvent, 'seq' | 'pending' | 'serverSeq'>>(
  events: readonly E[],
): E[] {
  return events
    .filter((e) => e.pending !== 2)
    .sort((a, b) => {
      if (a.serverSeq !== undefined && b.serverSeq !== undefined) return a.serverSeq - b.serverSeq;
      if (a.serverSeq !== undefined) return -1;
      if (b.serverSeq !== undefined) return 1;
      return a.seq - b.seq;
    });
}
