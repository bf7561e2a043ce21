import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pool, PoolClient } from 'pg';
import { BACKFILLS } from './backfills';
import { withTransaction } from './transaction';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A data step in TypeScript after the SQL, in the same transaction (not checksummed). */
  backfill?: (client: PoolClient) => Promise<void>;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Arbitrary constant: replicas starting together run the migrations one at a time. */
const MIGRATION_LOCK = 72_610_001;

/** The SQL files of `server/db/migrations`, `NNNN_name.sql`, in version order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.slice(5, -4),
      sql: readFileSync(`${dir}${f}`, 'utf8'),
      backfill: BACKFILLS[Number(f.slice(0, 4))],
    }));
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
 * An applied migration whose file changed since is an error: versions are immutable.
 * Returns the versions applied now.
 */
export async function migrate(pool: Pool, migrations = loadMigrations()): Promise<number[]> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const applied = new Map(rows.map((r) => [r.version, r]));
    const known = new Set(migrations.map((m) => m.version));
    for (const r of rows) {
      if (!known.has(r.version)) {
        throw new Error(
          `The database has migration ${r.version} (${r.name}), which this server does not know: it was written by a newer version.`,
        );
      }
    }
    const done: number[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.version);
      if (previous) {
        if (previous.checksum !== checksum(m.sql)) {
          throw new Error(
            `Migration ${m.version} (${m.name}) changed after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      await client.query(m.sql);
      await m.backfill?.(client);
      await client.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [m.version, m.name, checksum(m.sql)],
      );
      done.push(m.version);
    }
    return done;
  });
}
