import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import {
  bearer,
  postJson,
  pushEvent,
  registration,
  tableCounts,
  testApp,
  validSubmission,
} from '../../test/support/server';

const SYNC = 'http://desk.test/api/v1/sync';

interface SyncAnswer {
  accepted: string[];
  rejected: {
    id: string;
    reason: string;
    message: string;
    params?: Record<string, unknown>;
    afterSeq: number;
  }[];
  events: {
    id: string;
    complaintId: string;
    type: string;
    seq: number;
    payload: Record<string, unknown>;
  }[];
  cursor: string;
  more: boolean;
}

describe.each(databases)('POST /api/v1/sync on $name', (target) => {
  const ctx = useDatabase(target);
  const sync = async (headers: Record<string, string>, body: unknown) => {
    const res = await postJson(testApp(ctx.db), SYNC, body, headers);
    return { status: res.status, body: (await res.json()) as SyncAnswer };
  };

  it('needs a live token (401)', async () => {
    const app = testApp(ctx.db);
    expect((await postJson(app, SYNC, {})).status).toBe(401);
    expect((await postJson(app, SYNC, {}, { authorization: 'Bearer cdt_nope' })).status).toBe(401);
  });

  it('applies a capture and a registration, numbers the case, and returns the log since the cursor', async () => {
    const agent = await bearer(ctx.db.pool, 'agent');
    const id = randomUUID();
    const captured = pushEvent('captured', id, {
      draft: { channel: 'email', description: 'Late delivery' },
    });
    const registered = pushEvent(
      'registered',
      id,
      { record: registration() },
      { at: '2026-11-16T02:01:00.000Z' },
    );
    const { status, body } = await sync(agent, { cursor: null, events: [captured, registered] });
    expect(status).toBe(200);
    expect(body.accepted).toEqual([captured.id, registered.id]);
    expect(body.rejected).toEqual([]);
    expect(body.events.map((e) => e.type)).toEqual([
      'captured',
      'registered',
      'caseNumberAssigned',
    ]);
    expect(body.events[2]!.payload).toEqual({ caseNumber: '2611-0001', issuer: 'server' });
    expect(body.events.map((e) => e.seq)).toEqual(
      [...body.events.map((e) => e.seq)].sort((a, b) => a - b),
    );
    expect(body.cursor).toBe(String(body.events[2]!.seq));
    const { rows } = await ctx.db.pool.query(
      'SELECT case_number, status, version FROM complaints WHERE id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ case_number: '2611-0001', status: 'registered', version: 3 });

    const again = await sync(agent, { cursor: body.cursor, events: [] });
    expect(again.body.events).toEqual([]);
    expect(again.body.cursor).toBe(body.cursor);
  });

  it('stores a batch delivered three times once', async () => {
    const agent = await bearer(ctx.db.pool, 'agent');
    const id = randomUUID();
    const batch = [
      pushEvent('captured', id, { draft: { channel: 'email', description: 'Late delivery' } }),
      pushEvent('registered', id, { record: registration() }),
    ];
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await sync(agent, { events: batch })).body);
    for (const a of answers) expect(a.accepted).toEqual(batch.map((e) => e.id));
    expect(await tableCounts(ctx.db.pool)).toMatchObject({
      complaints: 1,
      events: 3,
      case_number_counters: 1,
    });
  });

  it('rejects forged roles, invalid events, id clashes and illegal transitions with reasons, keeping the rest', async () => {
    const agent = await bearer(ctx.db.pool, 'agent');
    const id = randomUUID();
    const good = pushEvent('captured', id, {
      draft: { channel: 'email', description: 'Late delivery' },
    });
    const forged = pushEvent('registered', id, { record: registration() }, { role: 'supervisor' });
    const invalid = {
      ...pushEvent('noteAdded', id, { text: 'x', progress: false }),
      at: 'yesterday',
    };
    const clash = { ...good, complaintId: randomUUID() };
    const illegal = pushEvent('closed', id, {});
    const { body } = await sync(agent, { events: [good, forged, invalid, clash, illegal] });
    expect(body.accepted).toEqual([good.id]);
    expect(body.rejected).toEqual([
      expect.objectContaining({ id: invalid.id, reason: 'sync.invalidEvent' }),
      expect.objectContaining({ id: forged.id, reason: 'sync.forgedRole' }),
      expect.objectContaining({ id: clash.id, reason: 'sync.idConflict' }),
      expect.objectContaining({ id: illegal.id, reason: 'workflow.illegal' }),
    ]);
    for (const r of body.rejected) expect(r.message.length).toBeGreaterThan(10);
    expect(body.rejected[1]!.message).toContain('supervisor');
  });

  it('gives each refusal its place in the log: the last seq stored when it was refused', async () => {
    const agent = await bearer(ctx.db.pool, 'agent');
    const earlier = randomUUID();
    const first = await sync(agent, {
      events: [
        pushEvent('captured', earlier, { draft: { channel: 'email', description: 'Late' } }),
      ],
    });
    const head = Number(first.body.cursor);
    const id = randomUUID();
    const tooEarly = pushEvent('closed', id, {});
    const unparsed = { ...pushEvent('noteAdded', id, { text: 'x', progress: false }), at: 'no' };
    const captured = pushEvent('captured', id, {
      draft: { channel: 'email', description: 'Late delivery' },
    });
    const registered = pushEvent('registered', id, { record: registration() });
    const tooLate = pushEvent('closed', id, {});
    const { body } = await sync(agent, {
      cursor: first.body.cursor,
      events: [tooEarly, unparsed, captured, registered, tooLate],
    });
    expect(body.accepted).toEqual([captured.id, registered.id]);
    const seqOf = (eventId: string) => body.events.find((e) => e.id === eventId)!.seq;
    const numbered = body.events.find((e) => e.type === 'caseNumberAssigned')!;
    expect(seqOf(captured.id)).toBeGreaterThan(head);
    expect(Object.fromEntries(body.rejected.map((r) => [r.id, r.afterSeq]))).toEqual({
      [unparsed.id]: head,
      [tooEarly.id]: head,
      // After the registration and the server's case number stored from this very batch.
      [tooLate.id]: numbered.seq,
    });
  });

  it('refuses a body that is not a sync request (400)', async () => {
    const agent = await bearer(ctx.db.pool, 'agent');
    for (const bad of [
      { events: 'x' },
      { cursor: 'abc' },
      { cursor: -1 },
      { events: [], role: 'admin' },
    ]) {
      expect((await sync(agent, bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('brings web-form complaints to the team, and a supervisor can assign one', async () => {
    const app = testApp(ctx.db);
    const submission = validSubmission();
    await postJson(app, 'http://desk.test/api/v1/intake', submission);
    const supervisor = await bearer(ctx.db.pool, 'supervisor');
    const first = await sync(supervisor, {});
    expect(first.body.events.map((e) => [e.type, e.complaintId])).toEqual([
      ['registered', submission.id],
    ]);
    const assign = pushEvent(
      'assigned',
      submission.id as string,
      { department: 'quality', handlerId: 'u-handler', handlerName: 'Wang' },
      { role: 'supervisor', at: '2026-11-16T02:03:00.000Z' },
    );
    const second = await sync(supervisor, { cursor: first.body.cursor, events: [assign] });
    expect(second.body.accepted).toEqual([assign.id]);
    expect(second.body.events.map((e) => e.id)).toEqual([assign.id]);
    const { rows } = await ctx.db.pool.query('SELECT status, assignee FROM complaints');
    expect(rows).toEqual([{ status: 'assigned', assignee: 'u-handler' }]);
  });

  it('pushes 10,000 events in one batch', async () => {
    const agent = await bearer(ctx.db.pool, 'agent');
    const events = [];
    for (let i = 0; i < 5_000; i++) {
      const id = randomUUID();
      events.push(
        pushEvent('captured', id, { draft: { channel: 'email', description: `Complaint ${i}` } }),
      );
      events.push(pushEvent('noteAdded', id, { text: `Note ${i}`, progress: false }));
    }
    const started = performance.now();
    const { status, body } = await sync(agent, { events });
    const ms = performance.now() - started;
    expect(status).toBe(200);
    expect(body.accepted).toHaveLength(10_000);
    expect(body.more).toBe(true);
    expect(await tableCounts(ctx.db.pool)).toMatchObject({ complaints: 5_000, events: 10_000 });
    console.info(`[sync] ${target.name}: 10,000 events pushed in ${Math.round(ms)} ms`);
  }, 60_000);
});
