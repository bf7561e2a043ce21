/** Intake abuse: who may name which site, keys the limiter keeps, quotas that stop a flood. */
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { databases, useDatabase } from '../../test/pg';
import { createApp } from '../app';
import type { AppConfig } from '../config';
import { createLogger } from '../log';
import { addSite } from '../store/sites';
import { postJson, tableCounts, testApp, validSubmission } from '../../test/support/server';

const URL = 'http://desk.test/api/v1/intake';
const OWN = 'http://desk.test';
const SHOP = 'https://shop.example';
const code = async (res: Response) =>
  ((await res.json()) as { errors: { code: string; message: string }[] }).errors[0]!;

function photoForm(submission: Record<string, unknown>, size = 2_000): FormData {
  const bytes = new Uint8Array(size);
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

  it('gives concurrent submissions at the limit exactly the daily quota (checked where numbering is serialized)', async () => {
    await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
    const config = { intakeSiteDailyQuota: 5 };
    // On PostgreSQL two apps stand for two server processes sharing the database.
    const apps =
      target.name === 'postgres'
        ? [testApp(ctx.db, { config }), testApp(ctx.db, { config })]
        : [testApp(ctx.db, { config })];
    const registered = validSubmission({ site: 'shop' });
    expect((await postJson(apps[0]!, URL, registered, { origin: SHOP })).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postJson(apps[i % apps.length]!, URL, validSubmission({ site: 'shop' }), {
          origin: SHOP,
        }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 5 });
    // At the limit, a concurrent repeat of a registered id still gets its answer.
    const [repeat, fresh] = await Promise.all([
      postJson(apps[0]!, URL, registered, { origin: SHOP }),
      postJson(apps.at(-1)!, URL, validSubmission({ site: 'shop' }), { origin: SHOP }),
    ]);
    expect([repeat.status, fresh.status]).toEqual([200, 429]);
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

  it('never stores photos beyond the storage limit, even for concurrent submissions (checked where numbering is serialized)', async () => {
    const lines: string[] = [];
    const config: Partial<AppConfig> = {
      attachmentStorageMb: 1,
      intakeRatePerMin: 10_000,
      widgetDir: '/nonexistent-widget-dir',
    };
    const app = () =>
      createApp({
        db: ctx.db,
        policy: defaultPolicy,
        now: () => new Date('2026-11-16T02:00:00Z'),
        config,
        log: createLogger((l) => lines.push(l)),
      });
    // On PostgreSQL two apps stand for two server processes sharing the database.
    const apps = target.name === 'postgres' ? [app(), app()] : [app()];
    const PHOTO = 200_000; // five fit in 1 MB (1,048,576 bytes), the sixth does not
    const send = (i: number, submission = validSubmission()) =>
      apps[i % apps.length]!.request(URL, {
        method: 'POST',
        body: photoForm(submission as Record<string, unknown>, PHOTO),
        headers: { 'accept-language': i % 2 ? 'zh-CN' : 'en' },
      });
    const first = validSubmission();
    expect((await send(0, first)).status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 507)).toHaveLength(8);
    for (const [i, res] of answers.entries()) {
      if (res.status !== 507) continue;
      const error = await code(res);
      expect(error.code).toBe('intake.storageFull');
      expect(error.message).toMatch(i % 2 ? /存储空间已满/ : /no room left for photos/);
    }
    const { rows } = await ctx.db.pool.query<{ n: string }>(
      'SELECT coalesce(sum(size), 0) AS n FROM attachments',
    );
    expect(Number(rows[0]!.n)).toBe(5 * PHOTO);
    // Nothing partial: every refused submission left no complaint, event or photo behind.
    expect(await tableCounts(ctx.db.pool)).toMatchObject({
      complaints: 5,
      events: 5,
      submissions: 5,
      attachments: 5,
    });
    const full = lines.map((l) => JSON.parse(l)).filter((l) => l.msg.includes('storage full'));
    expect(full).toHaveLength(8);
    expect(full[0]).toMatchObject({ level: 'error', limitMb: 1, photoBytes: PHOTO });
    // A repeat of a registered submission with photos still gets its answer; text alone goes.
    expect((await send(1, first)).status).toBe(200);
    expect((await postJson(apps[0]!, URL, validSubmission())).status).toBe(201);
  });
});
