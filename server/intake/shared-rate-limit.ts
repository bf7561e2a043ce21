import type { Pool } from 'pg';
import type { RateDecision } from './rate-limit';

/** Rows idle this long are full buckets again and are deleted (a full bucket needs no row). */
const IDLE_MS = 120_000;
/** Every this many takes, idle rows are swept: the table stays as small as the active keys. */
const SWEEP_EVERY = 500;
/** Longer keys are cut: an IP (≤ 64) and a registered site key (≤ 64) fit well within it. */
const MAX_KEY = 200;

/**
 * The intake's token buckets in PostgreSQL (`rate_limits`), for several server processes on
 * one database: each take is one atomic upsert on the key's row, so N processes together allow
 * `perMinute` per key, not N × `perMinute`. Same arithmetic as the in-memory RateLimiter; a
 * request stamped a moment before the bucket's last update (another process, a later query)
 * refills nothing rather than taking tokens away.
 */
export class SharedRateLimiter {
  readonly #pool: Pool;
  readonly #perMs: number;
  #takes = 0;

  constructor(
    pool: Pool,
    readonly perMinute: number,
    readonly now: () => number = Date.now,
  ) {
    this.#pool = pool;
    this.#perMs = perMinute / 60_000;
  }

  async take(key: string): Promise<RateDecision> {
    const now = this.now();
    if (++this.#takes % SWEEP_EVERY === 0) await this.sweep(now);
    const { rows } = await this.#pool.query<{ ok: boolean; tokens: number }>({
      name: 'intake-rate-limit',
      text: `
        INSERT INTO rate_limits AS r (key, tokens, at, ok) VALUES ($1, $2::float8 - 1, $3, true)
        ON CONFLICT (key) DO UPDATE SET
          tokens = least($2::float8, r.tokens + greatest(0, extract(epoch FROM ($3 - r.at))) * 1000 * $4::float8)
            - CASE WHEN least($2::float8, r.tokens + greatest(0, extract(epoch FROM ($3 - r.at))) * 1000 * $4::float8) >= 1
              THEN 1 ELSE 0 END,
          ok = least($2::float8, r.tokens + greatest(0, extract(epoch FROM ($3 - r.at))) * 1000 * $4::float8) >= 1,
          at = greatest(r.at, $3)
        RETURNING ok, tokens`,
      values: [
        key.replaceAll('\u0000', '\n').slice(0, MAX_KEY),
        this.perMinute,
        new Date(now),
        this.#perMs,
      ],
    });
    const row = rows[0]!;
    if (row.ok) return { ok: true };
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - row.tokens) / this.#perMs / 1000)),
    };
  }

  /** Deletes buckets idle long enough to be full again. */
  async sweep(now = this.now()): Promise<void> {
    await this.#pool.query('DELETE FROM rate_limits WHERE at < $1', [new Date(now - IDLE_MS)]);
  }
}
