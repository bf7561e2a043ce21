import type { ClockId } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';

type Clocks = ComplaintState['clocks'];

/** Whether a clock has started and not stopped. */
export function isRunning(clocks: Clocks, id: ClockId): boolean {
  const span = clocks[id];
  return span !== undefined && span.stoppedAt === undefined;
}

/** Starts a clock unless it already exists (a reassignment must not buy time). */
export function startClock(clocks: Clocks, id: ClockId, at: string): Clocks {
  return clocks[id] ? clocks : { ...clocks, [id]: { startedAt: at } };
}

/** A fresh span from `at`: a progress note or a new round; an agreed date does not carry over. */
export function restartClock(clocks: Clocks, id: ClockId, at: string): Clocks {
  return { ...clocks, [id]: { startedAt: at } };
}

/** Stops a running clock; a stopped or absent clock is left as it is. */
export function stopClock(clocks: Clocks, id: ClockId, at: string): Clocks {
  const span = clocks[id];
  if (!span || span.stoppedAt !== undefined) return clocks;
  return { ...clocks, [id]: { ...span, stoppedAt: at } };
}

/** Stops every running clock: nothing is due once a case leaves handling. */
export function stopAllClocks(clocks: Clocks, at: string): Clocks {
  let out = clocks;
  for (const id of Object.keys(clocks) as ClockId[]) out = stopClock(out, id, at);
  return out;
}
