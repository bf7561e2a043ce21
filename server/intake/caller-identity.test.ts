import { describe, expect, it } from 'vitest';
import type { ComplaintSubmissionInput } from '../../shared/schema/submission';
import { databases, useDatabase } from '../../test/pg';
import { BACKFILLS } from '../db/backfills';
import { withTransaction } from '../db/transaction';
import { postJson, testApp, validSubmission } from '../../test/support/server';

const URL = 'http://desk.test/api/v1/intake';

describe.each(databases)('R-SECOND-2 the same caller written differently on $name', (target) => {
  const ctx = useDatabase(target);

  async function secondOf(id: string): Promise<string | null> {
    const { rows } = await ctx.db.pool.query(
      `SELECT payload->>'secondComplaintOf' AS of FROM events WHERE complaint_id = $1 AND type = 'registered'`,
      [id],
    );
    return rows[0].of;
  }

  const submit = async (app: ReturnType<typeof testApp>, body: ComplaintSubmissionInput) => {
    const res = await postJson(app, URL, body);
    expect(res.status).toBe(201);
    return body.id as string;
  };

  it.each([
    ['+86 10 6512 3456', '010-6512-3456'],
    ['+86 138 1234 5678', '13812345678'],
  ])('%s then %s is a second complaint', async (a, b) => {
    const app = testApp(ctx.db, { now: () => new Date('2026-11-02T02:00:00Z') });
    const first = await submit(app, validSubmission({ complainant: { name: 'Wang', phone: a } }));
    const second = await submit(app, validSubmission({ complainant: { name: 'Wang', phone: b } }));
    expect(await secondOf(second)).toBe(first);
  });

  it("migration 5's backfill rewrites keys stored before it to the shared E.164 form", async () => {
    const app = testApp(ctx.db, { now: () => new Date('2026-11-02T02:00:00Z') });
    const id = await submit(
      app,
      validSubmission({ complainant: { name: 'Wang', phone: '010-6512-3456', email: 'W@X.cn' } }),
    );
    await ctx.db.pool.query(
      `UPDATE complaints SET phone_key = '01065123456', email_key = 'W@X.cn'`,
    );
    await withTransaction(ctx.db.pool, (client) => BACKFILLS[5]!(client));
    const { rows } = await ctx.db.pool.query(
      'SELECT phone_key, email_key FROM complaints WHERE id = $1',
      [id],
    );
    expect(rows).toEqual([{ phone_key: '+861065123456', email_key: 'w@x.cn' }]);
  });
});
