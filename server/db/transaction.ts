import type { Pool, PoolClient } from 'pg';

/** SQLSTATEs worth retrying: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `fn` in a transaction on one checked-out client. With PGlite this is the only safe way:
 * a `BEGIN` sent through the pool would let other requests' statements run inside it. Never
 * call `pool.query` inside `fn` (PGlite's pool has one client: that would wait forever).
 */
export async function withTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  { retries = 3 }: { retries?: number } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackErr) {
        broken = rollbackErr as Error;
      }
      const code = (err as { code?: string }).code;
      if (attempt < retries && code !== undefined && RETRYABLE.has(code)) continue;
      throw err;
    } finally {
      client.release(broken);
    }
  }
}
