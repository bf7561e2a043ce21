import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ComplaintSubmissionInput } from '../../shared/schema/submission';
import { databases, useDatabase } from '../../test/pg';
import { BACKFILLS } from '../db/backfills';
import { withTransaction } from '../db/transaction';
import {
  bearer,
  postJson,
  pushEvent,
  registration,
  testApp,
  validSubmission,
} from '../../test/support/server';
import { CANDIDATES_SQL } from './registrar';

const BASE = 'http://desk.test/api/v1';
const URL = `${BASE}/intake`;
const DAY = 86_400_000;

describe.each(databases)('second complaints at intake on $name', (target) => {
  const ctx = useDatabase(target);

  /** An app whose clock the test moves. */
  function clockedApp(start = '2026-11-02T02:00:00Z') {
    const clock = { now: new Date(start) };
    const app = testApp(ctx.db, { now: () => clock.now });
    const later = (days: number) => {
      clock.now = new Date(clock.now.getTime() + days * DAY);
    };
    return { app, later };
  }

  async function registered(id: string) {
    const { rows } = await ctx.db.pool.query(
      `SELECT e.payload->>'secondComplaintOf' AS of, c.severity, c.snapshot->>'secondComplaint' AS flag
       FROM events e JOIN complaints c ON c.id = e.complaint_id
       WHERE e.complaint_id = $1 AND e.type = 'registered'`,
      [id],
    );
    return rows[0] as { of: string | null; severity: string; flag: string };
  }

  const submit = async (app: ReturnType<typeof testApp>, body: ComplaintSubmissionInput) => {
    const res = await postJson(app, URL, body);
    expect(res.status).toBe(201);
    return body.id as string;
  };

  it('links a complaint from the same phone on the same category within 30 days (L2)', async () => {
    const { app, later } = clockedApp();
    const first = await submit(
      app,
      validSubmission({ complainant: { name: 'Wang', phone: '138 1234 5678' } }),
    );
    later(29);
    const second = await submit(
      app,
      validSubmission({ complainant: { name: 'Wang', phone: '+86 138-1234-5678' } }),
    );
    expect(await registered(first)).toMatchObject({ of: null, flag: 'false', severity: 'L1' });
    expect(await registered(second)).toEqual({ of: first, flag: 'true', severity: 'L2' });
    // A third within the window repeats the newest earlier one.
    later(1);
    const third = await submit(app, validSubmission());
    expect((await registered(third)).of).toBe(second);
  });

  it('matches by email (case and width folded) when the phones differ', async () => {
    const { app, later } = clockedApp();
    const first = await submit(
      app,
      validSubmission({ complainant: { name: 'Li', email: 'Li.Wei@Example.com' } }),
    );
    later(3);
    const second = await submit(
      app,
      validSubmission({
        complainant: { name: 'Li', phone: '13900000000', email: ' li.wei@example.COM ' },
      }),
    );
    expect((await registered(second)).of).toBe(first);
  });

  it('does not link another category, another contact, an anonymous one, or after 30 days', async () => {
    const { app, later } = clockedApp();
    await submit(app, validSubmission());
    later(1);
    const otherCategory = await submit(app, validSubmission({ category: 'delivery' }));
    const otherPhone = await submit(
      app,
      validSubmission({ complainant: { name: 'Wang', phone: '13812345679' } }),
    );
    const anonymous = await submit(app, validSubmission({ complainant: { anonymous: true } }));
    later(30); // 31 days after the first, 30 after the one in "delivery"
    const tooLate = await submit(
      app,
      validSubmission({ complainant: { name: 'Wang', phone: '13812345670' } }),
    );
    for (const id of [otherCategory, otherPhone, anonymous, tooLate])
      expect((await registered(id)).of, id).toBeNull();
    const lastDay = await submit(app, validSubmission({ category: 'delivery' }));
    expect((await registered(lastDay)).of).toBe(otherCategory);
  });

  it('links complaints that arrive together (one registration group)', async () => {
    const { app } = clockedApp();
    const bodies = [validSubmission(), validSubmission()];
    const answers = await Promise.all(bodies.map((b) => postJson(app, URL, b)));
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    const links = await Promise.all(bodies.map((b) => registered(b.id as string)));
    expect(links.map((l) => l.of)).toEqual([null, bodies[0]!.id]);
  });

  it('counts complaints an agent registered from the extension', async () => {
    const { app } = clockedApp('2026-11-16T02:00:00Z');
    const id = randomUUID();
    const sync = await postJson(
      app,
      `${BASE}/sync`,
      { cursor: null, events: [pushEvent('registered', id, { record: registration() })] },
      await bearer(ctx.db.pool, 'agent'),
    );
    expect(((await sync.json()) as { accepted: string[] }).accepted).toHaveLength(1);
    const web = await submit(
      app,
      validSubmission({
        category: 'delivery',
        complainant: { name: 'Zhao', email: 'ZHAO@example.com' },
      }),
    );
    expect((await registered(web)).of).toBe(id);
  });

  it('reads the candidates through the contact indexes', async () => {
    const { app } = clockedApp();
    await submit(app, validSubmission());
    const plan = await withTransaction(ctx.db.pool, async (client) => {
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query(`EXPLAIN ${CANDIDATES_SQL}`, [
        new Date('2026-10-01T00:00:00Z'),
        new Date('2026-11-03T00:00:00Z'),
        ['13812345678'],
        ['product_quality'],
        ['wang@example.com'],
        ['product_quality'],
      ]);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('complaints_phone_key');
    expect(plan).toContain('complaints_email_key');
  });

  it("migration 3's backfill fills the contact columns of earlier rows with the shared keys", async () => {
    const { app } = clockedApp();
    const id = await submit(
      app,
      validSubmission({
        complainant: { name: 'Wang', phone: '0086 138-1234-5678', email: 'W@X.cn' },
      }),
    );
    await ctx.db.pool.query(
      'UPDATE complaints SET phone_key = NULL, email_key = NULL, category = NULL',
    );
    await withTransaction(ctx.db.pool, (client) => BACKFILLS[3]!(client));
    const { rows } = await ctx.db.pool.query(
      'SELECT phone_key, email_key, category FROM complaints WHERE id = $1',
      [id],
    );
    expect(rows).toEqual([
      { phone_key: '+8613812345678', email_key: 'w@x.cn', category: 'product_quality' },
    ]);
  });
});
