/** Intake abuse: who may name which site, keys the limiter keeps, quotas that stop a flood. */
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { addSite } from '../store/sites';
import { postJson, tableCounts, testApp, validSubmission } from '../../test/support/server';

const URL = 'http://desk.test/api/v1/intake';
const OWN = 'http://desk.test';
const SHOP = 'https://shop.example';
const code = async (res: Response) =>
  ((await res.json()) as { errors: { code: string; message: string }[] }).errors[0]!;

function photoForm(submission: Record<string, unknown>): FormData {
  const bytes = new Uint8Array(2_000);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  const fd = new FormData();
  fd.append(
    'submission',
    JSON.stringify({
      ...submission,
      attachments: [{ name: 'a.jpg', type: 'image/jpeg', size: bytes.byteLength }],
    }),
  );
  fd.append('images', new Blob([bytes], { type: 'image/jpeg' }), 'a.jpg');
  return fd;
}

describe.each(databases)('intake abuse on $name', (target) => {
  const ctx = useDatabase(target);

  it('lets the server’s own origin submit for the demo site only (a forged Origin names no other)', async () => {
    await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
    const app = testApp(ctx.db);
    const demo = await postJson(app, URL, validSubmission({ site: 'demo' }), { origin: OWN });
    expect(demo.status).toBe(201);
    const other = await postJson(app, URL, validSubmission({ site: 'shop' }), { origin: OWN });
    expect(other.status).toBe(403);
    expect((await code(other)).code).toBe('intake.originNotAllowed');
    const made = await postJson(app, URL, validSubmission({ site: 'made-up' }), { origin: OWN });
    expect(made.status).toBe(403);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 1 });
  });

  it('checks the site before the rate limiter: unknown sites use up nobody’s allowance', async () => {
    const app = testApp(ctx.db, { config: { intakeRatePerMin: 1 } });
    for (let i = 0; i < 5; i++) {
      const res = await postJson(app, URL, validSubmission({ site: `flood-${i}` }));
      expect(res.status).toBe(403);
    }
    if (target.name === 'postgres') {
      const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM rate_limits');
      expect(rows[0].n).toBe(0);
    }
    expect((await postJson(app, URL, validSubmission())).status).toBe(201);
    expect((await postJson(app, URL, validSubmission())).status).toBe(429);
  });

  it('stops a site at its daily quota with a localized 429 and stores nothing; a repeat still gets its answer', async () => {
    await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
    const app = testApp(ctx.db, { config: { intakeSiteDailyQuota: 2 } });
    const first = validSubmission({ site: 'shop' });
    for (const s of [first, validSubmission({ site: 'shop' })])
      expect((await postJson(app, URL, s, { origin: SHOP })).status).toBe(201);
    const before = await tableCounts(ctx.db.pool);
    const over = await postJson(app, URL, validSubmission({ site: 'shop' }), {
      origin: SHOP,
      'accept-language': 'zh-CN',
    });
    expect(over.status).toBe(429);
    const error = await code(over);
    expect(error.code).toBe('intake.quotaExceeded');
    expect(error.message).toMatch(/上限/);
    expect(await tableCounts(ctx.db.pool)).toEqual(before);
    expect((await postJson(app, URL, first, { origin: SHOP })).status).toBe(200);
    // Other sites keep their own quota.
    expect((await postJson(app, URL, validSubmission())).status).toBe(201);
  });

  it('refuses photos beyond the storage limit with 507 and stores nothing; text alone still goes', async () => {
    const app = testApp(ctx.db, { config: { attachmentStorageMb: 0 } });
    const before = await tableCounts(ctx.db.pool);
    const res = await app.request(URL, {
      method: 'POST',
      body: photoForm(validSubmission() as Record<string, unknown>),
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(507);
    const error = await code(res);
    expect(error.code).toBe('intake.storageFull');
    expect(error.message).toMatch(/no room left for photos/);
    expect(await tableCounts(ctx.db.pool)).toEqual(before);
    expect((await postJson(app, URL, validSubmission())).status).toBe(201);
  });
});
