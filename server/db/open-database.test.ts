import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { withTransaction } from './transaction';

describe.each(databases)('database access on $name', (target) => {
  const ctx = useDatabase(target);

  it('keeps working after failed statements, in and out of transactions', async () => {
    const { pool } = ctx.db;
    await pool.query("INSERT INTO sites (key, origins, created_at) VALUES ('a', '{}', now())");
    for (let i = 0; i < 3; i++) {
      await expect(
        pool.query("INSERT INTO sites (key, origins, created_at) VALUES ($1, '{}', now())", ['a']),
      ).rejects.toMatchObject({
        code: '23505',
      });
      await expect(pool.query('SELECT nope')).rejects.toMatchObject({ code: '42703' });
      expect((await pool.query('SELECT $1::int AS x', [i])).rows).toEqual([{ x: i }]);
    }
    await expect(
      withTransaction(pool, async (client) => {
        await client.query(
          "INSERT INTO sites (key, origins, created_at) VALUES ('b', '{}', now())",
        );
        await client.query(
          "INSERT INTO sites (key, origins, created_at) VALUES ('a', '{}', now())",
        );
      }),
    ).rejects.toMatchObject({ code: '23505' });
    const { rows } = await pool.query('SELECT key FROM sites ORDER BY key');
    expect(rows).toEqual([{ key: 'a' }]);
  });

  it('returns timestamps as Dates and jsonb as values, as PostgreSQL does', async () => {
    const { rows } = await ctx.db.pool.query(
      'SELECT now() AS t, \'{"a":[1]}\'::jsonb AS j, count(*) AS n FROM sites',
    );
    expect(rows[0].t).toBeInstanceOf(Date);
    expect(rows[0].j).toEqual({ a: [1] });
    expect(rows[0].n).toBe('0');
  });
});
