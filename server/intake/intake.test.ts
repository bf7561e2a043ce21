import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { addSite } from '../store/sites';
import { postJson, tableCounts, testApp, validSubmission } from '../../test/support/server';

const URL = 'http://desk.test/api/v1/intake';
const SHOP = 'https://shop.example.com';

describe.each(databases)('POST /api/v1/intake on $name', (target) => {
  const ctx = useDatabase(target);

  it('registers a complaint: 201 with id, case number, received time and reply deadline', async () => {
    const app = testApp(ctx.db);
    const body = validSubmission();
    const res = await postJson(app, URL, body);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      id: body.id,
      caseNumber: '2611-0001',
      receivedAt: '2026-11-16T02:00:00.000Z',
      // reply: 24 clock hours (docs/rules.md §5).
      replyDueAt: '2026-11-17T02:00:00.000Z',
    });
    const { rows } = await ctx.db.pool.query(
      'SELECT c.case_number, c.status, c.severity, c.version, e.type, e.actor, e.payload FROM complaints c JOIN events e ON e.complaint_id = c.id',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      case_number: '2611-0001',
      status: 'registered',
      severity: 'L1',
      version: 1,
      type: 'registered',
      actor: { role: 'system' },
      payload: {
        caseNumber: '2611-0001',
        caseNumberIssuer: 'server',
        record: { channel: 'web_form' },
      },
    });
  });

  it('numbers complaints in sequence and assesses severity from the shared rules', async () => {
    const app = testApp(ctx.db);
    await postJson(app, URL, validSubmission());
    const res = await postJson(
      app,
      URL,
      validSubmission({ description: 'I will call my lawyer and go to court over this.' }),
    );
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { caseNumber: string; id: string };
    expect(answer.caseNumber).toBe('2611-0002');
    const { rows } = await ctx.db.pool.query('SELECT severity FROM complaints WHERE id = $1', [
      answer.id,
    ]);
    expect(rows[0].severity).toBe('L3');
  });

  it('answers a repeat with the first answer (200), and the same id with another body with 409', async () => {
    const app = testApp(ctx.db);
    const body = validSubmission();
    const first = await postJson(app, URL, body);
    // A retry may report another fill time and order keys differently: still the same complaint.
    const repeat = await postJson(app, URL, { ...body, antiSpam: { elapsedMs: 99_000 } });
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual(await first.json());
    const other = await postJson(app, URL, { ...body, demand: 'Money back' });
    expect(other.status).toBe(409);
    expect(await other.json()).toEqual({
      errors: [
        { path: 'id', code: 'intake.idReused', message: expect.stringContaining('already used') },
      ],
    });
    expect(await tableCounts(ctx.db.pool)).toMatchObject({
      complaints: 1,
      events: 1,
      submissions: 1,
    });
  });

  it('answers concurrent repeats of one submission with one registration', async () => {
    const app = testApp(ctx.db);
    const body = validSubmission();
    const answers = await Promise.all(Array.from({ length: 10 }, () => postJson(app, URL, body)));
    expect(answers.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({
      complaints: 1,
      events: 1,
      case_number_counters: 1,
    });
  });

  it('registers one of several concurrent bodies under one id; the others get 409', async () => {
    const app = testApp(ctx.db);
    const body = validSubmission();
    const answers = await Promise.all(
      ['A', 'B', 'C', 'D'].map((demand) =>
        postJson(app, URL, { ...body, demand: `Refund ${demand}` }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({
      complaints: 1,
      events: 1,
      submissions: 1,
    });
  });

  // Needs a second connection holding an uncommitted row: PostgreSQL only.
  if (target.name === 'postgres')
    it('survives another server winning a race for an id', async () => {
      const app = testApp(ctx.db);
      const raced = validSubmission();
      const other = validSubmission();
      const rival = await ctx.db.pool.connect();
      try {
        await rival.query('BEGIN');
        await rival.query(
          "INSERT INTO submissions (id, body_hash, received_at) VALUES ($1, 'rival', now())",
          [raced.id],
        );
        const pending = Promise.all([postJson(app, URL, raced), postJson(app, URL, other)]);
        await new Promise((r) => setTimeout(r, 300));
        await rival.query('COMMIT');
        const [a, b] = await pending;
        expect(a.status).toBe(409);
        expect(b.status).toBe(201);
        expect(((await b.json()) as { caseNumber: string }).caseNumber).toBe('2611-0001');
      } finally {
        rival.release();
      }
    });

  it('refuses an id that names an existing complaint with 409, without using up a serial', async () => {
    const app = testApp(ctx.db);
    const first = validSubmission();
    await postJson(app, URL, first);
    await ctx.db.pool.query('DELETE FROM submissions');
    const res = await postJson(app, URL, { ...first, demand: 'Other' });
    expect(res.status).toBe(409);
    const next = await postJson(app, URL, validSubmission());
    expect(((await next.json()) as { caseNumber: string }).caseNumber).toBe('2611-0002');
  });

  it('rejects an invalid submission with localized field errors (400)', async () => {
    const app = testApp(ctx.db);
    const body = validSubmission({
      complainant: { name: '', email: 'not-an-email' },
      description: 'short',
    });
    const en = await postJson(app, URL, body);
    expect(en.status).toBe(400);
    const enErrors = (
      (await en.json()) as { errors: { path: string; code: string; message: string }[] }
    ).errors;
    expect(enErrors).toEqual(
      expect.arrayContaining([
        {
          path: 'complainant.email',
          code: 'validation.email',
          message: expect.stringContaining('email address'),
        },
        {
          path: 'description',
          code: 'validation.tooShort',
          message: expect.stringContaining('10'),
        },
      ]),
    );
    const zh = await postJson(app, URL, body, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    const zhErrors = ((await zh.json()) as { errors: { path: string; message: string }[] }).errors;
    expect(zhErrors.find((e) => e.path === 'complainant.email')?.message).toMatch(
      /[\u4e00-\u9fff]/,
    );
    expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 0, submissions: 0 });
  });

  it('tells a missing field from a value of the wrong type', async () => {
    const { description: _d, ...missing } = validSubmission();
    const res = await postJson(testApp(ctx.db), URL, { ...missing, headcount: '5' });
    const errors = ((await res.json()) as { errors: { path: string; code: string }[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'description', code: 'validation.required' }),
        expect.objectContaining({ path: 'headcount', code: 'validation.invalidType' }),
      ]),
    );
  });

  it('refuses unknown fields by name (400), e.g. a forged status', async () => {
    const res = await postJson(testApp(ctx.db), URL, { ...validSubmission(), status: 'closed' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      errors: [
        { path: 'status', code: 'validation.unknownField', message: 'This field is not expected.' },
      ],
    });
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const app = testApp(ctx.db, { config: { bodyLimitKb: 4 } });
    const big = validSubmission({ description: 'x'.repeat(5_000) });
    const declared = await postJson(app, URL, big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
      'request.tooLarge',
    );
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = await app.request(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('refuses other media types with 415', async () => {
    const res = await testApp(ctx.db).request(URL, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(validSubmission()),
    });
    expect(res.status).toBe(415);
  });

  describe('origins (CORS)', () => {
    it('lets a registered origin post for its site and read the answer', async () => {
      await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
      const res = await postJson(testApp(ctx.db), URL, validSubmission({ site: 'shop' }), {
        origin: SHOP,
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(res.headers.get('vary')).toContain('Origin');
    });

    it('refuses an origin not registered for the site with 403 and no CORS headers', async () => {
      await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
      await addSite(ctx.db.pool, 'other', ['https://other.example'], new Date());
      const app = testApp(ctx.db);
      for (const [site, origin] of [
        ['shop', 'https://evil.example'],
        ['other', SHOP],
        [undefined, SHOP],
        ['shop', 'null'],
      ] as const) {
        const res = await postJson(app, URL, validSubmission({ site }), { origin });
        expect(res.status, `${site} from ${origin}`).toBe(403);
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
      }
      expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 0, submissions: 0 });
    });

    it('refuses an unknown site with 403', async () => {
      const res = await postJson(testApp(ctx.db), URL, validSubmission({ site: 'nosuch' }));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
        'intake.unknownSite',
      );
    });

    it('accepts same-origin pages (the demo page) and non-browser clients without a site', async () => {
      const app = testApp(ctx.db);
      expect(
        (await postJson(app, URL, validSubmission(), { origin: 'http://desk.test' })).status,
      ).toBe(201);
      expect((await postJson(app, URL, validSubmission())).status).toBe(201);
    });

    it('answers the preflight for registered origins only', async () => {
      await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
      const app = testApp(ctx.db);
      const preflight = (origin: string) =>
        app.request(URL, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const ok = await preflight(SHOP);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP);
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
      expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'content-type',
      );
      const denied = await preflight('https://evil.example');
      expect(denied.status).toBe(403);
      expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('lets a registered page read errors raised before the site is known', async () => {
      await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
      const res = await postJson(testApp(ctx.db), URL, '{not json', { origin: SHOP });
      expect(res.status).toBe(400);
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    });
  });

  describe('rate limit', () => {
    it('allows INTAKE_RATE_PER_MIN per client and site, then 429 with Retry-After', async () => {
      let t = Date.parse('2026-11-16T02:00:00Z');
      const app = testApp(ctx.db, { now: () => new Date(t), config: { intakeRatePerMin: 3 } });
      for (let i = 0; i < 3; i++)
        expect((await postJson(app, URL, validSubmission())).status).toBe(201);
      const limited = await postJson(app, URL, validSubmission(), { 'accept-language': 'zh-CN' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('20');
      expect(
        ((await limited.json()) as { errors: { message: string }[] }).errors[0]!.message,
      ).toContain('20 秒');
      t += 20_000;
      expect((await postJson(app, URL, validSubmission())).status).toBe(201);
    });

    it('keys clients by X-Forwarded-For only with TRUST_PROXY', async () => {
      const trusting = testApp(ctx.db, { config: { intakeRatePerMin: 1, trustProxy: 1 } });
      const xff = (ip: string) => ({ 'x-forwarded-for': `1.1.1.1, ${ip}` });
      expect((await postJson(trusting, URL, validSubmission(), xff('10.0.0.1'))).status).toBe(201);
      expect((await postJson(trusting, URL, validSubmission(), xff('10.0.0.2'))).status).toBe(201);
      expect((await postJson(trusting, URL, validSubmission(), xff('10.0.0.2'))).status).toBe(429);

      const ignoring = testApp(ctx.db, { config: { intakeRatePerMin: 1, trustProxy: 0 } });
      expect((await postJson(ignoring, URL, validSubmission(), xff('10.0.0.3'))).status).toBe(201);
      expect((await postJson(ignoring, URL, validSubmission(), xff('10.0.0.4'))).status).toBe(429);
    });
  });

  describe('spam', () => {
    it('answers a filled honeypot with a silent 202 and stores nothing', async () => {
      const res = await postJson(
        testApp(ctx.db),
        URL,
        validSubmission({ antiSpam: { honeypot: 'http://spam.example', elapsedMs: 40_000 } }),
      );
      expect(res.status).toBe(202);
      expect(await tableCounts(ctx.db.pool)).toMatchObject({
        complaints: 0,
        events: 0,
        submissions: 0,
      });
    });

    it('asks a too-fast sender to send again (400) and stores nothing', async () => {
      const res = await postJson(
        testApp(ctx.db),
        URL,
        validSubmission({ antiSpam: { elapsedMs: 800 } }),
      );
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe(
        'intake.tooFast',
      );
      expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 0, submissions: 0 });
    });
  });
});
