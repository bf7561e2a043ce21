const FIRST_MS = 2_000;
const MAX_MS = 10 * 60_000;

/**
 * Wait before retry number `attempt` (1, 2, …): exponential from 2 s, capped at 10 min, with
 * "equal jitter" (half fixed, half random) so many visitors' browsers coming back online at once
 * do not hit the server in lock step, yet no retry comes sooner than half the step.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_MS, FIRST_MS * 2 ** Math.max(0, attempt - 1));
  return step / 2 + (random() * step) / 2;
}
