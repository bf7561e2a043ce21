import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { randomUUID } from 'node:crypto';
import {
  bearer,
  postJson,
  pushEvent,
  registration,
  testApp,
  validSubmission,
} from '../../test/support/server';

describe.each(databases)('GET /api/v1/reports/monthly on $name', (target) => {
  const ctx = useDatabase(target);

  it('reports the month from the shared rules, as JSON or CSV', async () => {
    for (const [at, description] of [
      ['2026-10-20T02:00:00Z', 'The kettle stopped working after two days of use.'],
      ['2026-11-16T02:00:00Z', 'The kettle stopped working after two days of use.'],
      ['2026-11-17T02:00:00Z', 'I will call my lawyer and go to court over this kettle.'],
    ] as const) {
      const app = testApp(ctx.db, { now: () => new Date(at) });
      expect(
        (await postJson(app, 'http://desk.test/api/v1/intake', validSubmission({ description })))
          .status,
      ).toBe(201);
    }
    const app = testApp(ctx.db, { now: () => new Date('2026-12-02T02:00:00Z') });
    const auth = await bearer(ctx.db.pool, 'supervisor');
    const res = await app.request('/api/v1/reports/monthly?month=2026-11', { headers: auth });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      registered: number;
      previous: { registered: number };
      dueDate: string;
    };
    expect(report).toMatchObject({
      registered: 2,
      previous: { registered: 1 },
      dueDate: '2026-12-10',
    });

    const csv = await app.request('/api/v1/reports/monthly?month=2026-11', {
      headers: { ...auth, accept: 'text/csv', 'accept-language': 'zh-CN' },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('complaints-2026-11.csv');
    expect(await csv.text()).toMatch(/[\u4e00-\u9fff]/);
  });

  it('counts the actions recorded late (device offline beyond the allowance), JSON and CSV', async () => {
    const now = new Date('2026-11-16T02:00:00Z');
    const app = testApp(ctx.db, { now: () => now });
    const agent = await bearer(ctx.db.pool, 'agent');
    const supervisor = await bearer(ctx.db.pool, 'supervisor');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
    const id = randomUUID();
    const events = [
      pushEvent(
        'registered',
        id,
        { record: registration({ receivedAt: hoursAgo(100) }) },
        {
          at: hoursAgo(100),
        },
      ),
      pushEvent('assigned', id, { department: 'logistics' }, { role: 'agent', at: hoursAgo(90) }),
      pushEvent('noteAdded', id, { text: 'Called', progress: false }, { at: hoursAgo(1) }),
    ];
    const sync = await postJson(app, 'http://desk.test/api/v1/sync', { events }, agent);
    expect(((await sync.json()) as { accepted: string[] }).accepted).toHaveLength(3);
    const res = await app.request('/api/v1/reports/monthly?month=2026-11', { headers: supervisor });
    expect(((await res.json()) as { lateEvents: unknown }).lateEvents).toEqual({
      events: 2,
      complaints: 1,
      clockStops: 1,
    });
    const csv = await app.request('/api/v1/reports/monthly?month=2026-11', {
      headers: { ...supervisor, accept: 'text/csv' },
    });
    const text = await csv.text();
    expect(text).toContain('Late actions received in the month,2\r\n');
    expect(text).toContain('Late actions that stop a deadline clock (met on the device’s word),1');
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
  });

  it('refuses a missing or malformed month (400)', async () => {
    const auth = await bearer(ctx.db.pool, 'manager');
    for (const q of ['', '?month=2026-13', '?month=nov']) {
      expect(
        (await testApp(ctx.db).request(`/api/v1/reports/monthly${q}`, { headers: auth })).status,
        q,
      ).toBe(400);
    }
  });
});
