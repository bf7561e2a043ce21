import { fileURLToPath } from 'node:url';
import type { RequestLogging } from './log';
import type { NotifySettings } from './notify/worker';

/** What the HTTP app needs to know (the rest of the settings only concern `main.ts`). */
export interface AppConfig {
  /** Intake submissions per minute per client IP and site. */
  intakeRatePerMin: number;
  /** Proxies in front of the server whose `X-Forwarded-For` entry is trusted; 0 = off. */
  trustProxy: number;
  bodyLimitKb: number;
  /** Web-form registrations per site in any 24 hours (429 beyond); 0 = no quota. */
  intakeSiteDailyQuota: number;
  /** Photos stored in total, in MB (507 for a submission that would exceed it). */
  attachmentStorageMb: number;
  /** Built widget (served at /widget/*) and where the demo page is looked for. */
  widgetDir: string;
  /** LOG_REQUESTS: a line per request (`all`), or only failed and slow ones (`problems`). */
  logRequests: RequestLogging;
  /** Notification channels from the environment, SMTP, worker timings (server/notify). */
  notify?: Partial<NotifySettings>;
}

export interface ServerConfig extends AppConfig {
  /** With DATABASE_URL: how often the stored policy's version is checked (other processes). */
  policyPollMs: number;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A PolicySchema JSON document (partial, merged over the default) applied at start. */
  policyFile: string | undefined;
}

export const DEFAULT_WIDGET_DIR = fileURLToPath(new URL('../widget/', import.meta.url));

export const defaultAppConfig: AppConfig = {
  intakeRatePerMin: 30,
  trustProxy: 0,
  bodyLimitKb: 256,
  intakeSiteDailyQuota: 5_000,
  attachmentStorageMb: 2_048,
  widgetDir: DEFAULT_WIDGET_DIR,
  logRequests: 'all',
};

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RangeError(`${name}=${raw} is not valid: use a whole number from ${min} to ${max}.`);
  }
  return n;
}

/** TRUST_PROXY: off (default), `1`/`true` (one proxy), or the number of proxies in front. */
function trustProxy(raw: string | undefined): number {
  if (raw === undefined || raw === '' || /^(0|false|off|no)$/i.test(raw)) return 0;
  if (/^(true|on|yes)$/i.test(raw)) return 1;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 0 && n <= 10) return n;
  throw new RangeError(
    `TRUST_PROXY=${raw} is not valid: use off, on, or the number of proxies (1–10).`,
  );
}

function logRequests(raw: string | undefined): RequestLogging {
  if (raw === undefined || raw === '' || raw === 'all') return 'all';
  if (raw === 'problems') return raw;
  throw new RangeError(`LOG_REQUESTS=${raw} is not valid: use all or problems.`);
}

/** Server settings from the environment, with the safe defaults of docs/architecture.md. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 8787, 0, 65_535),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    policyFile: env.POLICY_FILE || undefined,
    policyPollMs: integer(env, 'POLICY_POLL_MS', 2_000, 100, 3_600_000),
    intakeRatePerMin: integer(env, 'INTAKE_RATE_PER_MIN', 30, 1, 1_000_000),
    trustProxy: trustProxy(env.TRUST_PROXY),
    bodyLimitKb: integer(env, 'BODY_LIMIT_KB', 256, 1, 100 * 1024),
    intakeSiteDailyQuota: integer(env, 'INTAKE_SITE_DAILY_QUOTA', 5_000, 0, 100_000_000),
    attachmentStorageMb: integer(env, 'ATTACHMENT_STORAGE_MB', 2_048, 0, 100_000_000),
    widgetDir: env.WIDGET_DIR || DEFAULT_WIDGET_DIR,
    logRequests: logRequests(env.LOG_REQUESTS),
    notify: notifyFromEnv(env),
  };
}

/**
 * NOTIFY_WEBHOOK_URL + NOTIFY_WEBHOOK_SECRET (a generic webhook for every team event),
 * SMTP_URL + MAIL_FROM (email channels, replies, the monthly report).
 */
function notifyFromEnv(env: NodeJS.ProcessEnv): Partial<NotifySettings> {
  const url = env.NOTIFY_WEBHOOK_URL || undefined;
  if (url && !/^https?:\/\/\S+$/.test(url))
    throw new RangeError(`NOTIFY_WEBHOOK_URL=${url} is not valid: use an http(s) URL.`);
  const smtp = env.SMTP_URL || undefined;
  if (smtp && !/^smtps?:\/\/\S+$/.test(smtp))
    throw new RangeError('SMTP_URL is not valid: use smtp://user:password@host:587 or smtps://…');
  const timings = {
    pollMs: integer(env, 'NOTIFY_POLL_MS', 250, 10, 60_000),
    leaseMs: integer(env, 'NOTIFY_LEASE_MS', 60_000, 100, 3_600_000),
    timeoutMs: integer(env, 'NOTIFY_TIMEOUT_MS', 10_000, 50, 600_000),
    retryBaseMs: integer(env, 'NOTIFY_RETRY_BASE_MS', 5_000, 10, 3_600_000),
    maxAttempts: integer(env, 'NOTIFY_MAX_ATTEMPTS', 8, 1, 50),
  };
  if (timings.timeoutMs >= timings.leaseMs)
    throw new RangeError('NOTIFY_TIMEOUT_MS must be shorter than NOTIFY_LEASE_MS.');
  return {
    ...timings,
    ...(url ? { webhookUrl: url } : {}),
    ...(env.NOTIFY_WEBHOOK_SECRET ? { webhookSecret: env.NOTIFY_WEBHOOK_SECRET } : {}),
    ...(smtp
      ? { smtp: { url: smtp, from: env.MAIL_FROM || 'Complaint Desk <complaint-desk@localhost>' } }
      : {}),
  };
}
