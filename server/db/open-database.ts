import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { acquireLock } from './lock-file';
import { redact } from './database-problem';

/** The server's database: always used through `pool` (one access path, also for PGlite). */
export interface Database {
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  /** Where it lives, for logs: the data folder, or the URL without its password. */
  label: string;
  /** Ends the pool, closes PGlite and releases the data folder's lock. */
  close(): Promise<void>;
}

export type DatabaseOptions =
  /** Embedded PGlite in `dataDir/pglite`, guarded by `dataDir/server.lock`. */
  | { dataDir: string }
  /** PostgreSQL (or a compatible engine). */
  | { url: string; max?: number; options?: string }
  /** Embedded PGlite in memory (tests). */
  | { memory: true };

export const LOCK_FILE = 'server.lock';

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.max ?? 10,
      ...(options.options ? { options: options.options } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    await pool.query('SELECT 1');
    return { pool, kind: 'postgres', label: redact(options.url), close: () => pool.end() };
  }

  let release = () => {};
  let dir: string | undefined;
  if ('dataDir' in options) {
    const root = resolve(options.dataDir);
    mkdirSync(root, { recursive: true });
    release = acquireLock(join(root, LOCK_FILE));
    dir = join(root, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  try {
    const pglite = await PGlite.create(dir);
    // A fresh adapter connection per client: the pool ends a client whose query failed, and a
    // connection object shared by all clients (createPgConfig's) would stay ended for good.
    class PgliteClient extends pg.Client {
      constructor(config?: pg.ClientConfig) {
        super({ ...config, ...createPgConfig(pglite) } as pg.ClientConfig);
      }
    }
    // One client: PGlite is single-connection; transactions check it out (see withTransaction).
    const pool = new pg.Pool({ Client: PgliteClient, max: 1, idleTimeoutMillis: 0 });
    pool.on('error', () => {});
    // The new client shares PGlite's one session, whose named statements outlive the client the
    // pool dropped; the new client would prepare them again ("already exists") and every later
    // intake would fail. Queued before anything the new client runs.
    pool.on('connect', (client) => {
      client.query('DEALLOCATE ALL').catch(() => {});
    });
    let closed = false;
    return {
      pool,
      kind: 'pglite',
      label: dir ?? 'memory',
      async close() {
        if (closed) return;
        closed = true;
        try {
          await pool.end();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
