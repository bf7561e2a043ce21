import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { createToken, revokeToken } from '../store/tokens';
import { testApp } from '../../test/support/server';

describe.each(databases)('GET /api/v1/team on $name', (target) => {
  const ctx = useDatabase(target);
  const at = new Date('2026-11-01T00:00:00Z');

  it('lists the live staff tokens by name, says which one the caller is, never a secret', async () => {
    const pool = ctx.db.pool;
    const li = await createToken(pool, { name: '李娜', role: 'supervisor', now: at });
    const wang = await createToken(pool, { name: 'Wang Wei', role: 'handler', now: at });
    const gone = await createToken(pool, { name: 'Left the team', role: 'agent', now: at });
    await createToken(pool, { name: 'Root', role: 'admin', now: at });
    await revokeToken(pool, gone.id, at);

    const res = await testApp(ctx.db).request('/api/v1/team', {
      headers: { authorization: `Bearer ${wang.secret}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { members: unknown[]; me: string };
    expect(body).toEqual({
      members: [
        { id: wang.id, name: 'Wang Wei', role: 'handler' },
        { id: li.id, name: '李娜', role: 'supervisor' },
      ],
      me: wang.id,
    });
    expect(JSON.stringify(body)).not.toContain('cdt_');
  });

  it('refuses no token (401) and an administrator’s (403: not an assignee)', async () => {
    const admin = await createToken(ctx.db.pool, { name: 'Root', role: 'admin', now: at });
    const app = testApp(ctx.db);
    expect((await app.request('/api/v1/team')).status).toBe(401);
    const res = await app.request('/api/v1/team', {
      headers: { authorization: `Bearer ${admin.secret}` },
    });
    expect(res.status).toBe(403);
  });
});
