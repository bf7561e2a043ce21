import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shanghai } from '../../test/support/workflow';
import { startReceiver, startSmtp } from '../../test/notify/receiver';
import { databases, useDatabase } from '../../test/pg';
import { silentLogger } from '../log';
import { savePolicyDocument } from '../store/policy';
import {
  bearer,
  postJson,
  pushEvent,
  registration,
  staffMember,
  testApp,
  validSubmission,
} from '../../test/support/server';
import { Notifier } from './worker';

const SMS_SECRET = 'sms-gateway-secret';

describe.each(databases)('replies and the report by mail on $name', (target) => {
  const ctx = useDatabase(target);
  const closers: (() => Promise<void>)[] = [];
  let at = new Date('2026-11-16T02:00:00Z');
  const now = () => at;

  beforeEach(async () => {
    at = new Date('2026-11-16T02:00:00Z');
    await ctx.db.pool.query(
      'TRUNCATE notify_attempts, notify_deliveries, notify_outbox, notify_state RESTART IDENTITY CASCADE',
    );
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  const appWith = (smtpUrl: string) =>
    testApp(ctx.db, {
      now,
      config: { notify: { smtp: { url: smtpUrl, from: 'Desk <desk@example.com>' } } },
    });
  const worker = (smtpUrl: string, maxAttempts = 8) =>
    new Notifier(
      ctx.db.pool,
      { smtp: { url: smtpUrl, from: 'Desk <desk@example.com>' }, retryBaseMs: 100, maxAttempts },
      { now, log: silentLogger },
    );

  /** A complaint that came in by email (threading headers expected), registered through sync. */
  async function emailComplaint(app: ReturnType<typeof testApp>) {
    const id = randomUUID();
    const li = await staffMember(ctx.db.pool, 'agent', 'Li Na');
    const agent = li.headers;
    const record = registration({
      complainant: {
        name: '陈',
        email: 'chen@example.com',
        phone: '13812340000',
        anonymous: false,
      },
      source: {
        capturedAt: '2026-11-16T01:00:00.000Z',
        method: 'dom',
        email: { provider: 'qq', internetMessageId: '<orig-123@mail.example.com>' },
      },
    });
    const res = await postJson(
      app,
      '/api/v1/sync',
      { cursor: null, events: [pushEvent('registered', id, { record })] },
      agent,
    );
    expect(res.status).toBe(200);
    const { rows } = await ctx.db.pool.query('SELECT case_number FROM complaints WHERE id = $1', [
      id,
    ]);
    return { id, caseNumber: rows[0].case_number as string, agent, agentId: li.id };
  }

  /**
   * Assigned to the agent who registered it (writing follows responsibility) and a compensation
   * proposed: a reply by that agent now completes the workflow's reply step.
   */
  async function propose(
    app: ReturnType<typeof testApp>,
    { id, agent, agentId }: { id: string; agent: Record<string, string>; agentId: string },
  ) {
    const act = async (who: 'supervisor' | 'agent', event: unknown) => {
      const auth = who === 'agent' ? agent : await bearer(ctx.db.pool, who);
      const res = await postJson(app, `/api/v1/complaints/${id}/events`, { event }, auth);
      if (res.status !== 201) throw new Error(await res.text());
    };
    await act('supervisor', {
      type: 'assigned',
      payload: { department: 'logistics', handlerId: agentId, handlerName: 'Li Na' },
    });
    await act('agent', { type: 'contacted', payload: {} });
    await act('agent', {
      type: 'resolutionProposed',
      payload: {
        type: 'compensation',
        amount: 1200,
        responsibility: 'company',
        rootCause: 'The courier dropped the parcel.',
        correctiveAction: 'Courier retrained.',
        description: 'Compensation for the late, damaged delivery.',
      },
    });
  }

  it('sends a reply by email (case number in the subject, threaded, proper salutation) and logs it as sent', async () => {
    const smtp = await startSmtp();
    closers.push(smtp.close);
    const app = appWith(smtp.url);
    const admin = await bearer(ctx.db.pool, 'admin');
    const template = {
      subject: '关于您的投诉',
      body: '{salutation}\n我们将赔偿{amount}，并于{deadline}前办结。',
    };
    const put = await app.request('/api/v1/admin/policy', {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        notifications: { channels: [], replyTemplates: { 'zh-CN': template } },
      }),
    });
    expect(put.status).toBe(200);
    const complaint = await emailComplaint(app);
    const { id, caseNumber, agent } = complaint;
    await propose(app, complaint);
    const res = await postJson(app, `/api/v1/complaints/${id}/reply`, { channel: 'email' }, agent);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ to: 'chen@example.com' });
    // Not sent yet: nothing in the log says so.
    const before = await app.request(`/api/v1/complaints/${id}`, { headers: agent });
    const log = (await before.json()) as { events: { type: string }[] };
    expect(log.events.map((e) => e.type)).not.toContain('replied');

    await worker(smtp.url).tick();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.rcpt).toEqual(['chen@example.com']);
    expect(mail!.subject).toContain(caseNumber);
    expect(mail!.inReplyTo).toBe('<orig-123@mail.example.com>');
    expect(mail!.references).toBe('<orig-123@mail.example.com>');
    expect(mail!.subject).toBe(`关于您的投诉 [${caseNumber}]`);
    expect(mail!.text).toMatch(
      /^尊敬的陈先生\/女士：\n我们将赔偿¥1,200\.00，并于2026年\d+月\d+日前办结。/,
    );
    expect(mail!.delivery).toMatch(/^[0-9a-f-]{36}$/);

    const after = await app.request(`/api/v1/complaints/${id}`, { headers: agent });
    const events = (
      (await after.json()) as {
        events: { type: string; actor: { name: string }; payload: Record<string, unknown> }[];
      }
    ).events;
    const replied = events.find((e) => e.type === 'replied');
    expect(replied?.actor.name).toBe('Li Na');
    // What went where: the log says it went by the server's email, to whom.
    expect(replied?.payload).toMatchObject({ via: 'email', to: 'chen@example.com' });
  });

  it('shows a failed send as failed, retries it, and never logs it as sent', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => refusing.close(() => resolve())));
    const url = `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`;
    const app = appWith(url);
    const { id, agent } = await emailComplaint(app);
    await postJson(app, `/api/v1/complaints/${id}/reply`, { channel: 'email' }, agent);
    const w = worker(url, 2);
    await w.tick();
    const list = await app.request(`/api/v1/complaints/${id}/deliveries`, { headers: agent });
    const [item] = ((await list.json()) as { items: { status: string; lastError: string }[] })
      .items;
    expect(item).toMatchObject({ status: 'pending', lastError: expect.stringContaining('550') });
    at = new Date(at.getTime() + 1_000);
    await w.tick();
    const { rows } = await ctx.db.pool.query('SELECT status, attempts FROM notify_deliveries');
    expect(rows).toEqual([{ status: 'dead', attempts: 2 }]);
    const after = await app.request(`/api/v1/complaints/${id}`, { headers: agent });
    const events = (
      (await after.json()) as {
        events: { type: string; payload: { text?: string } }[];
      }
    ).events;
    expect(events.map((e) => e.type)).not.toContain('replied');
    expect(events.find((e) => e.type === 'noteAdded')?.payload.text).toContain('chen@example.com');
  });

  it('sends an SMS reply through the signed SMS gateway webhook', async () => {
    const gateway = await startReceiver(SMS_SECRET);
    closers.push(gateway.close);
    const app = testApp(ctx.db, { now });
    // The app reads the policy it was given; the admin API sets it for a running server.
    const admin = await bearer(ctx.db.pool, 'admin');
    const put = await app.request('/api/v1/admin/policy', {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        notifications: {
          channels: [{ id: 'sms', type: 'sms', url: gateway.url, secret: SMS_SECRET }],
        },
      }),
    });
    expect(put.status).toBe(200);
    // Other roles do not see the gateway's address or secret.
    const agentPolicy = await app.request('/api/v1/policy', {
      headers: await bearer(ctx.db.pool, 'agent'),
    });
    const staffView = (await agentPolicy.json()) as {
      policy: { notifications?: { smsReplies?: boolean } };
    };
    expect(JSON.stringify(staffView)).not.toContain(SMS_SECRET);
    expect(JSON.stringify(staffView)).not.toContain(gateway.url);
    // …but are told that replies can go by SMS (the case view offers it on this).
    expect(staffView.policy.notifications?.smsReplies).toBe(true);

    const complaint = await emailComplaint(app);
    const { id, agent } = complaint;
    await propose(app, complaint);
    const res = await postJson(
      app,
      `/api/v1/complaints/${id}/reply`,
      { channel: 'sms', message: '您好，您的维修已安排在明天上午。' },
      agent,
    );
    expect(res.status).toBe(202);
    await worker('smtp://127.0.0.1:1').tick();
    const [sms] = await gateway.waitFor(1);
    expect(sms!.signatureValid).toBe(true);
    expect(sms!.body).toMatchObject({
      to: '13812340000',
      text: '您好，您的维修已安排在明天上午。',
    });
    const after = await app.request(`/api/v1/complaints/${id}`, { headers: agent });
    const types = ((await after.json()) as { events: { type: string }[] }).events.map(
      (e) => e.type,
    );
    expect(types).toContain('replied');
  });

  it('answers 422 without an address and 503 without a transport', async () => {
    const app = testApp(ctx.db, { now });
    const agent = await bearer(ctx.db.pool, 'agent');
    const res = await postJson(app, '/api/v1/intake', validSubmission());
    const { id } = (await res.json()) as { id: string };
    const noSmtp = await postJson(
      app,
      `/api/v1/complaints/${id}/reply`,
      { channel: 'email' },
      {
        ...agent,
        'accept-language': 'zh-CN',
      },
    );
    expect(noSmtp.status).toBe(503);
    expect(JSON.stringify(await noSmtp.json())).toContain('SMTP_URL');
    const withSmtp = appWith('smtp://127.0.0.1:1');
    const noEmail = await postJson(
      withSmtp,
      `/api/v1/complaints/${id}/reply`,
      { channel: 'email' },
      agent,
    );
    expect(noEmail.status).toBe(422);
  });

  it('mails the monthly report on demand and on the first working day, CSV attached, once', async () => {
    const smtp = await startSmtp();
    closers.push(smtp.close);
    await savePolicyDocument(
      ctx.db.pool,
      {
        notifications: { channels: [], monthlyReport: { to: ['boss@example.com'], locale: 'en' } },
      },
      new Date(),
    );
    const intakeApp = testApp(ctx.db, { now });
    await postJson(intakeApp, '/api/v1/intake', validSubmission());
    at = new Date(shanghai('2026-11-30 10:00'));
    const admin = await bearer(ctx.db.pool, 'admin');
    // The on-demand endpoint reads the app's policy: set it through the admin API.
    const app = appWith(smtp.url);
    await app.request('/api/v1/admin/policy', {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        notifications: { channels: [], monthlyReport: { to: ['boss@example.com'], locale: 'en' } },
      }),
    });
    const sent = await postJson(app, '/api/v1/reports/monthly/send', { month: '2026-11' }, admin);
    expect(sent.status).toBe(202);
    const w = worker(smtp.url);
    await w.tick();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.rcpt).toEqual(['boss@example.com']);
    expect(mail!.subject).toBe('Monthly complaint report, 2026-11');
    const csv = await app.request('/api/v1/reports/monthly?month=2026-11', {
      headers: { ...admin, accept: 'text/csv', 'accept-language': 'en' },
    });
    expect(mail!.attachments).toEqual([
      expect.objectContaining({
        filename: 'complaints-2026-11.csv',
        content: await csv.text(),
      }),
    ]);

    // Tuesday 1 December 2026 is a working day: from 09:00 the November report goes out, once.
    at = new Date(shanghai('2026-12-01 08:59'));
    const scheduled = worker(smtp.url);
    await scheduled.tick();
    expect(smtp.mails).toHaveLength(1);
    at = new Date(shanghai('2026-12-01 09:00'));
    await worker(smtp.url).tick();
    await worker(smtp.url).tick();
    const mails = await smtp.waitFor(2);
    expect(mails[1]!.subject).toBe('Monthly complaint report, 2026-11');
    at = new Date(shanghai('2026-12-02 09:00'));
    await worker(smtp.url).tick();
    expect(smtp.mails).toHaveLength(2);
  });
});
