import { beforeEach, describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { addSite } from '../store/sites';
import { tableCounts, testApp, validSubmission } from '../../test/support/server';
import { HOSTILE_BODIES } from '../../test/support/hostile-bodies';

const URL = 'http://desk.test/api/v1/intake';

describe.each(databases)('hostile intake bodies on $name', (target) => {
  const ctx = useDatabase(target);
  beforeEach(async () => {
    await addSite(ctx.db.pool, 'shop', ['https://shop.example.com'], new Date('2026-01-01'));
  });

  it('has at least 100 cases', () => {
    expect(HOSTILE_BODIES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(HOSTILE_BODIES.map((c) => c.name)).size).toBe(HOSTILE_BODIES.length);
  });

  it('answers every one with a 4xx and a clear message, and stores nothing', async () => {
    const app = testApp(ctx.db, { config: { bodyLimitKb: 256 } });
    const before = await tableCounts(ctx.db.pool);
    const failures: string[] = [];
    for (const c of HOSTILE_BODIES) {
      const headers: Record<string, string> = { ...c.headers };
      if (c.contentType !== '') headers['content-type'] = c.contentType ?? 'application/json';
      const res = await app.request(URL, { method: 'POST', headers, body: c.body });
      const answer = (await res.json().catch(() => undefined)) as
        | { errors?: { path: string; code: string; message: string }[] }
        | undefined;
      const first = answer?.errors?.[0];
      if (res.status < 400 || res.status >= 500) failures.push(`${c.name}: status ${res.status}`);
      else if (!first || typeof first.code !== 'string' || first.message.length < 10) {
        failures.push(`${c.name}: no clear message (${JSON.stringify(answer)})`);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableCounts(ctx.db.pool)).toEqual(before);
    expect(before).toMatchObject({ complaints: 0, events: 0, submissions: 0 });
  });

  it('stores injection strings in free text verbatim and harmlessly', async () => {
    const app = testApp(ctx.db);
    const description = `'; DROP TABLE complaints; -- <script>alert(1)</script> 𝄞 中文 \u202e`;
    const body = validSubmission({
      description,
      complainant: { name: "O'Brien <b>", phone: '13812345678' },
    });
    const res = await app.request(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    const { rows } = await ctx.db.pool.query(
      "SELECT snapshot->'record'->>'description' AS d FROM complaints",
    );
    expect(rows).toEqual([{ d: description }]);
  });
});
