import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/schema/codes';
import { databases, useDatabase } from '../../test/pg';
import { addSite } from '../store/sites';
import { createToken } from '../store/tokens';
import { bearer, postJson, testApp, validSubmission } from '../../test/support/server';

const BASE = 'http://desk.test/api/v1';
type Caller = Role | 'none';
const CALLERS: Caller[] = ['none', ...ROLES];

interface Endpoint {
  name: string;
  method: string;
  path: (ctx: { complaintId: string; tokenId: string }) => string;
  body?: unknown;
  /** Status per caller; `staff` covers agent, handler, supervisor, manager. */
  expect: Partial<Record<Caller | 'staff', number>>;
}

const ALL = { staff: 200, admin: 200 };
const ADMIN_ONLY = (ok: number) => ({ staff: 403, admin: ok });

const ENDPOINTS: Endpoint[] = [
  { name: 'list complaints', method: 'GET', path: () => '/complaints', expect: ALL },
  {
    name: 'read a complaint',
    method: 'GET',
    path: (c) => `/complaints/${c.complaintId}`,
    expect: ALL,
  },
  {
    name: 'add a note',
    method: 'POST',
    path: (c) => `/complaints/${c.complaintId}/events`,
    body: { event: { type: 'noteAdded', payload: { text: 'Called back', progress: true } } },
    // Administrators run the system; they do not handle complaints (policy permissions).
    expect: { staff: 201, admin: 403 },
  },
  { name: 'sync', method: 'POST', path: () => '/sync', body: {}, expect: ALL },
  { name: 'read the policy', method: 'GET', path: () => '/policy', expect: ALL },
  { name: 'say who the token is', method: 'GET', path: () => '/me', expect: ALL },
  { name: 'list the team', method: 'GET', path: () => '/team', expect: { staff: 200, admin: 403 } },
  {
    name: 'read the monthly report',
    method: 'GET',
    path: () => '/reports/monthly?month=2026-11',
    expect: { agent: 403, handler: 403, supervisor: 200, manager: 200, admin: 200 },
  },
  { name: 'list tokens', method: 'GET', path: () => '/admin/tokens', expect: ADMIN_ONLY(200) },
  {
    name: 'mint a token',
    method: 'POST',
    path: () => '/admin/tokens',
    body: { name: 'New agent', role: 'agent' },
    expect: ADMIN_ONLY(201),
  },
  {
    name: 'revoke a token',
    method: 'DELETE',
    path: (c) => `/admin/tokens/${c.tokenId}`,
    expect: ADMIN_ONLY(204),
  },
  {
    name: "read the sites' configuration",
    method: 'GET',
    path: () => '/admin/sites',
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'register a site',
    method: 'PUT',
    path: () => '/admin/sites/newsite',
    body: { origins: ['https://new.example'] },
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'remove a site',
    method: 'DELETE',
    path: () => '/admin/sites/shop',
    expect: ADMIN_ONLY(204),
  },
  {
    name: 'read policy overrides',
    method: 'GET',
    path: () => '/admin/policy',
    expect: ADMIN_ONLY(200),
  },
  {
    name: 'change the policy',
    method: 'PUT',
    path: () => '/admin/policy',
    body: { warnAtRatio: 0.8 },
    expect: ADMIN_ONLY(200),
  },
];

describe.each(databases)('authorization on $name', (target) => {
  const ctx = useDatabase(target);

  describe.each(ENDPOINTS)('$method $name', (endpoint) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const app = testApp(ctx.db);
      const submission = validSubmission();
      await postJson(app, `${BASE}/intake`, submission);
      await addSite(ctx.db.pool, 'shop', ['https://shop.example'], new Date());
      const victim = await createToken(ctx.db.pool, {
        name: 'victim',
        role: 'agent',
        now: new Date(),
      });
      const headers = caller === 'none' ? {} : await bearer(ctx.db.pool, caller);
      const res = await app.request(
        `${BASE}${endpoint.path({ complaintId: submission.id as string, tokenId: victim.id })}`,
        {
          method: endpoint.method,
          headers: { ...headers, ...(endpoint.body ? { 'content-type': 'application/json' } : {}) },
          ...(endpoint.body ? { body: JSON.stringify(endpoint.body) } : {}),
        },
      );
      const expected = caller === 'none' ? 401 : (endpoint.expect[caller] ?? endpoint.expect.staff);
      expect(res.status).toBe(expected);
      if (res.status >= 400) {
        const body = (await res.json()) as { errors: { code: string; message: string }[] };
        expect(body.errors[0]!.message.length).toBeGreaterThan(5);
      }
    });
  });

  it('leaves the public endpoints open', async () => {
    const app = testApp(ctx.db);
    expect((await postJson(app, `${BASE}/intake`, validSubmission())).status).toBe(201);
    for (const path of ['/healthz', '/schema', '/openapi.json']) {
      expect((await app.request(`${BASE}${path}`)).status, path).toBe(200);
    }
  });

  it('names the caller’s token, never another’s', async () => {
    const app = testApp(ctx.db);
    const minted = await createToken(ctx.db.pool, {
      name: 'Li Na',
      role: 'supervisor',
      now: new Date(),
    });
    const res = await app.request(`${BASE}/me`, {
      headers: { authorization: `Bearer ${minted.secret}` },
    });
    expect(await res.json()).toEqual({
      id: minted.id,
      name: 'Li Na',
      role: 'supervisor',
      department: null,
    });
  });

  it('stops a revoked token at once', async () => {
    const app = testApp(ctx.db);
    const admin = await bearer(ctx.db.pool, 'admin');
    const minted = await postJson(
      app,
      `${BASE}/admin/tokens`,
      { name: 'Temp', role: 'supervisor' },
      admin,
    );
    const token = (await minted.json()) as { id: string; secret: string; role: string };
    expect(token).toMatchObject({ role: 'supervisor', secret: expect.stringMatching(/^cdt_/) });
    const auth = { authorization: `Bearer ${token.secret}` };
    expect((await app.request(`${BASE}/complaints`, { headers: auth })).status).toBe(200);
    expect(
      (await app.request(`${BASE}/admin/tokens/${token.id}`, { method: 'DELETE', headers: admin }))
        .status,
    ).toBe(204);
    expect((await app.request(`${BASE}/complaints`, { headers: auth })).status).toBe(401);
    const list = (await (await app.request(`${BASE}/admin/tokens`, { headers: admin })).json()) as {
      id: string;
      revokedAt: string | null;
      secret?: string;
    }[];
    expect(list.find((t) => t.id === token.id)?.revokedAt).not.toBeNull();
    expect(list.every((t) => t.secret === undefined)).toBe(true);
  });

  it('applies a policy change to the next registration, and refuses an invalid policy', async () => {
    const app = testApp(ctx.db);
    const admin = await bearer(ctx.db.pool, 'admin');
    const bad = await app.request(`${BASE}/admin/policy`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ warnAtRatio: 7 }),
    });
    expect(bad.status).toBe(400);
    const ok = await app.request(`${BASE}/admin/policy`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ clocks: { reply: { default: { amount: 48, unit: 'clockHours' } } } }),
    });
    expect(ok.status).toBe(200);
    const answer = (await (await postJson(app, `${BASE}/intake`, validSubmission())).json()) as {
      replyDueAt: string;
    };
    expect(answer.replyDueAt).toBe('2026-11-18T02:00:00.000Z');
  });
});
