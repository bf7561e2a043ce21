import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Pool } from 'pg';
import * as z from 'zod/mini';
import type { Policy } from '../../shared/policy/policy';
import { SEVERITY_LEVELS, STATUSES } from '../../shared/schema/codes';
import { EventSchema } from '../../shared/schema/event';
import { toFieldErrors } from '../../shared/schema/issues';
import { type AuthEnv, requireToken } from '../auth/bearer';
import { applyEvents } from '../complaints/apply-events';
import { withTransaction } from '../db/transaction';
import { readJsonObject } from '../http/read-json';
import type { Logger } from '../log';
import { message, requestError, requestLocale } from '../messages';
import { attachmentOf } from '../store/attachments';
import { listComplaints } from '../store/complaint-list';
import { loadState } from '../store/complaints';
import { eventsOf } from '../store/events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = <T extends string>(codes: readonly T[]) =>
  z.pipe(
    z.string().check(z.maxLength(500)),
    z.pipe(
      z.transform((s: string) => s.split(',').filter(Boolean)),
      z.array(z.enum(codes as [T, ...T[]])),
    ),
  );

const ListQuery = z.strictObject({
  status: z.optional(list(STATUSES)),
  severity: z.optional(list(SEVERITY_LEVELS)),
  overdue: z.optional(z.enum(['true', 'false'])),
  assignee: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  q: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9]\d?|1\d\d|200)$/))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

const ActionRequest = z.strictObject({
  /** The complaint's `version` the caller acted on; a different current version → 409. */
  expectedVersion: z.optional(z.number().check(z.int(), z.gte(0))),
  event: z.record(z.string(), z.unknown()),
});

/** Refusals that are about who acts (403) rather than about the complaint's state (422). */
const ROLE_REASONS = new Set([
  'workflow.forbidden',
  'workflow.approve.insufficient',
  'workflow.reopen.verdictNeedsLead',
  'sync.forgedRole',
  'access.notYours',
  'access.leadOnly',
]);

function encodeCursor(next: { updatedAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([next.updatedAt, next.id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: string; id: string } | undefined {
  try {
    const [updatedAt, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof updatedAt !== 'string' || Number.isNaN(Date.parse(updatedAt))) return undefined;
    if (typeof id !== 'string' || !UUID.test(id)) return undefined;
    return { updatedAt, id };
  } catch {
    return undefined;
  }
}

/** A header parameter value in RFC 5987 encoding (`filename*=UTF-8''…`). */
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );

export interface ComplaintDeps {
  pool: Pool;
  policy: () => Policy;
  now: () => Date;
  log: Logger;
}

/** The team queue: list, one complaint with its log, and one action on it. Any token. */
export function complaintRoutes(deps: ComplaintDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('/complaints', requireToken(deps.pool));
  app.use('/complaints/*', requireToken(deps.pool));

  app.get('/complaints', async (c) => {
    const locale = requestLocale(c.req.header('accept-language'));
    const parsed = ListQuery.safeParse(c.req.query(), { reportInput: true });
    if (!parsed.success)
      return c.json({ errors: toFieldErrors(parsed.error.issues, locale, message) }, 400);
    const q = parsed.data;
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (q.cursor !== undefined && !after)
      return c.json(requestError(locale, 'request.invalidQuery', undefined, 'cursor'), 400);
    const page = await listComplaints(deps.pool, {
      status: q.status,
      severity: q.severity,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      assignee: q.assignee,
      q: q.q?.trim() || undefined,
      limit: Number(q.limit ?? 50),
      after,
      now: deps.now(),
    });
    return c.json({ items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null });
  });

  app.get('/complaints/:id', async (c) => {
    const id = c.req.param('id');
    const locale = requestLocale(c.req.header('accept-language'));
    const complaint = UUID.test(id) ? await loadState(deps.pool, id) : undefined;
    if (!complaint) return c.json(requestError(locale, 'complaint.notFound'), 404);
    return c.json({ complaint, events: await eventsOf(deps.pool, id) });
  });

  /**
   * A photo a visitor attached, as a download: never shown inline by the browser
   * (`Content-Disposition: attachment`, `nosniff`, a CSP that runs nothing).
   */
  app.get('/complaints/:id/attachments/:attachmentId', async (c) => {
    const id = c.req.param('id');
    const attachmentId = c.req.param('attachmentId');
    const locale = requestLocale(c.req.header('accept-language'));
    const found =
      UUID.test(id) && UUID.test(attachmentId)
        ? await attachmentOf(deps.pool, id, attachmentId)
        : undefined;
    if (!found) return c.json(requestError(locale, 'attachment.notFound'), 404);
    const ascii = found.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return c.body(new Uint8Array(found.bytes), 200, {
      'Content-Type': found.type,
      'Content-Length': String(found.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(found.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
      ETag: `"${found.sha256}"`,
    });
  });

  /**
   * One action: `{expectedVersion?, event}`. The server fills what the caller may omit: `id`,
   * `complaintId` (from the address), `at` (now) and `actor` (the token's name and role).
   */
  app.post('/complaints/:id/events', async (c) => {
    const id = c.req.param('id');
    const locale = requestLocale(c.req.header('accept-language'));
    const caller = c.get('token');
    if (!UUID.test(id)) return c.json(requestError(locale, 'complaint.notFound'), 404);
    const body = await readJsonObject(c.req.raw, 1024 * 1024);
    if (!body.ok)
      return c.json(
        requestError(locale, body.code, 'params' in body ? body.params : undefined),
        body.status,
      );
    const request = ActionRequest.safeParse(body.value, { reportInput: true });
    if (!request.success)
      return c.json({ errors: toFieldErrors(request.error.issues, locale, message) }, 400);

    const raw = request.data.event;
    if (raw.complaintId !== undefined && raw.complaintId !== id) {
      return c.json(requestError(locale, 'complaint.otherId', undefined, 'event.complaintId'), 400);
    }
    const now = deps.now();
    const parsed = EventSchema.safeParse(
      {
        id: randomUUID(),
        at: now.toISOString(),
        actor: { id: caller.id, name: caller.name, role: caller.role },
        ...raw,
        complaintId: id,
      },
      { reportInput: true },
    );
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ ...i, path: ['event', ...i.path] }));
      return c.json({ errors: toFieldErrors(issues, locale, message) }, 400);
    }
    const event = parsed.data;
    if (!(await loadState(deps.pool, id)))
      return c.json(requestError(locale, 'complaint.notFound'), 404);

    const expected = request.data.expectedVersion;
    const result = await withTransaction(deps.pool, (client) =>
      applyEvents(client, [event], {
        policy: deps.policy(),
        now,
        caller,
        expectedVersions: expected === undefined ? undefined : new Map([[id, expected]]),
      }),
    );
    for (const effect of result.effects) deps.log.info('effect', { ...effect, tokenId: caller.id });
    const refusal = result.rejected[0];
    if (refusal) {
      const error = {
        errors: [
          {
            path: 'event',
            code: refusal.reason,
            message: message(locale, refusal.reason, refusal.params),
          },
        ],
      };
      if (refusal.reason === 'complaint.staleVersion')
        return c.json({ ...error, version: refusal.params?.version }, 409);
      if (refusal.reason === 'sync.idConflict') return c.json(error, 409);
      return c.json(error, ROLE_REASONS.has(refusal.reason) ? 403 : 422);
    }
    const complaint = result.states.get(id) ?? (await loadState(deps.pool, id));
    const created = result.stored.some((e) => e.id === event.id);
    return c.json({ complaint, event }, created ? 201 : 200);
  });

  return app;
}
