/**
 * The server is the system of record: these tests play a device (or a person with a valid
 * token) that tries to write a case number, a name, a time or an event it has no right to.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import {
  postJson,
  pushEvent,
  registration,
  staffMember,
  tableCounts,
  testApp,
  validSubmission,
} from '../../test/support/server';

const BASE = 'http://desk.test/api/v1';
const NOW = '2026-11-16T02:00:00.000Z';
const minutes = (m: number) => new Date(Date.parse(NOW) + m * 60_000).toISOString();

interface SyncAnswer {
  accepted: string[];
  rejected: { id: string; reason: string; message: string }[];
  events: {
    id: string;
    type: string;
    actor: { id: string; name: string; role: string };
    payload: Record<string, unknown>;
    at: string;
    receivedAt: string;
    late: boolean;
  }[];
}

describe.each(databases)('the server as the system of record on $name', (target) => {
  const ctx = useDatabase(target);
  const sync = async (headers: Record<string, string>, events: unknown[]) => {
    const res = await postJson(testApp(ctx.db), `${BASE}/sync`, { events }, headers);
    return { status: res.status, body: (await res.json()) as SyncAnswer };
  };
  const intake = () => postJson(testApp(ctx.db), `${BASE}/intake`, validSubmission());

  describe('case numbers', () => {
    it('refuses a registration claiming a server number, and intake keeps numbering (the attack of #9)', async () => {
      const agent = await staffMember(ctx.db.pool, 'agent');
      const first = await intake();
      expect(((await first.json()) as { caseNumber: string }).caseNumber).toBe('2611-0001');
      const forged = pushEvent(
        'registered',
        randomUUID(),
        { record: registration(), caseNumber: '2611-0002', caseNumberIssuer: 'server' },
        { at: minutes(1) },
      );
      const { status, body } = await sync(agent.headers, [forged]);
      expect(status).toBe(200);
      expect(body.rejected).toMatchObject([{ id: forged.id, reason: 'sync.serverNumber' }]);
      expect(body.rejected[0]!.message).toMatch(/Only the server issues case numbers/);

      const later = await Promise.all([intake(), intake(), intake()]);
      expect(later.map((r) => r.status)).toEqual([201, 201, 201]);
      const numbers = await Promise.all(
        later.map(async (r) => ((await r.json()) as { caseNumber: string }).caseNumber),
      );
      expect(numbers.sort()).toEqual(['2611-0002', '2611-0003', '2611-0004']);
    });

    it('refuses a case number a device assigns itself, whoever claims to issue it', async () => {
      const agent = await staffMember(ctx.db.pool, 'agent');
      const id = randomUUID();
      const registered = pushEvent(
        'registered',
        id,
        { record: registration(), caseNumber: 'L-7F3A', caseNumberIssuer: 'local' },
        { at: minutes(1) },
      );
      const own = ['server', 'local'].map((issuer) =>
        pushEvent(
          'caseNumberAssigned',
          id,
          { caseNumber: '2611-0099', issuer: issuer as 'server' },
          { at: minutes(2) },
        ),
      );
      const { body } = await sync(agent.headers, [registered, ...own]);
      expect(body.accepted).toEqual([registered.id]);
      expect(body.rejected.map((r) => r.reason)).toEqual([
        'sync.serverNumber',
        'sync.serverNumber',
      ]);
      const { rows } = await ctx.db.pool.query('SELECT case_number FROM complaints');
      expect(rows).toEqual([{ case_number: '2611-0001' }]);
    });

    it('answers a database error at intake with 500, never 409, and the id stays free', async () => {
      // A number already taken (as a forged registration used to leave it) makes the statement fail.
      const app = testApp(ctx.db);
      const first = validSubmission();
      await postJson(app, `${BASE}/intake`, first);
      await ctx.db.pool.query(`UPDATE complaints SET case_number = '2611-0002' WHERE id = $1`, [
        first.id,
      ]);
      const submission = validSubmission();
      const res = await postJson(app, `${BASE}/intake`, submission);
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ errors: [{ code: 'server.internal' }] });
      await ctx.db.pool.query(`UPDATE complaints SET case_number = '2611-0001' WHERE id = $1`, [
        first.id,
      ]);
      const retry = await postJson(app, `${BASE}/intake`, submission);
      expect(retry.status).toBe(201);
    });
  });

  describe('identity', () => {
    it('writes every event in the token holder’s name, whatever the body claims', async () => {
      const agent = await staffMember(ctx.db.pool, 'agent', 'Li Na');
      const id = randomUUID();
      const captured = {
        ...pushEvent('captured', id, {
          draft: { channel: 'email', description: 'The parcel arrived two weeks late.' },
        }),
        actor: { id: 'gm', name: 'General Manager', role: 'agent' },
      };
      const { body } = await sync(agent.headers, [captured]);
      expect(body.rejected).toEqual([]);
      expect(body.accepted).toEqual([captured.id]);
      const stored = body.events.find((e) => e.id === captured.id)!;
      expect(stored.actor).toEqual({ id: agent.id, name: 'Li Na', role: 'agent' });
      const detail = await testApp(ctx.db).request(`${BASE}/complaints/${id}`, {
        headers: agent.headers,
      });
      const history = ((await detail.json()) as SyncAnswer).events;
      expect(history.map((e) => e.actor.name)).toEqual(['Li Na']);
      const { rows } = await ctx.db.pool.query('SELECT token_id FROM events');
      expect(rows).toEqual([{ token_id: agent.id }]);
    });
  });

  describe('time', () => {
    it('keeps the device’s time, stamps the receipt, refuses the future and flags the long-offline', async () => {
      const agent = await staffMember(ctx.db.pool, 'agent');
      const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const draft = {
        draft: { channel: 'email' as const, description: 'The parcel arrived two weeks late.' },
      };
      const onTime = pushEvent('captured', ids[0]!, draft, { at: minutes(-60) });
      const skewed = pushEvent('captured', ids[1]!, draft, { at: minutes(4) });
      const future = pushEvent('captured', ids[2]!, draft, { at: minutes(10) });
      const offline = pushEvent('captured', ids[3]!, draft, { at: minutes(-73 * 60) });
      const { body } = await sync(agent.headers, [onTime, skewed, future, offline]);
      expect(body.accepted).toEqual([onTime.id, skewed.id, offline.id]);
      expect(body.rejected).toMatchObject([{ id: future.id, reason: 'sync.futureTime' }]);
      const byId = new Map(body.events.map((e) => [e.id, e]));
      expect(byId.get(onTime.id)).toMatchObject({ at: minutes(-60), receivedAt: NOW, late: false });
      expect(byId.get(skewed.id)).toMatchObject({ at: minutes(4), late: false });
      expect(byId.get(offline.id)).toMatchObject({
        at: minutes(-73 * 60),
        receivedAt: NOW,
        late: true,
      });
    });
  });

  describe('a batch never gets stuck', () => {
    it('refuses the event the database cannot store alone and stores the rest', async () => {
      const agent = await staffMember(ctx.db.pool, 'agent');
      // The next server number is taken (a damaged database): registering fails in the store.
      const app = testApp(ctx.db);
      const first = validSubmission();
      await postJson(app, `${BASE}/intake`, first);
      await ctx.db.pool.query(`UPDATE complaints SET case_number = '2611-0002' WHERE id = $1`, [
        first.id,
      ]);
      const before = await tableCounts(ctx.db.pool);
      const a = randomUUID();
      const b = randomUUID();
      const draft = {
        draft: { channel: 'email' as const, description: 'The parcel arrived two weeks late.' },
      };
      const events = [
        pushEvent('captured', a, draft),
        pushEvent('registered', b, { record: registration() }),
        pushEvent('noteAdded', a, { text: 'Called back', progress: false }),
      ];
      const { status, body } = await sync(agent.headers, events);
      expect(status).toBe(200);
      expect(body.accepted).toEqual([events[0]!.id, events[2]!.id]);
      expect(body.rejected).toMatchObject([{ id: events[1]!.id, reason: 'sync.storeFailed' }]);
      expect(await tableCounts(ctx.db.pool)).toMatchObject({
        complaints: before.complaints! + 1,
        events: before.events! + 2,
        case_number_counters: before.case_number_counters,
      });
      const { rows } = await ctx.db.pool.query('SELECT last FROM case_number_counters');
      expect(rows).toEqual([{ last: 1 }]);
    });
  });
});
