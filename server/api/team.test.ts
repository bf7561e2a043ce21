import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { createToken, revokeToken } from '../store/tokens';
import { bearer, postJson, testApp } from '../../test/support/server';

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
        { id: wang.id, name: 'Wang Wei', role: 'handler', department: null },
        { id: li.id, name: '李娜', role: 'supervisor', department: null },
      ],
      me: wang.id,
    });
    expect(JSON.stringify(body)).not.toContain('cdt_');
  });

  it('names each member’s department, given when the admin makes the token (checked against the policy)', async () => {
    const app = testApp(ctx.db);
    const admin = await bearer(ctx.db.pool, 'admin');
    const made = await postJson(
      app,
      '/api/v1/admin/tokens',
      { name: '王伟', role: 'handler', department: 'quality' },
      admin,
    );
    expect(made.status).toBe(201);
    const wang = (await made.json()) as { id: string; secret: string; department: string };
    expect(wang.department).toBe('quality');
    // Not one of the policy's departments: refused, in the caller's language, nothing stored.
    const bad = await postJson(
      app,
      '/api/v1/admin/tokens',
      { name: 'X', role: 'agent', department: 'marketing' },
      { ...admin, 'accept-language': 'zh-CN' },
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [
        {
          path: 'department',
          code: 'token.unknownDepartment',
          message: '“marketing”不是本单位的部门。',
        },
      ],
    });
    const res = await app.request('/api/v1/team', {
      headers: { authorization: `Bearer ${wang.secret}` },
    });
    expect(((await res.json()) as { members: unknown[] }).members).toEqual([
      { id: wang.id, name: '王伟', role: 'handler', department: 'quality' },
    ]);
    const me = await app.request('/api/v1/me', {
      headers: { authorization: `Bearer ${wang.secret}` },
    });
    expect(await me.json()).toMatchObject({ department: 'quality' });
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
