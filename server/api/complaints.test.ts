import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ComplaintState } from '../../shared/schema/complaint';
import { databases, useDatabase } from '../../test/pg';
import {
  bearer,
  postJson,
  pushEvent,
  registration,
  staffMember,
  testApp,
  validSubmission,
} from '../../test/support/server';

const BASE = 'http://desk.test/api/v1';

describe.each(databases)('complaints API on $name', (target) => {
  const ctx = useDatabase(target);

  /** Registers `n` web-form complaints, one minute apart; returns their ids, oldest first. */
  async function seed(n: number, overrides: (i: number) => Record<string, unknown> = () => ({})) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const app = testApp(ctx.db, {
        now: () => new Date(Date.parse('2026-11-16T02:00:00Z') + i * 60_000),
      });
      const body = validSubmission(overrides(i));
      await postJson(app, `${BASE}/intake`, body);
      ids.push(body.id as string);
    }
    return ids;
  }

  const get = async (path: string, headers: Record<string, string>) => {
    const res = await testApp(ctx.db).request(`${BASE}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  describe('GET /complaints', () => {
    it('pages through the queue newest first with a keyset cursor', async () => {
      const ids = await seed(7);
      const auth = await bearer(ctx.db.pool, 'agent');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(`/complaints?limit=3${cursor ? `&cursor=${cursor}` : ''}`, auth);
        expect(page.status).toBe(200);
        const items = page.body.items as ComplaintState[];
        expect(items.length).toBeLessThanOrEqual(3);
        seen.push(...items.map((c) => c.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
    });

    it('filters by status, severity, overdue, assignee and text', async () => {
      const ids = await seed(4, (i) =>
        i === 1
          ? { description: 'The journalist from the press called me about this.' }
          : { subject: `Order ${i}` },
      );
      const supervisor = await bearer(ctx.db.pool, 'supervisor');
      const assign = pushEvent(
        'assigned',
        ids[2]!,
        { department: 'quality', handlerId: 'h-42', handlerName: 'Wu' },
        { role: 'supervisor', at: '2026-11-16T02:03:00.000Z' },
      );
      await postJson(testApp(ctx.db), `${BASE}/sync`, { events: [assign] }, supervisor);
      const q = async (query: string) =>
        ((await get(`/complaints?${query}`, supervisor)).body.items as ComplaintState[]).map(
          (c) => c.id,
        );

      expect(await q('status=assigned')).toEqual([ids[2]]);
      expect((await q('status=registered,assigned')).sort()).toEqual([...ids].sort());
      expect(await q('severity=L3')).toEqual([ids[1]]);
      expect(await q('assignee=h-42')).toEqual([ids[2]]);
      expect(await q('q=ORDER%203')).toEqual([ids[3]]);
      expect(await q('q=2611-0001')).toEqual([ids[0]]);
      expect(await q('q=%25')).toEqual([]);
      // The test clock is 2026-11-16 02:00Z; nothing is due yet. A week later everything is.
      expect(await q('overdue=true')).toEqual([]);
      const later = testApp(ctx.db, { now: () => new Date('2026-11-23T02:00:00Z') });
      const res = await later.request(`${BASE}/complaints?overdue=true`, { headers: supervisor });
      expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(4);
    });

    it('refuses bad query parameters with 400', async () => {
      const auth = await bearer(ctx.db.pool, 'agent');
      for (const query of [
        'status=nope',
        'severity=L9',
        'limit=0',
        'limit=500',
        'overdue=maybe',
        'cursor=xyz',
        'role=admin',
      ]) {
        expect((await get(`/complaints?${query}`, auth)).status, query).toBe(400);
      }
    });
  });

  describe('GET /complaints/:id', () => {
    it('returns the snapshot and the log, or 404', async () => {
      const [id] = await seed(1);
      const auth = await bearer(ctx.db.pool, 'handler');
      const { status, body } = await get(`/complaints/${id}`, auth);
      expect(status).toBe(200);
      expect(body.complaint).toMatchObject({ id, caseNumber: '2611-0001', status: 'registered' });
      expect((body.events as { type: string }[]).map((e) => e.type)).toEqual(['registered']);
      expect((await get(`/complaints/${randomUUID()}`, auth)).status).toBe(404);
      expect((await get('/complaints/not-a-uuid', auth)).status).toBe(404);
    });
  });

  describe('POST /complaints/:id/events', () => {
    const assign = (handlerId: string) => ({
      type: 'assigned',
      payload: { department: 'quality', handlerId },
    });
    const act = (id: string, headers: Record<string, string>, body: unknown) =>
      postJson(testApp(ctx.db), `${BASE}/complaints/${id}/events`, body, headers);

    it('applies one action with the caller as actor (201), and a retry by id (200)', async () => {
      const [id] = await seed(1);
      const auth = await bearer(ctx.db.pool, 'supervisor', 'Zhang Min');
      const eventId = randomUUID();
      const res = await act(id!, auth, {
        expectedVersion: 1,
        event: { ...assign('h-1'), id: eventId },
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as {
        complaint: ComplaintState;
        event: { actor: { name: string; role: string } };
      };
      expect(body.complaint).toMatchObject({ status: 'assigned', version: 2 });
      expect(body.event.actor).toMatchObject({ name: 'Zhang Min', role: 'supervisor' });
      const retry = await act(id!, auth, {
        expectedVersion: 1,
        event: { ...assign('h-1'), id: eventId },
      });
      expect(retry.status).toBe(200);
    });

    it('answers a stale expectedVersion with 409 and the current version', async () => {
      const [id] = await seed(1);
      const auth = await bearer(ctx.db.pool, 'supervisor');
      expect((await act(id!, auth, { expectedVersion: 1, event: assign('h-1') })).status).toBe(201);
      const stale = await act(id!, auth, { expectedVersion: 1, event: assign('h-2') });
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({
        version: 2,
        errors: [{ code: 'complaint.staleVersion' }],
      });
    });

    it('lets one of two supervisors acting at once win; the other gets 409 and can retry on fresh state', async () => {
      const [id] = await seed(1);
      const a = await bearer(ctx.db.pool, 'supervisor', 'A');
      const b = await bearer(ctx.db.pool, 'supervisor', 'B');
      const answers = await Promise.all([
        act(id!, a, { expectedVersion: 1, event: assign('h-a') }),
        act(id!, b, { expectedVersion: 1, event: assign('h-b') }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      const loser = answers[0]!.status === 409 ? b : a;
      const fresh = (await get(`/complaints/${id}`, loser)).body.complaint as ComplaintState;
      expect(
        (await act(id!, loser, { expectedVersion: fresh.version, event: assign('h-c') })).status,
      ).toBe(201);
    });

    it('answers an illegal transition with 422 and a forbidden one with 403', async () => {
      const [id] = await seed(1);
      const agent = await bearer(ctx.db.pool, 'agent');
      const illegal = await act(id!, agent, { event: { type: 'closed', payload: {} } });
      expect(illegal.status).toBe(422);
      expect(await illegal.json()).toMatchObject({
        errors: [{ code: 'workflow.close.callbackRequired' }],
      });
      const forbidden = await act(id!, agent, {
        event: { type: 'severityOverridden', payload: { level: 'L0', reason: 'Minor' } },
      });
      expect(forbidden.status).toBe(403);
      expect(await forbidden.json()).toMatchObject({ errors: [{ code: 'workflow.forbidden' }] });
    });

    it('refuses a forged role (403), a body for another complaint (400) and unknown complaints (404)', async () => {
      const [id] = await seed(1);
      const agent = await bearer(ctx.db.pool, 'agent');
      const forged = await act(id!, agent, {
        event: { ...assign('h-1'), actor: { id: 'boss', name: 'Boss', role: 'supervisor' } },
      });
      expect(forged.status).toBe(403);
      expect(await forged.json()).toMatchObject({ errors: [{ code: 'sync.forgedRole' }] });
      expect(
        (await act(id!, agent, { event: { ...assign('h'), complaintId: randomUUID() } })).status,
      ).toBe(400);
      expect((await act(randomUUID(), agent, { event: assign('h') })).status).toBe(404);
      expect((await act(id!, agent, { event: { type: 'assigned' } })).status).toBe(400);
      expect((await act(id!, agent, { event: assign('h'), role: 'admin' })).status).toBe(400);
    });

    it('keeps an agent from approving beyond its limit', async () => {
      const supervisor = await bearer(ctx.db.pool, 'supervisor');
      const handlerMember = await staffMember(ctx.db.pool, 'handler');
      const handler = handlerMember.headers;
      const agent = await bearer(ctx.db.pool, 'agent');
      const id = randomUUID();
      const at = (m: number) =>
        new Date(Date.parse('2026-11-16T02:00:00Z') + m * 60_000).toISOString();
      const agentSync = await postJson(
        testApp(ctx.db),
        `${BASE}/sync`,
        { events: [pushEvent('registered', id, { record: registration() }, { at: at(0) })] },
        agent,
      );
      expect(((await agentSync.json()) as { accepted: string[] }).accepted).toHaveLength(1);
      const steps: [Record<string, string>, unknown][] = [
        [
          supervisor,
          {
            type: 'assigned',
            at: at(1),
            payload: { department: 'logistics', handlerId: handlerMember.id },
          },
        ],
        [handler, { type: 'contacted', at: at(2), payload: {} }],
        [
          handler,
          {
            type: 'resolutionProposed',
            at: at(3),
            payload: {
              type: 'compensation',
              amount: 20_000,
              currency: 'CNY',
              responsibility: 'customer',
              description: 'Pay',
            },
          },
        ],
      ];
      for (const [auth, event] of steps) expect((await act(id, auth, { event })).status).toBe(201);
      const snapshot = (await get(`/complaints/${id}`, agent)).body.complaint as ComplaintState;
      expect(snapshot.status).toBe('awaiting_approval');
      const approve = await act(id, agent, { event: { type: 'approved', at: at(4), payload: {} } });
      expect(approve.status).toBe(403);
      expect(
        (await act(id, supervisor, { event: { type: 'approved', at: at(5), payload: {} } })).status,
      ).toBe(201);
    });
  });
});
