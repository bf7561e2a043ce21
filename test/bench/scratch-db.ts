import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../server/db/migrate';
import { type Database, openDatabase } from '../../server/db/open-database';

/** Opens an empty, migrated database: PGlite in memory, or a throwaway schema on PostgreSQL. */
export async function scratchDatabase(
  url?: string,
): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (!url) {
    const db = await openDatabase({ memory: true });
    await migrate(db.pool);
    return { db, drop: () => db.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = await openDatabase({ url, options: `-c search_path=${schema}` });
  await migrate(db.pool);
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
