import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shanghai } from '../../test/support/workflow';
import { type Receipt, startReceiver, startSmtp } from '../../test/notify/receiver';
import { databases, useDatabase } from '../../test/pg';
import { silentLogger } from '../log';
import { savePolicyDocument } from '../store/policy';
import { postJson, testApp, validSubmission } from '../../test/support/server';
import { Notifier } from './worker';

const L3_TEXT = 'I will call my lawyer and go to court over this kettle.';
const DING_SECRET = 'SECdingtalk-test-secret';
const FEISHU_SECRET = 'feishu-test-secret';

/** DingTalk's check: sign = Base64(HMAC-SHA256(secret, "timestamp\nsecret")). */
function dingtalkSigned(r: Receipt): boolean {
  const q = new URL(r.path, 'http://x').searchParams;
  const ts = q.get('timestamp') ?? '';
  const expected = createHmac('sha256', DING_SECRET)
    .update(`${ts}\n${DING_SECRET}`)
    .digest('base64');
  return q.get('sign') === expected && Math.abs(Date.now() - Number(ts)) < 3_600_000;
}

/** Feishu's check: sign = Base64(HMAC-SHA256 keyed "timestamp\nsecret" of ""). */
function feishuSigned(r: Receipt): boolean {
  const { timestamp, sign } = r.body as { timestamp: string; sign: string };
  const expected = createHmac('sha256', `${timestamp}\n${FEISHU_SECRET}`)
    .update('')
    .digest('base64');
  return sign === expected;
}

describe.each(databases)('team channels on $name', (target) => {
  const ctx = useDatabase(target);
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    await ctx.db.pool.query(
      'TRUNCATE notify_attempts, notify_deliveries, notify_outbox, notify_state RESTART IDENTITY CASCADE',
    );
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('lays out an L3 complaint for WeCom, DingTalk (signed), Feishu (signed card) and email, and tells the on-call contact out of hours', async () => {
    const robot = await startReceiver('', (_n, r) => {
      if (r.path.startsWith('/feishu')) return { status: 200, json: { code: 0, msg: 'success' } };
      return { status: 200, json: { errcode: 0, errmsg: 'ok' } };
    });
    const smtp = await startSmtp();
    closers.push(robot.close, smtp.close);
    const saved = await savePolicyDocument(
      ctx.db.pool,
      {
        notifications: {
          caseUrl: 'https://desk.example.com/cases/{id}',
          onCall: { name: 'Zhou Lei', phone: '13700001234', email: 'oncall@example.com' },
          channels: [
            { id: 'wecom', type: 'wecom', url: `${robot.url}/wecom?key=abc`, minSeverity: 'L3' },
            {
              id: 'ding',
              type: 'dingtalk',
              url: `${robot.url}/ding?access_token=t`,
              secret: DING_SECRET,
            },
            {
              id: 'feishu',
              type: 'feishu',
              url: `${robot.url}/feishu`,
              secret: FEISHU_SECRET,
              locale: 'en',
            },
            {
              id: 'leads',
              type: 'email',
              to: ['leads@example.com'],
              events: ['severe'],
              locale: 'en',
            },
          ],
        },
      },
      new Date(),
    );
    expect(saved.ok).toBe(true);
    // Monday 16 November 2026, 21:00 in Shanghai: out of hours.
    const now = () => new Date(shanghai('2026-11-16 21:00'));
    const app = testApp(ctx.db, { now });
    const res = await postJson(app, '/api/v1/intake', validSubmission({ description: L3_TEXT }));
    const { id, caseNumber } = (await res.json()) as { id: string; caseNumber: string };
    const worker = new Notifier(
      ctx.db.pool,
      { smtp: { url: smtp.url, from: 'Desk <desk@example.com>' } },
      { now, log: silentLogger },
    );
    expect(await worker.tick()).toMatchObject({ failed: 0 });

    // severe + onCall on each robot (the on-call alert goes wherever "onCall" is taken).
    const by = (prefix: string) => robot.receipts.filter((r) => r.path.startsWith(prefix));
    expect(by('/wecom')).toHaveLength(2);
    const wecom = by('/wecom')[0]!.body as { msgtype: string; markdown: { content: string } };
    expect(wecom.msgtype).toBe('markdown');
    expect(wecom.markdown.content).toContain(caseNumber);
    expect(wecom.markdown.content).toContain('L3');
    expect(wecom.markdown.content).toContain(`https://desk.example.com/cases/${id}`);

    expect(by('/ding')).toHaveLength(2);
    for (const r of by('/ding')) expect(dingtalkSigned(r)).toBe(true);
    const ding = by('/ding')[0]!.body as {
      msgtype: string;
      markdown: { title: string; text: string };
    };
    expect(ding.msgtype).toBe('markdown');
    expect(ding.markdown.text).toContain(caseNumber);

    expect(by('/feishu')).toHaveLength(2);
    for (const r of by('/feishu')) expect(feishuSigned(r)).toBe(true);
    const cards = by('/feishu').map(
      (r) => r.body as { msg_type: string; card: { header: { title: { content: string } } } },
    );
    expect(cards.map((c) => c.msg_type)).toEqual(['interactive', 'interactive']);
    expect(cards.map((c) => c.card.header.title.content).sort()).toEqual([
      'New L3 major complaint',
      'Urgent complaint out of hours',
    ]);

    const mails = await smtp.waitFor(2);
    const leads = mails.find((m) => m.rcpt.includes('leads@example.com'))!;
    expect(leads.subject).toContain(caseNumber);
    expect(leads.text).toContain('L3 major');
    const onCall = mails.find((m) => m.rcpt.includes('oncall@example.com'))!;
    expect(onCall.subject).toContain('非工作时间紧急投诉');
    expect(onCall.text).toContain('Zhou Lei 13700001234');
    expect(mails).toHaveLength(2);
  });

  it('counts a robot that answers 200 with an error code as a failure, and retries it', async () => {
    const robot = await startReceiver('', (n) =>
      n === 1
        ? { status: 200, json: { errcode: 310000, errmsg: 'sign not match' } }
        : { status: 200, json: { errcode: 0 } },
    );
    closers.push(robot.close);
    await savePolicyDocument(
      ctx.db.pool,
      {
        notifications: {
          channels: [
            { id: 'ding', type: 'dingtalk', url: `${robot.url}/ding`, events: ['severe'] },
          ],
        },
      },
      new Date(),
    );
    let at = new Date('2026-11-16T02:00:00Z');
    const app = testApp(ctx.db, { now: () => at });
    await postJson(app, '/api/v1/intake', validSubmission({ description: L3_TEXT }));
    const worker = new Notifier(
      ctx.db.pool,
      { retryBaseMs: 1_000, retryMaxMs: 1_000 },
      { now: () => at, log: silentLogger },
    );
    expect(await worker.tick()).toMatchObject({ delivered: 0, failed: 1 });
    at = new Date(at.getTime() + 5_000);
    expect(await worker.tick()).toMatchObject({ delivered: 1, failed: 0 });
    const { rows } = await ctx.db.pool.query('SELECT ok, detail FROM notify_attempts ORDER BY id');
    expect(rows[0]).toMatchObject({ ok: false, detail: expect.stringContaining('310000') });
    expect(rows[1]).toMatchObject({ ok: true });
  });
});
