import { ROLES, type Locale, type Role } from '@shared/schema/codes';
import * as z from 'zod/mini';
import type { StoredEvent } from '../db/types';
import { mayCarryToken } from './server-url';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** An event as POST /sync takes it: the shared EventSchema shape, without local bookkeeping. */
export type OutgoingEvent = Pick<
  StoredEvent,
  'id' | 'complaintId' | 'type' | 'at' | 'actor' | 'payload'
>;

const ServerEvent = z.object({
  id: z.string(),
  complaintId: z.string(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  payload: z.record(z.string(), z.unknown()),
  seq: z.number(),
});
export type ServerEvent = z.infer<typeof ServerEvent>;

const SyncAnswerSchema = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(
    z.object({
      id: z.string(),
      reason: z.string(),
      params: z.optional(z.record(z.string(), z.unknown())),
      message: z.optional(z.string()),
      /** The server's log position when it refused the event (servers before it: absent). */
      afterSeq: z.optional(z.number()),
    }),
  ),
  events: z.array(ServerEvent),
  cursor: z.string(),
  more: z.optional(z.boolean()),
});
export type SyncAnswer = z.infer<typeof SyncAnswerSchema>;

/** The transport seam: tests inject one, the background uses {@link httpTransport}. */
export interface SyncTransport {
  sync(body: { cursor: string | null; events: OutgoingEvent[] }): Promise<SyncAnswer>;
}

/**
 * A failed exchange. `reason` is a message key; `retry` says whether trying again later can help
 * (a network or server fault) — the engine backs off either way, so nothing is given up.
 */
export class SyncError extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
    readonly params?: Record<string, unknown>,
  ) {
    super(reason);
  }
}

const TIMEOUT_MS = 60_000;

export interface HttpOptions {
  serverUrl: string;
  token: string;
  fetch: Fetch;
  locale?: Locale;
  timeoutMs?: number;
}

function reasonForStatus(status: number): string {
  if (status === 401) return 'ext.sync.error.auth';
  if (status === 403) return 'ext.sync.error.forbidden';
  if (status === 404) return 'ext.sync.error.notFound';
  if (status === 413) return 'ext.sync.error.tooLarge';
  if (status === 429) return 'ext.sync.error.busy';
  if (status >= 500) return 'ext.sync.error.server';
  return 'ext.sync.error.refused';
}

/**
 * One JSON request to the team server (`/api/v1` + path) with the token and the language; a
 * failure throws a `SyncError` whose reason is a message key (network, timeout, 401, 403, 5xx…).
 */
export async function call(
  opts: HttpOptions,
  path: string,
  init: RequestInit & { auth?: boolean },
): Promise<unknown> {
  // The last gate before the network: a token never goes out over plain http to another machine.
  if (init.auth !== false && !mayCarryToken(opts.serverUrl))
    throw new SyncError('ext.sync.error.insecure');
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': opts.locale ?? 'en',
    ...(init.body ? { 'content-type': 'application/json' } : {}),
    ...(init.auth === false ? {} : { authorization: `Bearer ${opts.token}` }),
  };
  let res: Response;
  try {
    res = await opts.fetch(`${opts.serverUrl}/api/v1${path}`, {
      ...init,
      headers,
      signal: AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS),
    });
  } catch (err) {
    const timeout = (err as Error)?.name === 'TimeoutError';
    throw new SyncError(timeout ? 'ext.sync.error.timeout' : 'ext.sync.error.network');
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    // A body cut off mid-way is a network fault like any other.
    throw new SyncError(
      res.ok ? 'ext.sync.error.badAnswer' : reasonForStatus(res.status),
      res.status,
    );
  }
  if (!res.ok) {
    // The server's `{errors: [{code, message}]}`, in the Accept-Language asked for.
    const first = (body as { errors?: { code?: unknown; message?: unknown }[] } | null)
      ?.errors?.[0];
    throw new SyncError(
      reasonForStatus(res.status),
      res.status,
      typeof first?.message === 'string'
        ? { message: first.message, code: String(first.code ?? '') }
        : undefined,
    );
  }
  return body;
}

/** POST /api/v1/sync over `fetch`. */
export function httpTransport(opts: HttpOptions): SyncTransport {
  return {
    async sync(body) {
      const answer = SyncAnswerSchema.safeParse(
        await call(opts, '/sync', { method: 'POST', body: JSON.stringify(body) }),
      );
      if (!answer.success) throw new SyncError('ext.sync.error.badAnswer');
      return answer.data;
    },
  };
}

export type ConnectionResult =
  | { ok: true; identity?: { name: string; role: Role } }
  | { ok: false; reason: string; step: 'health' | 'auth'; status?: number };

const Me = z.object({ name: z.string(), role: z.enum(ROLES) });

/**
 * The options page's "Test connection": the server answers GET /healthz, then accepts the token
 * (GET /policy, readable with any live token); GET /me names the token when the server has it.
 */
export async function testConnection(opts: HttpOptions): Promise<ConnectionResult> {
  try {
    const health = (await call(opts, '/healthz', { method: 'GET', auth: false })) as {
      status?: unknown;
    };
    if (health?.status !== 'ok')
      return { ok: false, reason: 'ext.sync.error.server', step: 'health' };
  } catch (err) {
    const e = err as SyncError;
    return {
      ok: false,
      reason: e.reason ?? 'ext.sync.error.network',
      step: 'health',
      status: e.status,
    };
  }
  try {
    await call(opts, '/policy', { method: 'GET' });
  } catch (err) {
    const e = err as SyncError;
    return {
      ok: false,
      reason: e.reason ?? 'ext.sync.error.network',
      step: 'auth',
      status: e.status,
    };
  }
  try {
    const me = Me.safeParse(await call(opts, '/me', { method: 'GET' }));
    return me.success ? { ok: true, identity: me.data } : { ok: true };
  } catch {
    // An older server without /me: the token works, its name and role stay unknown.
    return { ok: true };
  }
}
