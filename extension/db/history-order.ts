import { foldOrder } from './fold-order';
import type { StoredEvent } from './types';

type Ordered = Pick<StoredEvent, 'seq' | 'pending' | 'serverSeq' | 'rejection'>;

/**
 * A complaint's history as the case page lists it: the fold's order (the team server's, then
 * what only this device has), with every event the server refused put back where the server
 * refused it — after the server events it already held then (`rejection.afterSeq`), or after
 * all of them when that is unknown (refused before the device kept it). Refused events stay in
 * the history, struck through; they never enter the fold.
 */
export function historyOrder<E extends Ordered>(events: readonly E[]): E[] {
  const kept = foldOrder(events);
  const refused = events
    .filter((e) => e.pending === 2)
    .sort(
      (a, b) =>
        (a.rejection?.afterSeq ?? Number.POSITIVE_INFINITY) -
          (b.rejection?.afterSeq ?? Number.POSITIVE_INFINITY) || a.seq - b.seq,
    );
  const out: E[] = [];
  let r = 0;
  for (const e of kept) {
    // Local-only events (no server order yet) come after every refusal the server has made.
    const position = e.serverSeq ?? Number.POSITIVE_INFINITY;
    while (
      r < refused.length &&
      (e.serverSeq === undefined ||
        (refused[r]!.rejection?.afterSeq ?? Number.POSITIVE_INFINITY) < position)
    )
      out.push(refused[r++]!);
    out.push(e);
  }
  return [...out, ...refused.slice(r)];
}
