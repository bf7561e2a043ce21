import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { loadMigrations, migrate } from './migrate';

describe('migration files', () => {
  it('are numbered from 1 without gaps', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('only files named NNNN_name.sql count', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
    try {
      writeFileSync(join(dir, '0001_first.sql'), 'SELECT 1;');
      writeFileSync(join(dir, 'README.md'), '#');
      writeFileSync(join(dir, '0002_second.sql.bak'), '');
      expect(loadMigrations(`${dir}/`).map((m) => m.name)).toEqual(['first']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe.each(databases)('migrate on $name', (target) => {
  const ctx = useDatabase(target);

  it('has applied every migration, and a second run applies none', async () => {
    const { rows } = await ctx.db.pool.query(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(ctx.db.pool)).toEqual([]);
  });

  it('creates the tables the server uses', async () => {
    const { rows } = await ctx.db.pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      'attachments',
      'capture_files',
      'case_number_counters',
      'complaints',
      'events',
      'notify_attempts',
      'notify_deliveries',
      'notify_outbox',
      'notify_state',
      'policy',
      'rate_limits',
      'schema_migrations',
      'sites',
      'submissions',
      'tokens',
    ]);
  });

  it('applies new versions in order and refuses an edited or unknown one', async () => {
    const current = loadMigrations();
    const next = {
      version: current.length + 1,
      name: 'extra',
      sql: 'CREATE TABLE extra_test (x int);',
    };
    expect(await migrate(ctx.db.pool, [...current, next])).toEqual([next.version]);
    await expect(migrate(ctx.db.pool, [...current, { ...next, sql: 'SELECT 2;' }])).rejects.toThrow(
      /changed after it was applied/,
    );
    await expect(migrate(ctx.db.pool, current)).rejects.toThrow(/written by a newer version/);
    await ctx.db.pool.query('DROP TABLE extra_test');
    await ctx.db.pool.query('DELETE FROM schema_migrations WHERE version = $1', [next.version]);
  });

  it('rolls back a failing migration whole', async () => {
    const current = loadMigrations();
    const broken = {
      version: current.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x int); SELECT nope;',
    };
    await expect(migrate(ctx.db.pool, [...current, broken])).rejects.toThrow();
    const { rows } = await ctx.db.pool.query("SELECT to_regclass('half_done') AS t");
    expect(rows[0].t).toBeNull();
  });
});
