/**
 * Databases for storage tests. Every storage test runs on each entry of `databases`:
 *
 *   describe.each(databases)('… on $name', (target) => { const db = useDatabase(target); … });
 *
 * - `pglite` always (in memory, a fresh instance per test file, emptied before each test);
 * - `postgres` when `TEST_DATABASE_URL` or `DATABASE_URL` is set: a private schema per test
 *   file, dropped afterwards, so a shared server is left as it was.
 * With `REQUIRE_POSTGRES=1` (CI) and no URL, importing this module fails the suite.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { migrate } from '../server/db/migrate';
import { type Database, openDatabase } from '../server/db/open-database';

export interface TestDatabase extends Database {
  /** Empties every table (migrations stay applied). */
  reset(): Promise<void>;
}

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

const HOW_TO =
  'start PostgreSQL 15 as docs/toolchain.md shows ("PostgreSQL for tests and CI") and run ' +
  'TEST_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npx vitest run server';

export const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

if (!postgresUrl) {
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(
      `REQUIRE_POSTGRES=1 but neither TEST_DATABASE_URL nor DATABASE_URL is set: ${HOW_TO}.`,
    );
  }
  if (firstInThisRun('complaint-desk-pg-notice')) {
    console.warn(`[storage tests] PGlite only; to run them against PostgreSQL too, ${HOW_TO}.`);
  }
}

/**
 * True once per test run: test files are isolated from each other, so the run is recognised by
 * the vitest process (the parent of forked workers, or this process for worker threads).
 */
function firstInThisRun(name: string): boolean {
  const run = typeof process.send === 'function' ? process.ppid : process.pid;
  try {
    closeSync(openSync(join(tmpdir(), `${name}-${run}`), 'wx'));
    return true;
  } catch {
    return false;
  }
}

/** Tables emptied between tests, children first. */
const TABLES = [
  'attachments',
  'events',
  'submissions',
  'complaints',
  'case_number_counters',
  'tokens',
  'sites',
  'policy',
  'rate_limits',
];

function withReset(db: Database): TestDatabase {
  return {
    ...db,
    async reset() {
      await db.pool.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    },
  };
}

const pglite: DatabaseTarget = {
  name: 'pglite',
  async open() {
    const db = await openDatabase({ memory: true });
    await migrate(db.pool);
    return withReset(db);
  },
};

function postgres(url: string): DatabaseTarget {
  return {
    name: 'postgres',
    async open() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      let db: Database;
      try {
        const admin = await openDatabase({ url, max: 1 });
        await admin.pool.query(`CREATE SCHEMA ${schema}`);
        await admin.close();
        db = await openDatabase({ url, max: 20, options: `-c search_path=${schema}` });
      } catch (err) {
        throw new Error(
          `PostgreSQL at ${url} is not reachable (${(err as Error).message}). Start it, or unset ` +
            `TEST_DATABASE_URL/DATABASE_URL to test on PGlite only; ${HOW_TO}.`,
        );
      }
      await migrate(db.pool);
      return withReset({
        ...db,
        async close() {
          await db.pool.query(`DROP SCHEMA ${schema} CASCADE`);
          await db.close();
        },
      });
    },
  };
}

export const databases: DatabaseTarget[] = postgresUrl ? [pglite, postgres(postgresUrl)] : [pglite];

/**
 * Opens `target` once for the enclosing describe block and empties it before each test.
 * The returned object's `db` is set from `beforeAll` on.
 */
export function useDatabase(target: DatabaseTarget): { db: TestDatabase } {
  const holder = {} as { db: TestDatabase };
  beforeAll(async () => {
    holder.db = await target.open();
  });
  afterAll(async () => {
    await holder.db?.close();
  });
  beforeEach(async () => {
    await holder.db.reset();
  });
  return holder;
}
