import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shanghai } from '../../test/support/workflow';
import { databases, useDatabase } from '../../test/pg';
import { startReceiver } from '../../test/notify/receiver';
import { silentLogger } from '../log';
import { bearer, postJson, testApp, validSubmission } from '../../test/support/server';
import { Notifier, type NotifySettings } from './worker';

const SECRET = 'shared-secret-for-tests';
const OTHER = { name: 'Sun', phone: '13900001111' };
const L3_TEXT = 'I will call my lawyer and go to court over this kettle.';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A test clock the intake, the API and the worker share. */
function clockAt(iso: string) {
  let at = new Date(iso);
  return {
    now: () => at,
    set(next: string) {
      at = new Date(next);
    },
    advance(ms: number) {
      at = new Date(at.getTime() + ms);
    },
  };
}

describe.each(databases)('notifications on $name', (target) => {
  const ctx = useDatabase(target);
  let receiver: Receiver | undefined;

  beforeEach(async () => {
    await ctx.db.pool.query(
      'TRUNCATE notify_attempts, notify_deliveries, notify_outbox, notify_state RESTART IDENTITY CASCADE',
    );
  });
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  const notifier = (
    clock: { now: () => Date },
    url: string,
    settings: Partial<NotifySettings> = {},
  ) =>
    new Notifier(
      ctx.db.pool,
      {
        webhookUrl: url,
        webhookSecret: SECRET,
        retryBaseMs: 1_000,
        retryMaxMs: 2_000,
        ...settings,
      },
      { now: clock.now, log: silentLogger },
    );

  it('tells the signed webhook of a new L3 complaint at intake; a 500 is retried under the same delivery id', async () => {
    receiver = await startReceiver(SECRET, (n) => (n === 1 ? 500 : 200));
    const clock = clockAt('2026-11-16T02:00:00Z'); // Monday 10:00 in Shanghai: working time
    const app = testApp(ctx.db, { now: clock.now });
    const res = await postJson(app, '/api/v1/intake', validSubmission({ description: L3_TEXT }));
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { id: string; caseNumber: string; replyDueAt: string };
    const worker = notifier(clock, receiver.url);

    expect(await worker.tick()).toMatchObject({ routed: 1, delivered: 0, failed: 1 });
    // The backoff has not passed: nothing is sent again yet.
    expect(await worker.tick()).toMatchObject({ delivered: 0, failed: 0 });
    clock.advance(2_500);
    expect(await worker.tick()).toMatchObject({ delivered: 1, failed: 0 });
    clock.advance(60_000);
    expect(await worker.tick()).toMatchObject({ delivered: 0, failed: 0 });

    const [first, retry] = receiver.receipts;
    expect(receiver.receipts).toHaveLength(2);
    expect(first!.delivery).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry!.delivery).toBe(first!.delivery);
    expect(retry!.raw).toBe(first!.raw);
    expect(receiver.receipts.every((r) => r.signatureValid)).toBe(true);
    expect(retry!.body).toMatchObject({
      id: first!.delivery,
      type: 'severe',
      complaint: { id: answer.id, caseNumber: answer.caseNumber, severity: 'L3' },
      deadline: { dueAt: expect.any(String) },
    });

    const admin = await bearer(ctx.db.pool, 'admin');
    const list = await app.request('/api/v1/admin/deliveries', { headers: admin });
    const items = ((await list.json()) as { items: { id: string; status: string }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({ id: first!.delivery, status: 'delivered', attempts: 2 }),
    ]);
    const one = await app.request(`/api/v1/admin/deliveries/${first!.delivery}`, {
      headers: admin,
    });
    const detail = (await one.json()) as { tries: { ok: boolean; detail: string }[] };
    expect(detail.tries.map((t) => t.ok)).toEqual([false, true]);
    expect(detail.tries[0]!.detail).toContain('500');
    const agent = await bearer(ctx.db.pool, 'agent');
    expect((await app.request('/api/v1/admin/deliveries', { headers: agent })).status).toBe(403);
    const mine = await app.request(`/api/v1/complaints/${answer.id}/deliveries`, {
      headers: agent,
    });
    expect(((await mine.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('makes a dead letter after the last attempt and sends it no more', async () => {
    receiver = await startReceiver(SECRET, () => 503);
    const clock = clockAt('2026-11-16T02:00:00Z');
    const app = testApp(ctx.db, { now: clock.now });
    await postJson(app, '/api/v1/intake', validSubmission({ description: L3_TEXT }));
    const worker = notifier(clock, receiver.url, { maxAttempts: 3 });
    for (let i = 0; i < 6; i++) {
      await worker.tick();
      clock.advance(5_000);
    }
    expect(receiver.receipts).toHaveLength(3);
    const { rows } = await ctx.db.pool.query(
      'SELECT status, attempts, last_error FROM notify_deliveries',
    );
    expect(rows).toEqual([
      { status: 'dead', attempts: 3, last_error: expect.stringContaining('503') },
    ]);
  });

  it('writes nothing when the registration is a repeat, and one entry per event', async () => {
    receiver = await startReceiver(SECRET);
    const clock = clockAt('2026-11-16T02:00:00Z');
    const app = testApp(ctx.db, { now: clock.now });
    const submission = validSubmission({ description: L3_TEXT });
    expect((await postJson(app, '/api/v1/intake', submission)).status).toBe(201);
    expect((await postJson(app, '/api/v1/intake', submission)).status).toBe(200);
    // An ordinary complaint (another customer) has no workflow effects: no outbox entry at all.
    await postJson(app, '/api/v1/intake', validSubmission({ complainant: OTHER }));
    const { rows } = await ctx.db.pool.query('SELECT key, source FROM notify_outbox');
    expect(rows).toEqual([{ key: expect.stringMatching(/^event:/), source: 'event' }]);
  });

  it('keeps quiet hours across a holiday: L3 and on-call now, an escalation at the next working start', async () => {
    receiver = await startReceiver(SECRET);
    // Saturday 3 October 2026, National Day holidays (1–7 October); work resumes on the 8th.
    const clock = clockAt(shanghai('2026-10-03 10:00'));
    const app = testApp(ctx.db, { now: clock.now });
    const severe = await postJson(app, '/api/v1/intake', validSubmission({ description: L3_TEXT }));
    expect(severe.status).toBe(201);
    const plain = await postJson(app, '/api/v1/intake', validSubmission({ complainant: OTHER }));
    const { id } = (await plain.json()) as { id: string };
    const supervisor = await bearer(ctx.db.pool, 'supervisor');
    const escalated = await postJson(
      app,
      `/api/v1/complaints/${id}/events`,
      { event: { type: 'escalated', payload: { reason: 'Customer called three times' } } },
      supervisor,
    );
    expect(escalated.status).toBe(201);

    // Scans the clocks once only (their alerts are another test's subject).
    const worker = notifier(clock, receiver.url, { scanMs: Number.POSITIVE_INFINITY });
    await worker.tick();
    const now = receiver.receipts.map((r) => (r.body as { type: string }).type).sort();
    expect(now).toEqual(['onCall', 'severe']);

    clock.set(shanghai('2026-10-07 23:59'));
    await worker.tick();
    expect(receiver.receipts).toHaveLength(2);

    clock.set(shanghai('2026-10-08 09:00'));
    await worker.tick();
    expect(receiver.receipts).toHaveLength(3);
    expect(receiver.receipts[2]!.body).toMatchObject({
      type: 'escalated',
      complaint: { id },
      tier: 1,
    });
  });

  it('enqueues each clock warning and breach once, however often and by however many servers it scans', async () => {
    receiver = await startReceiver(SECRET);
    const clock = clockAt('2026-11-16T02:00:00Z');
    const app = testApp(ctx.db, { now: clock.now });
    // Switched on before the complaint arrives.
    await notifier(clock, receiver.url).scan(await notifier(clock, receiver.url).policy());
    await postJson(app, '/api/v1/intake', validSubmission());
    const a = notifier(clock, receiver.url, { scanMs: 0 });
    const b = notifier(clock, receiver.url, { scanMs: 0 });
    // Forward clock: 30 working minutes; the warning at 75 % (22.5 min), the breach at 30.
    clock.advance(23 * 60_000);
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    clock.advance(8 * 60_000);
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const kinds = receiver.receipts.map((r) => {
      const body = r.body as { type: string; deadline: { clock: string } };
      return `${body.type}:${body.deadline.clock}`;
    });
    expect(kinds.sort()).toEqual(['breach:forward', 'warn:forward']);
  });

  it('scans only the complaints with a warning or breach due; events and a new policy make one due again', async () => {
    receiver = await startReceiver(SECRET);
    const clock = clockAt('2026-11-16T02:00:00Z');
    const app = testApp(ctx.db, { now: clock.now });
    const worker = notifier(clock, receiver.url);
    const policy = await worker.policy();
    await worker.scan(policy);
    const ids: string[] = [];
    for (const who of [{ name: 'Li', phone: '13800000001' }, OTHER]) {
      const res = await postJson(app, '/api/v1/intake', validSubmission({ complainant: who }));
      ids.push(((await res.json()) as { id: string }).id);
    }
    const [a, b] = ids as [string, string];
    const alertAt = async (id: string) =>
      (
        await ctx.db.pool.query<{ alert_at: Date | null }>(
          'SELECT alert_at FROM complaints WHERE id = $1',
          [id],
        )
      ).rows[0]!.alert_at;
    const clockKeys = async (id: string) =>
      (
        await ctx.db.pool.query<{ key: string }>(
          `SELECT key FROM notify_outbox WHERE source = 'clock' AND complaint_id = $1 ORDER BY key`,
          [id],
        )
      ).rows.map((r) => r.key);
    // Forward clock: 30 working minutes from 10:00 (+08:00), the warning at 22.5 minutes.
    expect((await alertAt(a))?.toISOString()).toBe('2026-11-16T02:22:30.000Z');
    // Told that nothing is due until 2099, the scan does not read B at all.
    await ctx.db.pool.query(`UPDATE complaints SET alert_at = '2099-01-01' WHERE id = $1`, [b]);

    clock.advance(23 * 60_000);
    await worker.scan(policy);
    expect(await clockKeys(a)).toEqual([expect.stringContaining(':forward:warn:')]);
    expect(await clockKeys(b)).toEqual([]);
    // A's next look: the breach, one millisecond after the forward clock's due time.
    expect((await alertAt(a))?.toISOString()).toBe('2026-11-16T02:30:00.001Z');

    // Any event rewrites the moment from the snapshot: B's warning is due, and now told.
    const supervisor = await bearer(ctx.db.pool, 'supervisor');
    const note = await postJson(
      app,
      `/api/v1/complaints/${b}/events`,
      { event: { type: 'noteAdded', payload: { text: 'Called back', progress: false } } },
      supervisor,
    );
    expect(note.status).toBe(201);
    await worker.scan(policy);
    expect(await clockKeys(b)).toEqual([expect.stringContaining(':forward:warn:')]);

    // Another policy (other deadlines): every complaint with a running clock is looked at again.
    await ctx.db.pool.query(`UPDATE complaints SET alert_at = '2099-01-01'`);
    await worker.scan({ ...policy, warnAtRatio: 0.5 });
    for (const id of ids) expect((await alertAt(id))!.getFullYear()).toBeLessThan(2099);
  });
});
