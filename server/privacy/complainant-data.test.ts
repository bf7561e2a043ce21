import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { databases, useDatabase } from '../../test/pg';
import { runCli } from '../cli';
import { loadState } from '../store/complaints';
import { bearer, postJson, pushEvent, registration, testApp } from '../../test/support/server';
import { eraseExpired } from './complainant-data';

const BASE = 'http://desk.test/api/v1';
const NOW = new Date('2026-11-20T02:00:00Z');

describe.each(databases)('R-PIPL-2 one complainant’s data on request on $name', (target) => {
  const ctx = useDatabase(target);
  const app = () => testApp(ctx.db, { now: () => NOW });

  /** A complaint by 刘 (+86 138 1234 5678), closed when `close`, else left registered. */
  async function complaint(close: boolean, phone = '+86 138 1234 5678'): Promise<string> {
    const id = randomUUID();
    const at = (h: number) =>
      new Date(Date.parse('2026-11-16T02:00:00Z') + h * 3_600_000).toISOString();
    const o = (h: number) => ({ role: 'manager' as const, at: at(h) });
    const record = registration({
      complainant: { name: '刘女士', phone, email: 'Liu@Example.com', anonymous: false },
      description: 'The delivery to 3 Wangfujing Street arrived broken.',
    });
    const events = [
      pushEvent('registered', id, { record }, o(0)),
      ...(close
        ? [
            pushEvent('assigned', id, { department: 'logistics' }, o(1)),
            pushEvent('contacted', id, { note: 'Called 刘女士' }, o(2)),
            pushEvent(
              'resolutionProposed',
              id,
              { type: 'explanation', responsibility: 'customer', description: 'Explained' },
              o(3),
            ),
            pushEvent('replied', id, { message: 'Dear 刘女士, …' }, o(4)),
            pushEvent('callbackRecorded', id, { outcome: 'satisfied' }, o(5)),
            pushEvent('closed', id, {}, o(6)),
          ]
        : []),
    ];
    const res = await postJson(
      app(),
      `${BASE}/sync`,
      { cursor: 0, events },
      await bearer(ctx.db.pool, 'manager'),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).rejected).toEqual([]);
    return id;
  }

  async function stored(id: string): Promise<string> {
    const { rows } = await ctx.db.pool.query(
      `SELECT (SELECT json_agg(payload ORDER BY seq) FROM events WHERE complaint_id = $1)::text AS events,
              (SELECT snapshot::text || search || coalesce(phone_key, '') || coalesce(email_key, '') FROM complaints WHERE id = $1) AS row`,
      [id],
    );
    return `${rows[0].events}${rows[0].row}`;
  }

  it('export finds the caller however the number is written; admins only', async () => {
    const closed = await complaint(true);
    const open = await complaint(false, '13812345678');
    const admin = await bearer(ctx.db.pool, 'admin');
    const res = await postJson(
      app(),
      `${BASE}/admin/complainants/export`,
      { phone: '138-1234-5678' },
      admin,
    );
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.format).toBe('complaint-desk-personal-data');
    expect(data.complaints.map((c: { id: string }) => c.id).sort()).toEqual([closed, open].sort());
    expect(JSON.stringify(data)).toContain('3 Wangfujing Street');
    const byEmail = await postJson(
      app(),
      `${BASE}/admin/complainants/export`,
      { email: 'LIU@example.com' },
      admin,
    );
    expect((await byEmail.json()).complaints).toHaveLength(2);

    const supervisor = await bearer(ctx.db.pool, 'supervisor');
    expect(
      (
        await postJson(
          app(),
          `${BASE}/admin/complainants/export`,
          { phone: '13812345678' },
          supervisor,
        )
      ).status,
    ).toBe(403);
    const none = await postJson(app(), `${BASE}/admin/complainants/export`, {}, admin);
    expect(none.status).toBe(400);
  });

  it('erase anonymises finished complaints (events, snapshot, keys), audits it, skips open ones', async () => {
    const closed = await complaint(true);
    const open = await complaint(false);
    const admin = await bearer(ctx.db.pool, 'admin', 'Privacy officer');
    const res = await postJson(
      app(),
      `${BASE}/admin/complainants/erase`,
      { phone: '+8613812345678', reason: 'The customer asked (PIPL art. 47)' },
      { ...admin, 'accept-language': 'zh-CN' },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.erased).toEqual([closed]);
    expect(body.skipped).toEqual([
      { id: open, reason: 'privacy.stillOpen', message: expect.stringContaining('仍在处理中') },
    ]);
    const text = await stored(closed);
    for (const personal of ['刘女士', '13812345678', 'liu@example.com', 'Wangfujing']) {
      expect(text.toLowerCase()).not.toContain(personal.toLowerCase());
    }
    expect(await stored(open)).toContain('Wangfujing');
    const state = await loadState(ctx.db.pool, closed);
    expect(state).toMatchObject({
      status: 'closed',
      category: 'delivery',
      erasedAt: NOW.toISOString(),
    });
    const { rows } = await ctx.db.pool.query(
      `SELECT actor, payload FROM events WHERE complaint_id = $1 AND type = 'personalDataErased'`,
      [closed],
    );
    expect(rows).toEqual([
      {
        actor: { id: expect.any(String), name: 'Privacy officer', role: 'admin' },
        payload: expect.objectContaining({
          scope: 'request',
          reason: 'The customer asked (PIPL art. 47)',
        }),
      },
    ]);
    // Nothing of them is found any more.
    const again = await postJson(
      app(),
      `${BASE}/admin/complainants/export`,
      { phone: '13812345678' },
      admin,
    );
    expect((await again.json()).complaints.map((c: { id: string }) => c.id)).toEqual([open]);
  });

  it('R-PIPL-1 the retention job erases finished cases past the policy’s period only', async () => {
    const closed = await complaint(true);
    const open = await complaint(false);
    const policy = { ...defaultPolicy, personalDataRetentionDays: 30 };
    expect(
      (await eraseExpired(ctx.db.pool, policy, new Date('2026-12-19T00:00:00Z'))).erased,
    ).toEqual([]);
    const later = await eraseExpired(ctx.db.pool, policy, new Date('2026-12-21T00:00:00Z'));
    expect(later).toEqual({ erased: [closed], skipped: [] });
    expect((await loadState(ctx.db.pool, open))?.erasedAt).toBeUndefined();
    const { rows } = await ctx.db.pool.query(
      `SELECT actor->>'role' AS role, payload->>'scope' AS scope FROM events WHERE type = 'personalDataErased'`,
    );
    expect(rows).toEqual([{ role: 'system', scope: 'retention' }]);
    expect(
      (await eraseExpired(ctx.db.pool, policy, new Date('2027-12-17T00:00:00Z'))).erased,
    ).toEqual([]);
  });

  it('the CLI exports and erases the same way', async () => {
    const closed = await complaint(true);
    const out: string[] = [];
    const run = (line: string[]) =>
      runCli(line, ctx.db.pool, { out: (l) => out.push(l), now: () => NOW });
    await run(['complainant', 'export', '--email', 'liu@example.com']);
    expect(JSON.parse(out.join('\n')).complaints.map((c: { id: string }) => c.id)).toEqual([
      closed,
    ]);
    out.length = 0;
    await run(['complainant', 'erase', '--phone', '13812345678', '--reason', 'Asked by phone']);
    expect(out).toEqual(['Erased the personal data of 1 complaint(s).']);
    expect(await stored(closed)).not.toContain('刘女士');
    await expect(run(['complainant', 'erase', '--phone', '13812345678'])).rejects.toThrow(
      /--reason/,
    );
  });
});
