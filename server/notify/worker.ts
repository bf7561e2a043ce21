import { backoffDelay } from '../../shared/retry/backoff';
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  ON_CALL_EMAIL,
  type TeamEvent,
  clockTeamEvents,
  nextClockAlertAt,
  routeTeamEvent,
  teamEventsOf,
} from '../../shared/alerts/team';
import { t } from '../../shared/i18n/index';
import { type NotificationChannel, TEAM_EVENTS } from '../../shared/policy/notifications';
import type { Policy } from '../../shared/policy/policy';
import { policyVersion } from '../../shared/policy/policy-version';
import { resolvePolicy } from '../../shared/policy/resolve-policy';
import { reportMailDue } from '../../shared/report/mail-schedule';
import type { Role } from '../../shared/schema/codes';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { ComplaintEvent } from '../../shared/schema/event';
import { computeDeadlines } from '../../shared/sla/index';
import { loadMonthlyReport } from '../api/reports';
import { applyEvents } from '../complaints/apply-events';
import { withTransaction } from '../db/transaction';
import type { Logger } from '../log';
import { type SendResult, sendWebhook } from './channels/http';
import { type MailConfig, Mailer } from './channels/mail';
import { sendDingtalk, sendFeishu, sendWecom } from './channels/robots';
import { defaultLocale, reportMail } from './compose';
import { type Message, teamFacts, teamMessage } from './messages';
import { type DirectDelivery, type OutboxData, enqueue } from './outbox';

/** The channel id of the environment's webhook (NOTIFY_WEBHOOK_URL): not a policy id. */
export const ENV_WEBHOOK = '@env-webhook';
/** The server's own mail transport (replies, reports): not a policy id. */
export const SMTP_CHANNEL = '@smtp';
/** Arbitrary constant: one server at a time scans the clocks. */
const SCAN_LOCK = 72_610_006;
/** Outbox entries routed per transaction. */
const ROUTE_BATCH = 100;

export interface NotifySettings {
  /** NOTIFY_WEBHOOK_URL / NOTIFY_WEBHOOK_SECRET: a generic webhook taking every team event. */
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  /** SMTP_URL / MAIL_FROM: email channels, replies and the report. */
  smtp?: MailConfig | undefined;
  /** How often an idle worker looks for work. */
  pollMs: number;
  /** How often the clocks are scanned for warnings and breaches (and the report schedule). */
  scanMs: number;
  /** A claim's lease: a server that dies mid-delivery lets another retry after this. */
  leaseMs: number;
  /** One HTTP or SMTP try (kept well under the lease). */
  timeoutMs: number;
  /** Backoff: the first retry after about this, doubling, at most `retryMaxMs`, with jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Tries before a dead letter, unless the policy says otherwise. */
  maxAttempts: number;
  /** Deliveries claimed per round. */
  batch: number;
}

export const defaultNotifySettings: NotifySettings = {
  pollMs: 250,
  scanMs: 60_000,
  leaseMs: 60_000,
  timeoutMs: 10_000,
  retryBaseMs: 5_000,
  retryMaxMs: 3_600_000,
  maxAttempts: 8,
  batch: 20,
};

/** The shared backoff (50–100 % of an exponential step) with the notifier's own base and cap. */
export function retryDelay(
  attempt: number,
  { retryBaseMs, retryMaxMs }: Pick<NotifySettings, 'retryBaseMs' | 'retryMaxMs'>,
  random: () => number = Math.random,
): number {
  return backoffDelay(attempt, random, { baseMs: retryBaseMs, maxMs: retryMaxMs });
}

/** The channels of the policy plus the environment's webhook. */
export function channelsOf(policy: Policy, settings: NotifySettings): NotificationChannel[] {
  const own = policy.notifications?.channels ?? [];
  if (!settings.webhookUrl) return own;
  return [
    ...own,
    {
      id: ENV_WEBHOOK,
      type: 'webhook',
      url: settings.webhookUrl,
      ...(settings.webhookSecret ? { secret: settings.webhookSecret } : {}),
      events: [...TEAM_EVENTS],
    },
  ];
}

interface DeliveryRow {
  id: string;
  key: string;
  outboxSeq: string;
  channel: string;
  channelType: string;
  event: string;
  complaintId: string | null;
  message: Message;
  notBefore: Date;
}

interface ClaimedRow {
  id: string;
  outbox_seq: string;
  channel: string;
  channel_type: string;
  event: string;
  complaint_id: string | null;
  message: Message;
  attempts: number;
}

/**
 * The notification worker: routes outbox entries to deliveries, scans the clocks, mails the
 * monthly report on schedule, and delivers with retries. Any number of servers may run one on
 * the same database: every step claims its rows (SKIP LOCKED, leases, an advisory lock for the
 * scan) and every write is idempotent by key.
 */
export class Notifier {
  readonly #pool: Pool;
  readonly #settings: NotifySettings;
  readonly #now: () => Date;
  readonly #log: Logger;
  readonly #mailer: Mailer | undefined;
  #policy: { at: number; policy: Policy } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = false;
  #lastScan = Number.NEGATIVE_INFINITY;

  constructor(
    pool: Pool,
    settings: Partial<NotifySettings> = {},
    { now = () => new Date(), log }: { now?: () => Date; log: Logger },
  ) {
    this.#pool = pool;
    this.#settings = { ...defaultNotifySettings, ...settings };
    this.#now = now;
    this.#log = log;
    this.#mailer = this.#settings.smtp
      ? new Mailer(this.#settings.smtp, this.#settings.timeoutMs)
      : undefined;
  }

  /** The stored policy (every server reads the same one; re-read only when it changed). */
  async policy(): Promise<Policy> {
    const { rows } = await this.#pool.query<{ document: unknown; updated_at: Date }>(
      'SELECT document, updated_at FROM policy WHERE id',
    );
    const at = rows[0]?.updated_at.getTime() ?? 0;
    if (this.#policy?.at === at) return this.#policy.policy;
    const resolved = resolvePolicy(rows[0]?.document ?? {});
    if (!resolved.ok) {
      if (this.#policy) return this.#policy.policy;
      throw new Error('The stored policy is not valid: notifications cannot be routed.');
    }
    this.#policy = { at, policy: resolved.policy };
    return resolved.policy;
  }

  /** Polls until `stop`. */
  start(): void {
    const loop = async () => {
      if (this.#stopped) return;
      this.#running = this.tick().catch((err: Error) =>
        this.#log.error('notify: round failed', { error: err.message }),
      );
      await this.#running;
      if (!this.#stopped) this.#timer = setTimeout(loop, this.#settings.pollMs);
    };
    this.#timer = setTimeout(loop, 0);
  }

  /** Stops polling and waits for the round in flight (its claims are recorded or expire). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    this.#mailer?.close();
  }

  /** One round: route, scan when due, deliver what is due. */
  async tick(): Promise<{ routed: number; delivered: number; failed: number }> {
    const policy = await this.policy();
    const now = this.#now();
    if (now.getTime() - this.#lastScan >= this.#settings.scanMs) {
      this.#lastScan = now.getTime();
      await this.scan(policy);
    }
    let routed = 0;
    for (let n = ROUTE_BATCH; n === ROUTE_BATCH; routed += n) n = await this.route(policy);
    const { delivered, failed } = await this.deliver(policy);
    return { routed, delivered, failed };
  }

  /** Outbox entries → one delivery per channel, message rendered once. Returns entries routed. */
  async route(policy: Policy): Promise<number> {
    return withTransaction(this.#pool, async (client) => {
      const now = this.#now();
      const { rows } = await client.query<{
        seq: string;
        key: string;
        complaint_id: string | null;
        data: OutboxData;
      }>(
        `SELECT seq, key, complaint_id, data FROM notify_outbox WHERE routed_at IS NULL
         ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [ROUTE_BATCH],
      );
      if (rows.length === 0) return 0;
      const states = await loadStates(
        client,
        rows.map((r) => r.complaint_id),
      );
      const out: DeliveryRow[] = [];
      for (const row of rows) {
        const data = row.data;
        if ('delivery' in data) {
          out.push(direct(row.seq, row.key, row.complaint_id, data.delivery, now));
          continue;
        }
        const state = row.complaint_id ? states.get(row.complaint_id) : undefined;
        if (!state) continue;
        const events =
          'effects' in data ? teamEventsOf(data.event, data.effects, state) : [data.event];
        for (const e of events) out.push(...this.#teamDeliveries(row.seq, e, state, policy, now));
      }
      await insertDeliveries(client, out, now);
      await client.query('UPDATE notify_outbox SET routed_at = $2 WHERE seq = ANY($1::bigint[])', [
        rows.map((r) => r.seq),
        now,
      ]);
      return rows.length;
    });
  }

  #teamDeliveries(
    seq: string,
    e: TeamEvent,
    state: ComplaintState,
    policy: Policy,
    now: Date,
  ): DeliveryRow[] {
    const channels = channelsOf(policy, this.#settings);
    const timeZone = policy.calendar.timeZone;
    return routeTeamEvent(e, channels, policy.notifications, policy.calendar, now).map((r) => {
      const id = randomUUID();
      const channel = channels.find((c) => c.id === r.channel);
      const type = channel?.type ?? 'email';
      const locale = channel?.locale ?? defaultLocale(policy);
      const to =
        r.channel === ON_CALL_EMAIL
          ? [policy.notifications?.onCall?.email ?? '']
          : (channel?.to ?? []);
      return {
        id,
        key: `${e.key}|${r.channel}`,
        outboxSeq: seq,
        channel: r.channel,
        channelType: type,
        event: e.kind,
        complaintId: e.complaintId,
        message: teamMessage(
          type,
          id,
          teamFacts(e, state, policy, locale, now),
          locale,
          timeZone,
          to,
        ),
        notBefore: r.notBefore,
      };
    });
  }

  /**
   * Clock warnings and breaches of open complaints, each enqueued once by key (only what became
   * due after notifications were first switched on); then the monthly report when due.
   */
  async scan(policy: Policy): Promise<void> {
    await withTransaction(this.#pool, async (client) => {
      const now = this.#now();
      const { rows: lock } = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1) AS ok',
        [SCAN_LOCK],
      );
      if (!lock[0]?.ok) return;
      // Switched on now: a report that fell due before is not news any more.
      await client.query(
        `INSERT INTO notify_state (id, enabled_at, report_month) VALUES (true, $1, $2)
         ON CONFLICT (id) DO NOTHING`,
        [now, reportMailDue(now, policy.calendar, undefined) ?? null],
      );
      const { rows: state } = await client.query<{
        enabled_at: Date;
        report_month: string | null;
        clock_policy: string | null;
      }>('SELECT enabled_at, report_month, clock_policy FROM notify_state WHERE id');
      const since = state[0]!.enabled_at;
      // Stored moments were computed with the policy of their write: after a change, every
      // complaint with a running clock is looked at once and gets its moment under the new one.
      const version = policyVersion(policy);
      if (state[0]!.clock_policy !== version) {
        await client.query(
          'UPDATE complaints SET alert_at = received_at WHERE next_due_at IS NOT NULL',
        );
        await client.query('UPDATE notify_state SET clock_policy = $1 WHERE id', [version]);
      }
      // Only the complaints with a warning or breach due (docs/notifications.md, the clock scan).
      const { rows } = await client.query<{
        id: string;
        version: number;
        snapshot: ComplaintState;
      }>('SELECT id, version, snapshot FROM complaints WHERE alert_at <= $1', [now]);
      const next: (string | null)[] = [];
      const entries = rows.flatMap(({ snapshot }) => {
        const deadlines = computeDeadlines(snapshot, now, policy);
        next.push(nextClockAlertAt(snapshot, deadlines, now)?.toISOString() ?? null);
        return clockTeamEvents(snapshot, deadlines, now, { since, policy }).map((e) => ({
          key: `clock:${e.key}`,
          complaintId: e.complaintId,
          data: { source: 'clock' as const, event: e },
        }));
      });
      // The version guard: a snapshot written since the read keeps the moment its writer stored.
      await client.query(
        `UPDATE complaints c SET alert_at = u.alert_at
         FROM unnest($1::uuid[], $2::int4[], $3::timestamptz[]) AS u(id, version, alert_at)
         WHERE c.id = u.id AND c.version = u.version`,
        [rows.map((r) => r.id), rows.map((r) => r.version), next],
      );
      await enqueue(client, entries, now);

      const recipients = policy.notifications?.monthlyReport;
      const month = reportMailDue(now, policy.calendar, state[0]!.report_month ?? undefined);
      if (!month) return;
      // Without recipients the month passes unsent (configuring them later sends no old report).
      await client.query('UPDATE notify_state SET report_month = $1 WHERE id', [month]);
      if (recipients && recipients.to.length > 0) {
        const report = await loadMonthlyReport(client, month, policy, now);
        const locale = recipients.locale ?? defaultLocale(policy);
        await enqueue(
          client,
          [
            {
              key: `report:${month}`,
              data: {
                source: 'report',
                delivery: {
                  channel: SMTP_CHANNEL,
                  channelType: 'email',
                  event: 'report',
                  message: reportMail(report, recipients.to, locale, policy),
                },
              },
            },
          ],
          now,
        );
      }
    });
  }

  /** Claims due deliveries (SKIP LOCKED, with a lease), sends them, records each try. */
  async deliver(policy: Policy): Promise<{ delivered: number; failed: number }> {
    const now = this.#now();
    const { rows } = await this.#pool.query<ClaimedRow>(
      `UPDATE notify_deliveries d SET status = 'sending', attempts = d.attempts + 1,
         lease_until = $2
       FROM (SELECT id FROM notify_deliveries
             WHERE status IN ('pending', 'sending') AND not_before <= $1
               AND (lease_until IS NULL OR lease_until <= $1)
             ORDER BY not_before, id LIMIT $3 FOR UPDATE SKIP LOCKED) c
       WHERE d.id = c.id
       RETURNING d.id, d.outbox_seq, d.channel, d.channel_type, d.event, d.complaint_id,
         d.message, d.attempts`,
      [now, new Date(now.getTime() + this.#settings.leaseMs), this.#settings.batch],
    );
    const results = await Promise.all(
      rows.map(async (row) => {
        const started = performance.now();
        const result = await this.#send(row, policy);
        await this.#record(row, result, Math.round(performance.now() - started), policy);
        return result.ok;
      }),
    );
    const delivered = results.filter(Boolean).length;
    return { delivered, failed: results.length - delivered };
  }

  #send(row: ClaimedRow, policy: Policy): Promise<SendResult> {
    const timeout = this.#settings.timeoutMs;
    const message = row.message;
    if (message.kind === 'mail') {
      if (!this.#mailer) return Promise.resolve({ ok: false, detail: 'SMTP_URL is not set' });
      return this.#mailer.send(row.id, message);
    }
    const channel = channelsOf(policy, this.#settings).find((c) => c.id === row.channel);
    if (!channel?.url)
      return Promise.resolve({ ok: false, detail: `channel ${row.channel} is not configured` });
    const nowMs = Date.now();
    switch (channel.type) {
      case 'wecom':
        return sendWecom(channel.url, message.body, timeout);
      case 'dingtalk':
        return sendDingtalk(channel.url, channel.secret, message.body, timeout, nowMs);
      case 'feishu':
        return sendFeishu(channel.url, channel.secret, message.body, timeout, nowMs);
      default:
        return sendWebhook(channel.url, channel.secret, row.id, message.body, timeout);
    }
  }

  /**
   * Records a try: delivered, dead after the last attempt, or pending again after a backoff.
   * Only the holder of this attempt writes (a claim that expired meanwhile changes nothing). A
   * customer reply's final result becomes an event in the complaint's log in the same commit.
   */
  async #record(row: ClaimedRow, result: SendResult, ms: number, policy: Policy) {
    const now = this.#now();
    const max = policy.notifications?.maxAttempts ?? this.#settings.maxAttempts;
    const status = result.ok ? 'delivered' : row.attempts >= max ? 'dead' : 'pending';
    const notBefore =
      status === 'pending'
        ? new Date(now.getTime() + retryDelay(row.attempts, this.#settings))
        : now;
    await withTransaction(this.#pool, async (client) => {
      await client.query(
        `INSERT INTO notify_attempts (delivery_id, attempt, at, ok, detail, ms)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.attempts, now, result.ok, result.detail, ms],
      );
      const updated = await client.query(
        `UPDATE notify_deliveries SET status = $2, not_before = $3, lease_until = NULL,
           delivered_at = $4, last_error = $5
         WHERE id = $1 AND attempts = $6 AND status = 'sending'`,
        [
          row.id,
          status,
          notBefore,
          result.ok ? now : null,
          result.ok ? null : result.detail,
          row.attempts,
        ],
      );
      if (updated.rowCount === 1 && row.event === 'reply' && status !== 'pending')
        await this.#recordReply(client, row, result, policy, now);
    });
    if (status === 'dead')
      this.#log.warn('notify: dead letter', { delivery: row.id, error: result.detail });
  }

  async #recordReply(
    client: PoolClient,
    row: ClaimedRow,
    result: SendResult,
    policy: Policy,
    now: Date,
  ) {
    if (!row.complaint_id) return;
    const { rows } = await client.query<{ data: OutboxData }>(
      'SELECT data FROM notify_outbox WHERE seq = $1',
      [row.outbox_seq],
    );
    const data = rows[0]?.data;
    if (data?.source !== 'reply' || !data.delivery.requestedBy) return;
    const by = data.delivery.requestedBy;
    const caller = {
      id: by.id,
      name: by.name,
      role: by.role as Role,
      createdAt: '',
      revokedAt: null,
      department: null,
    };
    const actor = { id: by.id, name: by.name, role: by.role as Role };
    const locale = defaultLocale(policy);
    const reply = data.delivery;
    const channel = row.channel_type === 'sms' ? 'SMS' : 'email';
    const base = { complaintId: row.complaint_id, at: now.toISOString(), actor };
    const note = (text: string): ComplaintEvent =>
      ({
        ...base,
        id: randomUUID(),
        type: 'noteAdded',
        payload: { text, progress: false },
      }) as ComplaintEvent;
    const options = { policy, now, caller };
    if (!result.ok) {
      const text = t(locale, 'notify.reply.failed', {
        channel,
        to: reply.to ?? '',
        error: result.detail,
      });
      await applyEvents(client, [note(text)], options);
      return;
    }
    const replied = {
      ...base,
      id: randomUUID(),
      type: 'replied',
      payload: {
        message: reply.text ?? '',
        via: row.channel_type === 'sms' ? 'sms' : 'email',
        ...(reply.to ? { to: reply.to } : {}),
      },
    } as ComplaintEvent;
    const applied = await applyEvents(client, [replied], options);
    // The workflow may not take a reply in this status; the log still says what was sent.
    if (applied.rejected.length > 0)
      await applyEvents(
        client,
        [note(t(locale, 'notify.reply.sent', { channel, to: reply.to ?? '' }))],
        options,
      );
  }
}

async function loadStates(client: PoolClient, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, ComplaintState>();
  const { rows } = await client.query<{ id: string; snapshot: ComplaintState }>(
    'SELECT id, snapshot FROM complaints WHERE id = ANY($1::uuid[])',
    [wanted],
  );
  return new Map(rows.map((r) => [r.id, r.snapshot]));
}

function direct(
  seq: string,
  key: string,
  complaintId: string | null,
  d: DirectDelivery,
  now: Date,
): DeliveryRow {
  return {
    id: randomUUID(),
    key,
    outboxSeq: seq,
    channel: d.channel,
    channelType: d.channelType,
    event: d.event,
    complaintId,
    message: d.message as Message,
    notBefore: now,
  };
}

async function insertDeliveries(client: PoolClient, rows: DeliveryRow[], now: Date) {
  if (rows.length === 0) return;
  const col = <T>(f: (r: DeliveryRow) => T) => rows.map(f);
  await client.query(
    `INSERT INTO notify_deliveries (id, key, outbox_seq, channel, channel_type, event,
       complaint_id, message, status, not_before, created_at)
     SELECT id, key, seq, channel, type, event, complaint_id, message, 'pending', not_before, $10
     FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[],
       $7::uuid[], string_to_array($8::text, E'\\x01')::jsonb[], $9::timestamptz[])
       AS d(id, key, seq, channel, type, event, complaint_id, message, not_before)
     ON CONFLICT (key) DO NOTHING`,
    [
      col((r) => r.id),
      col((r) => r.key),
      col((r) => r.outboxSeq),
      col((r) => r.channel),
      col((r) => r.channelType),
      col((r) => r.event),
      col((r) => r.complaintId),
      col((r) => JSON.stringify(r.message)).join('\u0001'),
      col((r) => r.notBefore),
      now,
    ],
  );
}
