/**
 * The case view's reply service against the real server (PGlite and PostgreSQL) and a real SMTP
 * receiver on 127.0.0.1: "Send by email" is queued (202), pending in the case's delivery log and
 * absent from the event log until the worker has sent it; then delivered, and the `replied`
 * event (via email, to the customer) is what a device's sync pulls. "Send by SMS": the staff
 * policy the extension receives says SMS is possible without the gateway's address or secret,
 * and the reply reaches the signed gateway webhook.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { silentLogger } from '../../server/log';
import { Notifier } from '../../server/notify/worker';
import { bearer, postJson, pushEvent, registration, staffMember, testApp } from '../support/server';
import { startReceiver, startSmtp } from './receiver';
import { databases, useDatabase } from '../pg';
import { deliveryState } from '../../extension/team/deliveries';
import { httpReplyService } from '../../extension/case/reply-service';
import { POLICY_KEY, activePolicy, refreshPolicy } from '../../extension/policy/active-policy';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const SERVER = 'https://desk.test';

describe.each(databases)('replies sent by the team server on $name', (target) => {
  const ctx = useDatabase(target);
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  beforeEach(() => fakeBrowser.reset());

  it('send by email: pending until the mail went out, then sent and in the log by sync', async () => {
    await ctx.db.pool.query(
      'TRUNCATE notify_attempts, notify_deliveries, notify_outbox, notify_state RESTART IDENTITY CASCADE',
    );
    const smtp = await startSmtp();
    closers.push(smtp.close);
    const mail = { url: smtp.url, from: 'Desk <desk@example.com>' };
    const app = testApp(ctx.db, { config: { notify: { smtp: mail } } });
    const agent = await staffMember(ctx.db.pool, 'agent', 'Li Na');
    const id = randomUUID();
    const record = registration({
      complainant: { name: '陈', email: 'chen@example.com', anonymous: false },
      source: {
        url: 'https://mail.google.com/mail/u/0/#inbox/x',
        capturedAt: new Date().toISOString(),
        method: 'dom',
        email: { provider: 'gmail', subject: '热水壶漏水' },
      },
    });
    const pushed = await postJson(
      app,
      '/api/v1/sync',
      { cursor: null, events: [pushEvent('registered', id, { record })] },
      agent.headers,
    );
    expect(pushed.status).toBe(200);
    const { cursor } = (await pushed.json()) as { cursor: string };

    const replies = httpReplyService({
      serverUrl: SERVER,
      token: agent.headers.authorization!.slice('Bearer '.length),
      fetch: async (input, init) => app.request(input, init),
      locale: 'zh-CN',
    });
    const sent = await replies.send(id, {
      channel: 'email',
      locale: 'zh-CN',
      message: '尊敬的陈先生/女士：已为您退款。',
    });
    if (!sent.ok) throw new Error(sent.reason);
    expect(sent.reply.to).toBe('chen@example.com');

    // Not sent yet: no delivery (or a pending one), nothing in the log for sync to bring.
    const before = await replies.deliveries(id);
    if (!before.ok) throw new Error(before.reason);
    expect(before.items.every((d) => deliveryState(d) !== 'delivered')).toBe(true);
    const pull = async () =>
      (
        (await (
          await postJson(app, '/api/v1/sync', { cursor, events: [] }, agent.headers)
        ).json()) as { events: { type: string; payload: Record<string, unknown> }[] }
      ).events;
    expect((await pull()).map((e) => e.type)).toEqual([]);

    const worker = new Notifier(ctx.db.pool, { smtp: mail }, { log: silentLogger });
    await worker.tick();
    const [received] = await smtp.waitFor(1);
    expect(received!.rcpt).toEqual(['chen@example.com']);
    expect(received!.text).toContain('已为您退款');

    const after = await replies.deliveries(id);
    if (!after.ok) throw new Error(after.reason);
    const reply = after.items.find((d) => d.key === sent.reply.key);
    expect(reply && deliveryState(reply)).toBe('delivered');
    // No resolution yet, so the workflow takes no `replied`: the log still says what was sent.
    const pulled = await pull();
    expect(pulled).toHaveLength(1);
    expect(pulled[0]!.type).toBe('noteAdded');
    expect(String(pulled[0]!.payload.text)).toContain('chen@example.com');
  });

  it('send by SMS: the staff policy says SMS is possible (no address, no secret); the signed gateway gets it', async () => {
    await ctx.db.pool.query(
      'TRUNCATE notify_attempts, notify_deliveries, notify_outbox, notify_state RESTART IDENTITY CASCADE',
    );
    const secret = 'sms-gateway-secret';
    const gateway = await startReceiver(secret);
    closers.push(gateway.close);
    const app = testApp(ctx.db);
    const fetch = async (input: string, init?: RequestInit) => app.request(input, init);
    const agent = await staffMember(ctx.db.pool, 'agent', 'Li Na');
    const token = agent.headers.authorization!.slice('Bearer '.length);

    // No gateway yet: the extension is told SMS is not possible.
    expect(await refreshPolicy({ serverUrl: SERVER, token }, fetch)).toBe('updated');
    expect(activePolicy().notifications?.smsReplies).toBeUndefined();
    const put = await app.request('/api/v1/admin/policy', {
      method: 'PUT',
      headers: { ...(await bearer(ctx.db.pool, 'admin')), 'content-type': 'application/json' },
      body: JSON.stringify({
        notifications: { channels: [{ id: 'sms', type: 'sms', url: gateway.url, secret }] },
      }),
    });
    expect(put.status).toBe(200);
    expect(await refreshPolicy({ serverUrl: SERVER, token }, fetch)).toBe('updated');
    expect(activePolicy().notifications?.smsReplies).toBe(true);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(POLICY_KEY));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(gateway.url);

    const id = randomUUID();
    const record = registration({
      complainant: { name: '陈', phone: '13812340000', anonymous: false },
    });
    await postJson(
      app,
      '/api/v1/sync',
      { cursor: null, events: [pushEvent('registered', id, { record })] },
      agent.headers,
    );
    const replies = httpReplyService({ serverUrl: SERVER, token, fetch, locale: 'zh-CN' });
    const sent = await replies.send(id, {
      channel: 'sms',
      locale: 'zh-CN',
      message: '您好，维修已安排在明天上午。',
    });
    if (!sent.ok) throw new Error(sent.reason);
    expect(sent.reply).toMatchObject({ to: '13812340000', channel: 'sms' });
    const before = await replies.deliveries(id);
    if (!before.ok) throw new Error(before.reason);
    expect(before.items.every((d) => deliveryState(d) !== 'delivered')).toBe(true);

    await new Notifier(ctx.db.pool, {}, { log: silentLogger }).tick();
    const [sms] = await gateway.waitFor(1);
    expect(sms!.signatureValid).toBe(true);
    expect(sms!.body).toMatchObject({ to: '13812340000', text: '您好，维修已安排在明天上午。' });
    const after = await replies.deliveries(id);
    if (!after.ok) throw new Error(after.reason);
    const reply = after.items.find((d) => d.key === sent.reply.key);
    expect(reply && [reply.channelType, deliveryState(reply)]).toEqual(['sms', 'delivered']);
  });

  it('says why a reply cannot be sent (no mail server)', async () => {
    const app = testApp(ctx.db);
    const agent = await staffMember(ctx.db.pool, 'agent', 'Li Na');
    const id = randomUUID();
    await postJson(
      app,
      '/api/v1/sync',
      { cursor: null, events: [pushEvent('registered', id, { record: registration() })] },
      agent.headers,
    );
    const replies = httpReplyService({
      serverUrl: SERVER,
      token: agent.headers.authorization!.slice('Bearer '.length),
      fetch: async (input, init) => app.request(input, init),
      locale: 'en',
    });
    const sent = await replies.send(id, { channel: 'email', locale: 'en', message: 'Hello' });
    expect(sent).toMatchObject({
      ok: false,
      params: { message: expect.stringMatching(/SMTP_URL/) },
    });
  });
});
