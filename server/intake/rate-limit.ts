export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before full (idle) ones are dropped; bounds memory under a flood of keys. */
const MAX_KEYS = 50_000;

/**
 * A token bucket per key: `perMinute` requests in a burst, refilled evenly over a minute. In
 * memory, per process: N replicas allow N × the rate (acceptable for a flood guard).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly perMinute: number,
    readonly now: () => number = Date.now,
  ) {
    this.#perMs = perMinute / 60_000;
  }

  take(key: string): RateDecision {
    const now = this.now();
    const previous = this.#buckets.get(key);
    const tokens = previous
      ? Math.min(this.perMinute, previous.tokens + (now - previous.at) * this.#perMs)
      : this.perMinute;
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000)),
      };
    }
    // Re-insert so the Map's order is least recently used first.
    this.#buckets.delete(key);
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.#buckets.size > MAX_KEYS) this.#prune(now);
    return { ok: true };
  }

  #prune(now: number) {
    for (const [key, b] of this.#buckets) {
      if (this.#buckets.size <= MAX_KEYS / 2) break;
      if (b.tokens + (now - b.at) * this.#perMs >= this.perMinute) this.#buckets.delete(key);
    }
    // Still too many (all busy): drop the least recently used.
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= MAX_KEYS) break;
      this.#buckets.delete(key);
    }
  }
}
