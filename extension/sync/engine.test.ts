/**
 * The sync engine against the real team server (its app factory on PGlite, reached through
 * `app.request`): push and pull, case numbers from the server, idempotent re-delivery, refusals
 * kept and explained, backoff, convergence through a network that fails 30 % of the time, and a
 * worker that dies mid-sync.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { Role } from '@shared/schema/codes';
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { type Fetch, flakyFetch, seeded, teamServer } from '../../test/team-server';
import { ComplaintDb } from '../db/database';
import { appendEvents } from '../db/log';
import type { Actor, StoredEvent } from '../db/types';
import { registerComplaint } from '../registration/register';
import { COMPLETE_DRAFT, NOW, freshDb } from '../../test/support/extension/fixtures';
import { SYNC_CURSOR_KEY } from './apply';
import { httpTransport } from './client';
import { SyncEngine, derivesEscalations, readSyncState } from './engine';
import { rejectionText } from './reason-text';
import { rejectedEvents } from './rejections';
import { defaultPolicy } from '@shared/policy/default-policy';
import { deriveEscalations } from '../db/derived';
import { DERIVED } from '../db/types';

const SERVER = 'https://desk.test';
const actorOf = (role: Role): Actor => ({ id: `u-${role}`, name: `${role} user`, role });

function device(
  db: ComplaintDb,
  token: string,
  fetch: Fetch,
  extra: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {},
) {
  return new SyncEngine({
    db,
    target: async () => ({
      transport: httpTransport({ serverUrl: SERVER, token, fetch }),
      server: SERVER,
    }),
    random: () => 0.5,
    ...extra,
  });
}

async function capture(
  db: ComplaintDb,
  role: Role = 'agent',
  description = COMPLETE_DRAFT.description,
) {
  const complaintId = randomUUID();
  await appendEvents(
    db,
    complaintId,
    [
      {
        id: randomUUID(),
        complaintId,
        type: 'captured',
        at: NOW.toISOString(),
        actor: actorOf(role),
        payload: { draft: { ...COMPLETE_DRAFT, description } },
      },
    ],
    { now: NOW },
  );
  return complaintId;
}

async function register(db: ComplaintDb, complaintId: string, role: Role = 'agent') {
  const r = await registerComplaint(db, {
    complaintId,
    draft: COMPLETE_DRAFT,
    actor: actorOf(role),
    now: NOW,
    eventId: randomUUID(),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.caseNumber;
}

async function act(
  db: ComplaintDb,
  complaintId: string,
  type: string,
  payload: Record<string, unknown>,
  role: Role,
) {
  return appendEvents(
    db,
    complaintId,
    // The server (real clock) received the complaint just now.
    [
      {
        id: randomUUID(),
        complaintId,
        type,
        at: new Date().toISOString(),
        actor: actorOf(role),
        payload,
      },
    ],
    { now: new Date() },
  );
}

const pendingCount = (db: ComplaintDb) => db.events.where('pending').equals(1).count();
const ids = async (db: ComplaintDb) => (await db.events.toArray()).map((e) => e.id).sort();

describe.each(databases)('sync engine against the team server on $name', (target) => {
  const ctx = useDatabase(target);
  const serverEvents = async () =>
    (await ctx.db.pool.query<{ id: string }>('SELECT id FROM events ORDER BY seq')).rows.map(
      (r) => r.id,
    );

  it('pushes pending events, takes the case number from the server, and a second device pulls the same state', async () => {
    const server = teamServer(ctx.db);
    const a = freshDb();
    const first = await capture(a);
    const second = await capture(
      a,
      'agent',
      'The delivery was three weeks late and nobody answered the phone.',
    );
    const local = await register(a, first);
    expect(local).toMatch(/^\d{4}-\d{4}$/);
    expect(await a.complaints.get(first)).toMatchObject({ caseNumberIssuer: 'local' });

    const outcome = await device(a, await server.token('agent'), server.fetch).sync();
    expect(outcome).toMatchObject({ ok: true, pushed: 3, rejected: 0 });
    expect(await pendingCount(a)).toBe(0);
    // The server numbered the registration; the shared workflow lets it replace the local number once.
    const row = await a.complaints.get(first);
    expect(row).toMatchObject({ status: 'registered', caseNumberIssuer: 'server' });
    const { rows } = await ctx.db.pool.query('SELECT case_number FROM complaints WHERE id = $1', [
      first,
    ]);
    expect(row?.caseNumber).toBe(rows[0].case_number);
    expect(await a.events.where('complaintId').equals(first).count()).toBe(3); // + caseNumberAssigned
    expect((await a.meta.get(SYNC_CURSOR_KEY))?.value).toBe('4');
    const state = await readSyncState(a);
    expect(state).toMatchObject({ failures: 0, server: SERVER });
    expect(state.lastSyncAt).toBeDefined();
    expect(state.lastError).toBeUndefined();

    const b = freshDb();
    expect(await device(b, await server.token('supervisor'), server.fetch).sync()).toMatchObject({
      ok: true,
      pushed: 0,
      received: 4,
    });
    expect(await ids(b)).toEqual(await ids(a));
    for (const id of [first, second]) {
      const answer = await server.fetch(`${SERVER}/api/v1/complaints/${id}`, {
        headers: { authorization: `Bearer ${await server.token('supervisor')}` },
      });
      const { complaint } = (await answer.json()) as { complaint: unknown };
      expect((await b.complaints.get(id))?.state).toEqual(complaint);
      expect((await a.complaints.get(id))?.state).toEqual(complaint);
    }
  });

  it('stores a batch delivered three times once, on the server and on the device', async () => {
    const server = teamServer(ctx.db);
    const db = freshDb();
    const id = await capture(db);
    await register(db, id);
    // Every request reaches the server three times; the device sees the last answer.
    const thrice: Fetch = async (input, init) => {
      await (await server.fetch(input, init)).arrayBuffer();
      await (await server.fetch(input, init)).arrayBuffer();
      return server.fetch(input, init);
    };
    const engine = device(db, await server.token('agent'), thrice);
    expect(await engine.sync()).toMatchObject({ ok: true });
    // …and the device itself re-sends the same events after losing the state (a restored backup).
    await db.events.toCollection().modify((e: StoredEvent) => {
      if (e.type !== 'caseNumberAssigned') e.pending = 1;
    });
    await db.meta.delete(SYNC_CURSOR_KEY);
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 2, received: 0 });
    expect(await serverEvents()).toHaveLength(3);
    expect(await db.events.count()).toBe(3);
    expect(await pendingCount(db)).toBe(0);
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM complaints');
    expect(rows[0].n).toBe(1);
  });

  it('keeps refused events with their reason, shows them, and leaves them out of the snapshot', async () => {
    const server = teamServer(ctx.db);
    const db = freshDb();
    const ok = await capture(db, 'supervisor');
    const forged = await capture(db, 'agent'); // this device is set up as an agent, the token is a supervisor's
    // An event the server cannot parse (written by an old version, say).
    const broken = randomUUID();
    await db.events.add({
      id: broken,
      complaintId: ok,
      type: 'noteAdded',
      at: 'yesterday',
      actor: actorOf('supervisor'),
      payload: { text: 'x', progress: false },
      seq: 100,
      pending: 1,
    });
    const outcome = await device(db, await server.token('supervisor'), server.fetch).sync();
    expect(outcome).toMatchObject({ ok: true, pushed: 1, rejected: 2 });
    expect(await pendingCount(db)).toBe(0);

    const listed = await rejectedEvents(db);
    expect(listed.map((e) => [e.complaintId, e.rejection?.reason]).sort()).toEqual(
      [
        [forged, 'sync.forgedRole'],
        [ok, 'sync.invalidEvent'],
      ].sort(),
    );
    const refusal = listed.find((e) => e.complaintId === forged)!.rejection!;
    expect(refusal.params).toEqual({ role: 'agent', tokenRole: 'supervisor' });
    expect(rejectionText('en', refusal)).toBe(
      'The action was recorded as Agent, but your server token is for the role Supervisor. Set your role in the options to Supervisor.',
    );
    expect(rejectionText('zh-CN', refusal)).toContain('主管');
    expect(rejectionText('en', listed.find((e) => e.complaintId === ok)!.rejection!)).toContain(
      'at',
    );
    // The server never saw the forged capture: the device's snapshot agrees.
    expect((await db.complaints.get(forged))?.state).toBeNull();
    expect((await db.complaints.get(ok))?.state?.notes).toBe(0);
    // Nothing is pushed again: refused events wait for the user, not for the network.
    expect(await device(db, await server.token('supervisor'), server.fetch).sync()).toMatchObject({
      ok: true,
      pushed: 0,
      rejected: 0,
    });
    expect(await serverEvents()).toHaveLength(1);
  });

  it('two supervisors act on one case at once: the server keeps its order, both devices converge', async () => {
    const server = teamServer(ctx.db);
    const intake = randomUUID();
    const submission = {
      id: intake,
      locale: 'en',
      complainant: { name: 'Wang', phone: '13812345678' },
      subject: 'Broken kettle',
      description: 'The kettle I bought last week stopped working after two days.',
      demand: 'A replacement',
      category: 'product_quality',
      readBackConfirmed: true,
      antiSpam: { honeypot: '', elapsedMs: 45_000 },
    };
    const res = await server.fetch(`${SERVER}/api/v1/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
    });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    const [a, b] = [freshDb(), freshDb()];
    const [ea, eb] = [
      device(a, await server.token('supervisor', 'Li'), server.fetch),
      device(b, await server.token('supervisor', 'Zhou'), server.fetch),
    ];
    await ea.sync();
    await eb.sync();
    expect((await a.complaints.get(intake))?.caseNumber).toBe(caseNumber);
    // Both assign offline; B's reaches the server first.
    expect(
      await act(
        a,
        intake,
        'assigned',
        { department: 'quality', handlerId: 'h-1', handlerName: 'Wang' },
        'supervisor',
      ),
    ).toMatchObject({ appended: true });
    expect(
      await act(
        b,
        intake,
        'assigned',
        { department: 'logistics', handlerId: 'h-2', handlerName: 'Chen' },
        'supervisor',
      ),
    ).toMatchObject({ appended: true });
    await eb.sync();
    await ea.sync();
    await eb.sync();
    const answer = await server.fetch(`${SERVER}/api/v1/complaints/${intake}`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    const { complaint } = (await answer.json()) as {
      complaint: { assignment: { handlerId: string } };
    };
    expect(complaint.assignment.handlerId).toBe('h-1'); // A's came last in server order
    expect((await a.complaints.get(intake))?.state).toEqual(complaint);
    expect((await b.complaints.get(intake))?.state).toEqual(complaint);
    expect(await ids(a)).toEqual(await ids(b));
  });

  it('backs off exponentially with jitter while the server is down, and recovers', async () => {
    const server = teamServer(ctx.db);
    const db = freshDb();
    await capture(db);
    let up = false;
    let calls = 0;
    const fetch: Fetch = async (input, init) => {
      calls += 1;
      if (!up) throw new TypeError('fetch failed');
      return server.fetch(input, init);
    };
    let clock = NOW.getTime();
    const random = seeded(7);
    const engine = device(db, await server.token('agent'), fetch, {
      now: () => new Date(clock),
      random,
    });
    const waits: number[] = [];
    for (let i = 1; i <= 8; i++) {
      const outcome = await engine.sync();
      expect(outcome).toMatchObject({ ok: false, reason: 'ext.sync.error.network' });
      const state = await readSyncState(db);
      expect(state.failures).toBe(i);
      expect(state.lastError?.reason).toBe('ext.sync.error.network');
      const wait = Date.parse(state.nextAttemptAt!) - clock;
      waits.push(wait);
      const ceiling = Math.min(600_000, 2_000 * 2 ** (i - 1));
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
      // Before the wait is over, a trigger does not call the server.
      const before = calls;
      expect(await engine.sync()).toMatchObject({ ok: false, reason: 'ext.sync.backoff' });
      expect(calls).toBe(before);
      clock += wait;
    }
    expect(waits[7]!).toBeGreaterThan(waits[0]! * 30);
    // Jitter: two devices failing together do not retry in step.
    expect(new Set(waits.map((w, i) => w / 2 ** i)).size).toBeGreaterThan(1);
    up = true;
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 1 });
    const state = await readSyncState(db);
    expect(state).toMatchObject({ failures: 0 });
    expect(state.lastError).toBeUndefined();
    expect(state.nextAttemptAt).toBeUndefined();
    // The user's "Sync now" goes even during a wait.
    up = false;
    await engine.sync();
    const before = calls;
    await engine.sync({ force: true });
    expect(calls).toBe(before + 1);
  });

  it('converges when 30 % of responses are 500s or dropped connections', async () => {
    const server = teamServer(ctx.db);
    const random = seeded(2026);
    const roles: Role[] = ['agent', 'agent', 'supervisor'];
    const devices = await Promise.all(
      roles.map(async (role) => {
        const db = freshDb();
        const fetch = flakyFetch(server.fetch, 0.3, random);
        return {
          role,
          db,
          fetch,
          engine: device(db, await server.token(role), fetch, { batchSize: 5 }),
        };
      }),
    );
    const made: string[] = [];
    for (const [i, d] of devices.entries()) {
      for (let n = 0; n < 24; n++) {
        const id = await capture(
          d.db,
          d.role,
          `Complaint ${i}-${n}: the parcel arrived broken and late.`,
        );
        made.push(id);
        if (n % 3 === 0) await register(d.db, id, d.role);
      }
    }
    const localEvents = (await Promise.all(devices.map((d) => d.db.events.count()))).reduce(
      (a, b) => a + b,
    );
    let rounds = 0;
    for (; rounds < 200; rounds++) {
      for (const d of devices) await d.engine.sync({ force: true });
      const pending = await Promise.all(devices.map((d) => pendingCount(d.db)));
      const counts = await Promise.all(devices.map((d) => d.db.events.count()));
      const onServer = (await serverEvents()).length;
      if (pending.every((p) => p === 0) && counts.every((c) => c === onServer)) {
        // A last round makes sure every device has seen the final cursor.
        const again = await Promise.all(devices.map((d) => d.engine.sync({ force: true })));
        if (again.every((o) => o.ok)) break;
      }
    }
    expect(rounds).toBeLessThan(200);
    const faults = devices.map((d) => d.fetch.faults);
    expect(faults.reduce((n, f) => n + f.dropped + f.errors + f.refused, 0)).toBeGreaterThan(5);
    const onServer = await serverEvents();
    // Every local event once, plus one server number per registration.
    const registrations = 3 * 8;
    expect(onServer).toHaveLength(localEvents + registrations);
    expect(new Set(onServer).size).toBe(onServer.length);
    const token = await server.token('supervisor');
    for (const d of devices) {
      expect(await ids(d.db)).toEqual([...onServer].sort());
      expect(await rejectedEvents(d.db)).toEqual([]);
    }
    for (const id of made) {
      const answer = await server.fetch(`${SERVER}/api/v1/complaints/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { complaint } = (await answer.json()) as { complaint: unknown };
      for (const d of devices) expect((await d.db.complaints.get(id))?.state).toEqual(complaint);
    }
    console.info(
      `[sync] 3 devices converged in ${rounds + 1} rounds through ${JSON.stringify(faults)}`,
    );
  }, 120_000);

  it('R-ESC-LOCAL an escalation derived offline is replaced by the server’s of the same id, never pushed', async () => {
    const server = teamServer(ctx.db);
    const db = freshDb();
    const id = await capture(db);
    await register(db, id);
    const engine = device(db, await server.token('agent'), server.fetch);
    expect(await engine.sync()).toMatchObject({ ok: true });
    // Offline an hour later: the forward clock (30 working minutes from 10:00) has breached.
    const later = new Date(NOW.getTime() + 60 * 60_000);
    const derived = await deriveEscalations(db, later, defaultPolicy);
    expect(derived).toHaveLength(1);
    expect((await db.complaints.get(id))?.state?.tier).toBe(1);

    // The server's own job sees the same breach; the device's sync pushes nothing of its own.
    const onServer = await server.escalate(later);
    expect(onServer.map((e) => e.id)).toEqual(derived.map((e) => e.id));
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 0, rejected: 0 });
    const escalated = await db.events.where('complaintId').equals(id).toArray();
    expect(escalated.filter((e) => e.type === 'escalated')).toEqual([
      expect.objectContaining({ id: derived[0]!.id, pending: 0, serverSeq: expect.any(Number) }),
    ]);
    expect(await db.events.where('pending').equals(DERIVED).count()).toBe(0);
    expect((await serverEvents()).filter((e) => e === derived[0]!.id)).toHaveLength(1);
    const answer = await server.fetch(`${SERVER}/api/v1/complaints/${id}`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    const { complaint } = (await answer.json()) as { complaint: unknown };
    expect((await db.complaints.get(id))?.state).toEqual(complaint);
  });

  it('R-ESC-LOCAL a device derives escalations until it is in step with the server: never synced, failing, another server', async () => {
    const server = teamServer(ctx.db);
    const db = freshDb();
    await capture(db);
    // `solo`: no server configured.
    const derives = async (serverUrl: string | 'solo' = SERVER) =>
      derivesEscalations(serverUrl === 'solo' ? undefined : serverUrl, await readSyncState(db));
    // Configured but never synced: its cases are not on the server, whose job cannot escalate them.
    expect(await derives()).toBe(true);
    expect(await derives('solo')).toBe(true);
    let up = false;
    const fetch: Fetch = async (input, init) => {
      if (!up) throw new TypeError('fetch failed');
      return server.fetch(input, init);
    };
    const engine = device(db, await server.token('agent'), fetch);
    expect(await engine.sync()).toMatchObject({ ok: false });
    expect(await derives()).toBe(true);
    up = true;
    expect(await engine.sync({ force: true })).toMatchObject({ ok: true });
    expect(await derives()).toBe(false);
    // Solo mode, or a newly configured server this device has not synced with yet.
    expect(await derives('solo')).toBe(true);
    expect(await derives('https://other-desk.test')).toBe(true);
    up = false;
    expect(await engine.sync({ force: true })).toMatchObject({ ok: false });
    expect(await derives()).toBe(true);
  });

  it('R-ESC-LOCAL a derived escalation the server has not confirmed is dropped at a complete sync', async () => {
    const server = teamServer(ctx.db);
    const db = freshDb();
    const id = await capture(db);
    await register(db, id);
    const engine = device(db, await server.token('agent'), server.fetch);
    expect(await engine.sync()).toMatchObject({ ok: true });
    const later = new Date(NOW.getTime() + 60 * 60_000);
    const [derived] = await deriveEscalations(db, later, defaultPolicy);
    // Back online before the server's job ran: the server is the record, the tier goes back.
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 0 });
    expect(await db.events.get(derived!.id)).toBeUndefined();
    expect((await db.complaints.get(id))?.state?.tier).toBe(0);
    // A minute later the job has run and the next sync brings its event.
    await server.escalate(later);
    expect(await engine.sync()).toMatchObject({ ok: true, received: 1 });
    expect(await db.events.get(derived!.id)).toMatchObject({ pending: 0 });
    expect((await db.complaints.get(id))?.state?.tier).toBe(1);
  });

  it('R-PIPL-3 a device that synced the case drops its personal data when the server erases them', async () => {
    const server = teamServer(ctx.db);
    const db = freshDb();
    const id = await capture(db, 'supervisor');
    await register(db, id, 'supervisor');
    await act(db, id, 'withdrawn', { reason: 'The customer withdrew by phone' }, 'supervisor');
    await db.attachments.add({
      id: randomUUID(),
      complaintId: id,
      name: 'dent.png',
      type: 'image/png',
      size: 3,
      blob: new Blob(['png']),
      createdAt: NOW.toISOString(),
    });
    const engine = device(db, await server.token('supervisor'), server.fetch);
    expect(await engine.sync()).toMatchObject({ ok: true, rejected: 0 });
    // Written on the device, not pushed yet: the erased case refuses it, its words go too.
    const note = { text: 'Called 李 back on 13812345678', progress: false };
    expect(await act(db, id, 'noteAdded', note, 'supervisor')).toMatchObject({ appended: true });

    const erase = await server.fetch(`${SERVER}/api/v1/admin/complainants/erase`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await server.token('admin')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ phone: '13812345678', reason: 'The customer asked (PIPL art. 47)' }),
    });
    expect(((await erase.json()) as { erased: string[] }).erased).toEqual([id]);
    expect(await engine.sync()).toMatchObject({ ok: true, rejected: 1 });

    const events = await db.events.where('complaintId').equals(id).toArray();
    const local = JSON.stringify({ events, row: await db.complaints.get(id) });
    for (const personal of ['李', '13812345678', COMPLETE_DRAFT.description, 'Replacement'])
      expect(local).not.toContain(personal);
    expect(local).toContain('[personal data erased]');
    expect(await db.attachments.where('complaintId').equals(id).count()).toBe(0);
    // The same anonymised record as the server's, event by event, and the same case.
    const { rows } = await ctx.db.pool.query<{ id: string; payload: unknown }>(
      'SELECT id, payload FROM events WHERE complaint_id = $1',
      [id],
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(events.find((e) => e.id === r.id)?.payload).toEqual(r.payload);
    const answer = await server.fetch(`${SERVER}/api/v1/complaints/${id}`, {
      headers: { authorization: `Bearer ${await server.token('supervisor')}` },
    });
    const { complaint } = (await answer.json()) as { complaint: { erasedAt?: string } };
    expect(complaint.erasedAt).toBeDefined();
    expect((await db.complaints.get(id))?.state).toEqual(complaint);
  });

  it('a worker stopped mid-sync loses and duplicates nothing: the next engine carries on', async () => {
    const server = teamServer(ctx.db);
    const name = freshDb().name;
    const db1 = new ComplaintDb(name);
    for (let n = 0; n < 30; n++)
      await capture(db1, 'agent', `Complaint ${n}: the parcel arrived broken.`);
    const token = await server.token('agent');
    let calls = 0;
    // The second push reaches the server, then the worker dies before it hears the answer.
    // Counted once the server has answered, so the poll below cannot see a push still in flight.
    const dying: Fetch = async (input, init) => {
      const res = await server.fetch(input, init);
      calls += 1;
      if (calls === 2) return new Promise<Response>(() => undefined);
      return res;
    };
    const first = device(db1, token, dying, { batchSize: 10 });
    void first.sync();
    await expect.poll(() => calls, { timeout: 10_000 }).toBe(2);
    expect(await pendingCount(db1)).toBe(20);
    expect(await serverEvents()).toHaveLength(20);

    const db2 = new ComplaintDb(name); // the restarted worker's connection
    const second = device(db2, token, server.fetch, { batchSize: 10 });
    expect(await second.sync()).toMatchObject({ ok: true, pushed: 20 });
    expect(await serverEvents()).toHaveLength(30);
    expect(await db2.events.count()).toBe(30);
    expect(await pendingCount(db2)).toBe(0);
    expect(await db2.events.filter((e) => e.serverSeq === undefined).count()).toBe(0);
  });
});

describe.each(databases)('sync of 10,000 events on $name', (target) => {
  const ctx = useDatabase(target);

  it('pushes 10,000 events from one device and pulls them into another', async () => {
    const COMPLAINTS = 5_000;
    const server = teamServer(ctx.db);
    const db = freshDb();
    // Seeded straight into the tables (appending 5,000 complaints one by one is not what is measured).
    const events: StoredEvent[] = [];
    for (let i = 0; i < COMPLAINTS; i++) {
      const complaintId = randomUUID();
      const base = { complaintId, at: NOW.toISOString(), actor: actorOf('agent') };
      events.push({
        ...base,
        id: randomUUID(),
        type: 'captured',
        payload: {
          draft: { channel: 'email', description: `Complaint ${i}: the parcel arrived late.` },
        },
        seq: 2 * i + 1,
        pending: 1,
      });
      events.push({
        ...base,
        id: randomUUID(),
        type: 'noteAdded',
        payload: { text: `Note ${i}`, progress: false },
        seq: 2 * i + 2,
        pending: 1,
      });
    }
    await db.events.bulkAdd(events);
    await db.meta.put({ key: 'eventSeq', value: events.length });

    // Time spent in the server (HTTP + PGlite), to tell it from the device's own work.
    let serverMs = 0;
    const timed: Fetch = async (input, init) => {
      const t = performance.now();
      try {
        return await server.fetch(input, init);
      } finally {
        serverMs += performance.now() - t;
      }
    };
    let started = performance.now();
    expect(await device(db, await server.token('agent'), timed).sync()).toMatchObject({
      ok: true,
      pushed: 2 * COMPLAINTS,
    });
    const pushMs = performance.now() - started;
    const pushServerMs = serverMs;
    serverMs = 0;
    expect(await pendingCount(db)).toBe(0);
    expect(await db.complaints.count()).toBe(COMPLAINTS);

    const other = freshDb();
    started = performance.now();
    expect(await device(other, await server.token('supervisor'), timed).sync()).toMatchObject({
      ok: true,
      received: 2 * COMPLAINTS,
    });
    const pullMs = performance.now() - started;
    expect(await other.complaints.count()).toBe(COMPLAINTS);
    expect((await other.complaints.toArray()).every((r) => r.state?.notes === 1)).toBe(true);
    console.info(
      `[sync] ${target.name}: 10,000 events pushed in ${Math.round(pushMs)} ms (20 batches of 500; server ${Math.round(pushServerMs)} ms), pulled in ${Math.round(pullMs)} ms (5 pages of 2,000; server ${Math.round(serverMs)} ms); the rest is fake-indexeddb and the shared fold`,
    );
    // Generous: fake-indexeddb in Node is far slower than a browser's IndexedDB.
    expect(pushMs + pullMs).toBeLessThan(60_000);
  }, 120_000);
});

describe('clip HTML that arrives by sync', () => {
  const HOSTILE = '<p>hi</p><img src=x onerror=alert(1)>';
  const serverEvent = () => {
    const complaintId = randomUUID();
    return {
      id: randomUUID(),
      complaintId,
      type: 'captured',
      at: NOW.toISOString(),
      actor: { id: 'u-eve', name: 'Eve', role: 'agent' },
      payload: {
        draft: {
          ...COMPLETE_DRAFT,
          source: { html: HOSTILE, capturedAt: NOW.toISOString(), method: 'dom' },
        },
      },
      seq: 1,
    };
  };
  const engine = (db: ComplaintDb, event: object, sanitizeHtml?: (h: string[]) => string[]) =>
    new SyncEngine({
      db,
      target: async () => ({
        server: SERVER,
        transport: {
          sync: async () => ({ accepted: [], rejected: [], events: [event as never], cursor: '1' }),
        },
      }),
      ...(sanitizeHtml ? { sanitizeHtml } : {}),
    });
  const storedSource = async (db: ComplaintDb, id: string) =>
    ((await db.events.get(id))!.payload as { draft: { source: Record<string, unknown> } }).draft
      .source;

  it('is stored only as the sanitizer returned it', async () => {
    const db = freshDb();
    const event = serverEvent();
    const seen: string[][] = [];
    const outcome = await engine(db, event, (html) => {
      seen.push(html);
      return html.map(() => '<p>hi</p>');
    }).sync();
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual([[HOSTILE]]);
    expect((await storedSource(db, event.id)).html).toBe('<p>hi</p>');
  });

  it('is not stored at all without a sanitizer; the rest of the event is', async () => {
    const db = freshDb();
    const event = serverEvent();
    expect((await engine(db, event).sync()).ok).toBe(true);
    const source = await storedSource(db, event.id);
    expect(source).not.toHaveProperty('html');
    expect(source.method).toBe('dom');
  });
});
