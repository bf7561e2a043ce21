/** Helpers for the server's tests (not used at run time; test/boundaries.test.ts keeps it so). */
import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Pool } from 'pg';
import { defaultPolicy } from '../../shared/policy/default-policy';
import type { ActorRole, EventType, Role } from '../../shared/schema/codes';
import type { Actor, ComplaintEventInput, PayloadOf } from '../../shared/schema/event';
import type { ComplaintSubmissionInput } from '../../shared/schema/submission';
import { createApp } from '../../server/app';
import type { AppConfig } from '../../server/config';
import type { Database } from '../../server/db/open-database';
import { silentLogger } from '../../server/log';
import { createToken } from '../../server/store/tokens';

/** A submission that passes every check. */
export function validSubmission(
  overrides: Partial<ComplaintSubmissionInput> = {},
): ComplaintSubmissionInput {
  return {
    id: randomUUID(),
    locale: 'en',
    complainant: { name: 'Wang', phone: '13812345678' },
    subject: 'Broken kettle',
    description: 'The kettle I bought last week stopped working after two days.',
    demand: 'A replacement',
    category: 'product_quality',
    readBackConfirmed: true,
    antiSpam: { honeypot: '', elapsedMs: 45_000 },
    ...overrides,
  };
}

export function testApp(
  db: Pick<Database, 'pool' | 'kind'>,
  { now, config }: { now?: () => Date; config?: Partial<AppConfig> } = {},
): Hono {
  return createApp({
    db,
    policy: defaultPolicy,
    now: now ?? (() => new Date('2026-11-16T02:00:00Z')),
    config: { intakeRatePerMin: 10_000, widgetDir: '/nonexistent-widget-dir', ...config },
    log: silentLogger,
  });
}

export function postJson(
  app: Hono,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body:
        typeof body === 'string' || body instanceof Uint8Array
          ? (body as BodyInit)
          : JSON.stringify(body),
    }),
  );
}

/** Row counts of every table: "the database is unchanged" compares two of these. */
export async function tableCounts(pool: Pool): Promise<Record<string, number>> {
  const tables = [
    'complaints',
    'events',
    'attachments',
    'submissions',
    'case_number_counters',
    'tokens',
    'sites',
    'policy',
  ];
  const { rows } = await pool.query<Record<string, string>>(
    `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`,
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/** A token of `role` for authenticated requests. */
export async function bearer(
  pool: Pool,
  role: Role,
  name = `${role} user`,
): Promise<Record<string, string>> {
  const token = await createToken(pool, { name, role, now: new Date('2026-11-01T00:00:00Z') });
  return { authorization: `Bearer ${token.secret}` };
}

/** A staff member: their token's id and name (what assignments name) and request headers. */
export async function staffMember(
  pool: Pool,
  role: Role,
  name = `${role} user`,
): Promise<{ id: string; name: string; headers: Record<string, string> }> {
  const token = await createToken(pool, { name, role, now: new Date('2026-11-01T00:00:00Z') });
  return { id: token.id, name, headers: { authorization: `Bearer ${token.secret}` } };
}

export const actorOf = (role: ActorRole): Actor => ({
  id: `u-${role}`,
  name: `${role} user`,
  role,
});

/** An event as a device would push it. */
export function pushEvent<T extends EventType>(
  type: T,
  complaintId: string,
  payload: PayloadOf<T>,
  {
    role = 'agent',
    at = '2026-11-16T02:00:00.000Z',
    id = randomUUID(),
  }: { role?: ActorRole; at?: string; id?: string } = {},
): ComplaintEventInput {
  return { id, complaintId, type, at, actor: actorOf(role), payload } as ComplaintEventInput;
}

/** The full record an agent registers (an email complaint). */
export function registration(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'email' as const,
    receivedAt: '2026-11-16T01:00:00.000Z',
    complainant: { name: 'Zhao', email: 'zhao@example.com', anonymous: false },
    description: 'The delivery arrived two weeks late and damaged.',
    demand: 'Refund of the delivery fee',
    category: 'delivery',
    ...overrides,
  };
}
