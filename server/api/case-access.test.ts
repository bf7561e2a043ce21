/**
 * Who may write to which case: every endpoint × role × (own / other's / unassigned case), with
 * the default policy (shared `mayAct`). Reading the queue is open to every staff role.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/schema/codes';
import { databases, useDatabase } from '../../test/pg';
import {
  postJson,
  pushEvent,
  staffMember,
  testApp,
  validSubmission,
} from '../../test/support/server';

const BASE = 'http://desk.test/api/v1';
const ROLES: Role[] = ['agent', 'handler', 'supervisor', 'manager', 'admin'];
const CASES = ['own', 'other', 'unassigned'] as const;
type CaseKind = (typeof CASES)[number];

/** What each role gets for an ordinary action (a note) and a lead-only one (withdrawal). */
const EXPECTED: Record<Role, Record<CaseKind, { note: string; withdraw: string }>> = {
  agent: {
    own: { note: 'ok', withdraw: 'access.leadOnly' },
    other: { note: 'access.notYours', withdraw: 'access.leadOnly' },
    unassigned: { note: 'ok', withdraw: 'access.leadOnly' },
  },
  handler: {
    own: { note: 'ok', withdraw: 'access.leadOnly' },
    other: { note: 'access.notYours', withdraw: 'access.leadOnly' },
    unassigned: { note: 'ok', withdraw: 'access.leadOnly' },
  },
  supervisor: {
    own: { note: 'ok', withdraw: 'ok' },
    other: { note: 'ok', withdraw: 'ok' },
    unassigned: { note: 'ok', withdraw: 'ok' },
  },
  manager: {
    own: { note: 'ok', withdraw: 'ok' },
    other: { note: 'ok', withdraw: 'ok' },
    unassigned: { note: 'ok', withdraw: 'ok' },
  },
  // Administrators run the server; the workflow gives them no case actions.
  admin: {
    own: { note: 'workflow.forbidden', withdraw: 'workflow.forbidden' },
    other: { note: 'workflow.forbidden', withdraw: 'workflow.forbidden' },
    unassigned: { note: 'workflow.forbidden', withdraw: 'workflow.forbidden' },
  },
};

describe.each(databases)('case access on $name', (target) => {
  const ctx = useDatabase(target);

  /** Three web-form cases: one assigned to `me`, one to someone else, one to nobody. */
  async function cases(me: { id: string; name: string }) {
    const app = testApp(ctx.db);
    const lead = await staffMember(ctx.db.pool, 'supervisor', 'Lead');
    const ids = {} as Record<CaseKind, string>;
    for (const kind of CASES) {
      const s = validSubmission();
      expect((await postJson(app, `${BASE}/intake`, s)).status).toBe(201);
      ids[kind] = s.id as string;
    }
    const assign = (id: string, handlerId: string, handlerName: string) =>
      pushEvent(
        'assigned',
        id,
        { department: 'logistics', handlerId, handlerName },
        { role: 'supervisor', at: '2026-11-16T02:01:00.000Z' },
      );
    const res = await postJson(
      app,
      `${BASE}/sync`,
      { events: [assign(ids.own, me.id, me.name), assign(ids.other, 'someone-else', 'Zhou')] },
      lead.headers,
    );
    expect(((await res.json()) as { accepted: string[] }).accepted).toHaveLength(2);
    return ids;
  }

  const note = () => ({
    type: 'noteAdded',
    payload: { text: 'Spoke to the customer', progress: true },
  });
  const withdraw = () => ({ type: 'withdrawn', payload: { reason: 'The customer withdrew' } });

  it.each(ROLES)('POST /complaints/:id/events as %s', async (role) => {
    const me = await staffMember(ctx.db.pool, role);
    const ids = await cases(me);
    for (const kind of CASES) {
      for (const [action, event] of [
        ['note', note()],
        ['withdraw', withdraw()],
      ] as const) {
        const res = await postJson(
          testApp(ctx.db),
          `${BASE}/complaints/${ids[kind]}/events`,
          { event: { ...event, at: '2026-11-16T02:02:00.000Z' } },
          me.headers,
        );
        const expected = EXPECTED[role][kind][action];
        const body = (await res.json()) as { errors?: { code: string; message: string }[] };
        const label = `${role} ${action} on ${kind}`;
        if (expected === 'ok') {
          expect(res.status, label).toBe(201);
        } else {
          expect(res.status, label).toBe(403);
          expect(body.errors?.[0]?.code, label).toBe(expected);
          expect(body.errors?.[0]?.message, label).not.toBe(expected);
        }
      }
    }
  });

  it.each(ROLES)('POST /sync as %s', async (role) => {
    const me = await staffMember(ctx.db.pool, role);
    const ids = await cases(me);
    const actor = { id: me.id, name: me.name, role };
    const pushed = CASES.flatMap((kind) =>
      [note(), withdraw()].map((e) => ({
        kind,
        action: e.type === 'noteAdded' ? ('note' as const) : ('withdraw' as const),
        event: {
          id: randomUUID(),
          complaintId: ids[kind],
          at: '2026-11-16T02:02:00.000Z',
          actor,
          ...e,
        },
      })),
    );
    const res = await postJson(
      testApp(ctx.db),
      `${BASE}/sync`,
      { events: pushed.map((p) => p.event) },
      me.headers,
    );
    const body = (await res.json()) as {
      accepted: string[];
      rejected: { id: string; reason: string }[];
    };
    expect(res.status).toBe(200);
    for (const p of pushed) {
      const expected = EXPECTED[role][p.kind][p.action];
      const got = body.accepted.includes(p.event.id)
        ? 'ok'
        : body.rejected.find((r) => r.id === p.event.id)?.reason;
      expect(got, `${role} ${p.action} on ${p.kind}`).toBe(expected);
    }
  });

  it.each(ROLES)('reading as %s: the queue and every case; reports for leads', async (role) => {
    const me = await staffMember(ctx.db.pool, role);
    const ids = await cases(me);
    const app = testApp(ctx.db);
    const get = (path: string) => app.request(`${BASE}${path}`, { headers: me.headers });
    const list = (await (await get('/complaints')).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(3);
    for (const kind of CASES) expect((await get(`/complaints/${ids[kind]}`)).status).toBe(200);
    const report = await get('/reports/monthly?month=2026-11');
    expect(report.status).toBe(role === 'agent' || role === 'handler' ? 403 : 200);
  });
});
