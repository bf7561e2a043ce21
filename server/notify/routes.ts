import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import type { Pool } from 'pg';
import * as z from 'zod/mini';
import type { Policy } from '../../shared/policy/policy';
import { addMonths, isMonth, monthOf } from '../../shared/report/index';
import { LOCALES } from '../../shared/schema/codes';
import type { ComplaintState } from '../../shared/schema/complaint';
import { toFieldErrors } from '../../shared/schema/issues';
import { loadMonthlyReport } from '../api/reports';
import { type AuthEnv, requireToken, tokenOf } from '../auth/bearer';
import { readJsonObject } from '../http/read-json';
import { message, requestError, requestLocale } from '../messages';
import { defaultLocale, replyMessage, reportMail } from './compose';
import { smsGateway } from '../../shared/policy/notifications';
import { enqueue } from './outbox';
import { SMTP_CHANNEL } from './worker';

export const ReplyRequestSchema = z.strictObject({
  channel: z.enum(['email', 'sms']),
  locale: z.optional(z.enum(LOCALES)),
  templateId: z.optional(z.string().check(z.regex(/^[a-z][a-zA-Z]{0,40}$/))),
  message: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20_000))),
  subject: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
});
export const ReportSendSchema = z.strictObject({
  month: z.optional(z.string().check(z.refine(isMonth, 'validation.invalid'))),
});

export interface NotifyRouteDeps {
  pool: Pool;
  policy: () => Policy;
  now: () => Date;
  /** Whether SMTP is configured (email replies and the report need it). */
  mail: boolean;
}

interface DeliveryListRow {
  id: string;
  key: string;
  channel: string;
  channel_type: string;
  event: string;
  complaint_id: string | null;
  status: string;
  attempts: number;
  not_before: Date;
  created_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
}

const toItem = (r: DeliveryListRow) => ({
  id: r.id,
  // A reply's delivery keeps the key its request answered with: the asking client finds it.
  key: r.key,
  channel: r.channel,
  channelType: r.channel_type,
  event: r.event,
  complaintId: r.complaint_id,
  status: r.status,
  attempts: r.attempts,
  notBefore: r.not_before.toISOString(),
  createdAt: r.created_at.toISOString(),
  deliveredAt: r.delivered_at?.toISOString() ?? null,
  lastError: r.last_error,
});

const LIST_COLUMNS = `id, key, channel, channel_type, event, complaint_id, status, attempts, not_before,
  created_at, delivered_at, last_error`;

/**
 * The delivery log (`GET /admin/deliveries`, `GET /complaints/:id/deliveries`), replies to the
 * customer (`POST /complaints/:id/reply`) and the report by mail (`POST /reports/monthly/send`).
 * Sending only enqueues: the worker delivers, retries, and writes the result to the log.
 */
export function notifyRoutes(deps: NotifyRouteDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const locale = (c: Context) => requestLocale(c.req.header('accept-language'));

  async function body<T>(c: Context, schema: z.ZodMiniType<T>) {
    const read = await readJsonObject(c.req.raw, 64 * 1024);
    if (!read.ok)
      return {
        error: c.json(
          requestError(locale(c), read.code, 'params' in read ? read.params : undefined),
          read.status,
        ),
      };
    const parsed = schema.safeParse(read.value, { reportInput: true });
    if (!parsed.success)
      return {
        error: c.json({ errors: toFieldErrors(parsed.error.issues, locale(c), message) }, 400),
      };
    return { value: parsed.data };
  }

  app.get('/admin/deliveries', requireToken(deps.pool, ['admin']), async (c) => {
    const status = c.req.query('status');
    const limit = Math.min(Number(c.req.query('limit') ?? 50) || 50, 500);
    if (status && !['pending', 'sending', 'delivered', 'dead'].includes(status))
      return c.json(requestError(locale(c), 'request.invalidQuery', undefined, 'status'), 400);
    const { rows } = await deps.pool.query<DeliveryListRow>(
      `SELECT ${LIST_COLUMNS} FROM notify_deliveries WHERE ($1::text IS NULL OR status = $1)
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [status ?? null, limit],
    );
    return c.json({ items: rows.map(toItem) });
  });

  app.get('/admin/deliveries/:id', requireToken(deps.pool, ['admin']), async (c) => {
    const id = c.req.param('id');
    if (!z.uuid().safeParse(id).success) return c.json(requestError(locale(c), 'notFound'), 404);
    const { rows } = await deps.pool.query<DeliveryListRow & { message: unknown }>(
      `SELECT ${LIST_COLUMNS}, message FROM notify_deliveries WHERE id = $1`,
      [id],
    );
    if (!rows[0]) return c.json(requestError(locale(c), 'notFound'), 404);
    const tries = await deps.pool.query<{
      attempt: number;
      at: Date;
      ok: boolean;
      detail: string;
      ms: number;
    }>(
      'SELECT attempt, at, ok, detail, ms FROM notify_attempts WHERE delivery_id = $1 ORDER BY id',
      [id],
    );
    return c.json({
      ...toItem(rows[0]),
      message: rows[0].message,
      tries: tries.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    });
  });

  app.get('/complaints/:id/deliveries', requireToken(deps.pool), async (c) => {
    const id = c.req.param('id');
    if (!z.uuid().safeParse(id).success)
      return c.json(requestError(locale(c), 'complaint.notFound'), 404);
    const { rows } = await deps.pool.query<DeliveryListRow>(
      `SELECT ${LIST_COLUMNS} FROM notify_deliveries WHERE complaint_id = $1
       ORDER BY created_at DESC, id DESC LIMIT 200`,
      [id],
    );
    return c.json({ items: rows.map(toItem) });
  });

  app.post('/complaints/:id/reply', requireToken(deps.pool), async (c) => {
    const read = await body(c, ReplyRequestSchema);
    if (read.error) return read.error;
    const request = read.value;
    const id = c.req.param('id');
    const found = z.uuid().safeParse(id).success
      ? await deps.pool.query<{ snapshot: ComplaintState }>(
          'SELECT snapshot FROM complaints WHERE id = $1',
          [id],
        )
      : { rows: [] };
    const state = found.rows[0]?.snapshot;
    if (!state) return c.json(requestError(locale(c), 'complaint.notFound'), 404);
    const policy = deps.policy();
    const sms = smsGateway(policy.notifications);
    if (request.channel === 'email' ? !deps.mail : !sms)
      return c.json(requestError(locale(c), 'notify.reply.noTransport'), 503);
    const now = deps.now();
    const reply = replyMessage(state, request, policy, now);
    if (!reply)
      return c.json(requestError(locale(c), 'notify.reply.noAddress', undefined, 'channel'), 422);
    const token = tokenOf(c);
    const key = `reply:${randomUUID()}`;
    await enqueue(
      deps.pool,
      [
        {
          key,
          complaintId: state.id,
          data: {
            source: 'reply',
            delivery: {
              channel: request.channel === 'email' ? SMTP_CHANNEL : sms!.id,
              channelType: request.channel,
              event: 'reply',
              message: reply.message,
              to: reply.to,
              text: reply.text,
              requestedBy: { id: token.id, name: token.name, role: token.role },
            },
          },
        },
      ],
      now,
    );
    return c.json(
      {
        key,
        channel: request.channel,
        to: reply.to,
        ...(reply.message.kind === 'mail' ? { subject: reply.message.subject } : {}),
        text: reply.text,
      },
      202,
    );
  });

  app.post(
    '/reports/monthly/send',
    requireToken(deps.pool, ['supervisor', 'manager', 'admin']),
    async (c) => {
      const read = await body(c, ReportSendSchema);
      if (read.error) return read.error;
      const policy = deps.policy();
      const recipients = policy.notifications?.monthlyReport;
      if (!recipients || recipients.to.length === 0)
        return c.json(requestError(locale(c), 'notify.report.noRecipients'), 422);
      if (!deps.mail) return c.json(requestError(locale(c), 'notify.reply.noTransport'), 503);
      const now = deps.now();
      const month = read.value.month ?? addMonths(monthOf(now, policy.calendar.timeZone), -1);
      const report = await loadMonthlyReport(deps.pool, month, policy, now);
      const key = `report:${month}:${randomUUID()}`;
      const mailLocale = recipients.locale ?? defaultLocale(policy);
      await enqueue(
        deps.pool,
        [
          {
            key,
            data: {
              source: 'report',
              delivery: {
                channel: SMTP_CHANNEL,
                channelType: 'email',
                event: 'report',
                message: reportMail(report, recipients.to, mailLocale, policy),
              },
            },
          },
        ],
        now,
      );
      return c.json({ key, month, to: recipients.to }, 202);
    },
  );
  return app;
}
