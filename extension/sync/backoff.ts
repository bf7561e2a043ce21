export interface BackoffOptions {
  /** The first retry waits about this long. */
  baseMs: number;
  /** No wait is longer than this (the alarm tick then retries about every minute anyway). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 10 * 60_000 };

/**
 * How long to wait after the `failures`-th failure in a row: exponential, capped, with "equal
 * jitter" (half fixed, half random) so a team whose server came back does not retry in step.
 */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  { baseMs, maxMs }: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
