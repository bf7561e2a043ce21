/**
 * The retry wait after failures, written once for the widget's outbox (a visitor's submission)
 * and the extension's team sync (a device's pending events).
 */
export interface BackoffOptions {
  /** The first retry waits about this long. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 10 * 60_000 };

/**
 * How long to wait after the `failures`-th failure in a row (1, 2, …): exponential from 2 s,
 * capped at 10 min, with "equal jitter" (half fixed, half random) so many browsers coming back
 * online at once do not hit the server in lock step, yet no retry comes sooner than half the step.
 */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  { baseMs, maxMs }: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
