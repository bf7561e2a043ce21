import { fileURLToPath } from 'node:url';

/** What the HTTP app needs to know (the rest of the settings only concern `main.ts`). */
export interface AppConfig {
  /** Intake submissions per minute per client IP and site. */
  intakeRatePerMin: number;
  /** Proxies in front of the server whose `X-Forwarded-For` entry is trusted; 0 = off. */
  trustProxy: number;
  bodyLimitKb: number;
  /** Built widget (served at /widget/*) and where the demo page is looked for. */
  widgetDir: string;
}

export interface ServerConfig extends AppConfig {
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
  widgetDir: DEFAULT_WIDGET_DIR,
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

/** Server settings from the environment, with the safe defaults of docs/architecture.md. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: integer(env, 'PORT', 8787, 0, 65_535),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    policyFile: env.POLICY_FILE || undefined,
    intakeRatePerMin: integer(env, 'INTAKE_RATE_PER_MIN', 30, 1, 1_000_000),
    trustProxy: trustProxy(env.TRUST_PROXY),
    bodyLimitKb: integer(env, 'BODY_LIMIT_KB', 256, 1, 100 * 1024),
    widgetDir: env.WIDGET_DIR || DEFAULT_WIDGET_DIR,
  };
}
