import { Hono } from 'hono';
import type { Pool } from 'pg';
import * as z from 'zod/mini';
import type { Policy } from '../../shared/policy/policy';
import type { Locale } from '../../shared/schema/codes';
import { type ComplaintEvent, EventSchema } from '../../shared/schema/event';
import { toFieldErrors } from '../../shared/schema/issues';
import { type AuthEnv, requireToken } from '../auth/bearer';
import { type Rejection, applyEvents } from '../complaints/apply-events';
import { withTransaction } from '../db/transaction';
import { readJsonObject } from '../http/read-json';
import type { Logger } from '../log';
import { message, requestError, requestLocale } from '../messages';
import { eventsSince, logHead } from '../store/events';

/** Events one push may carry; the extension sends its queue in batches of at most this. */
export const MAX_PUSH_EVENTS = 10_000;
/** Room for a full batch of large events (clips carry sanitized HTML). */
const SYNC_BODY_LIMIT = 32 * 1024 * 1024;
/** Events returned per answer; `more: true` says to ask again with the new cursor. */
export const PULL_PAGE = 2_000;

const SyncRequest = z.strictObject({
  cursor: z.optional(
    z.nullable(
      z.union([z.string().check(z.regex(/^\d{1,18}$/)), z.number().check(z.int(), z.gte(0))]),
    ),
  ),
  events: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_PUSH_EVENTS, 'sync.tooMany'))),
});

export interface SyncDeps {
  pool: Pool;
  policy: () => Policy;
  now: () => Date;
  log: Logger;
}

const withMessage = (locale: Locale, r: Rejection) => ({
  ...r,
  message: message(locale, r.reason, r.params),
});

/**
 * `POST /sync` (any token): push pending events, pull the log since `cursor`.
 * → `{accepted: [ids], rejected: [{id, reason, params?, message, afterSeq}], events, cursor, more}`.
 * Each event is validated alone, so one bad event never blocks the rest of the batch. `afterSeq`
 * is the log's last `seq` when the event was refused, so a device places the refusal in the case
 * history even when this answer carries only the first page of the log.
 */
export function syncRoutes(deps: SyncDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/sync', requireToken(deps.pool), async (c) => {
    const locale = requestLocale(c.req.header('accept-language'));
    const body = await readJsonObject(c.req.raw, SYNC_BODY_LIMIT);
    if (!body.ok)
      return c.json(
        requestError(locale, body.code, 'params' in body ? body.params : undefined),
        body.status,
      );
    const request = SyncRequest.safeParse(body.value, { reportInput: true });
    if (!request.success) {
      const issues = request.error.issues.map((i) =>
        i.message === 'sync.tooMany'
          ? { ...i, message: 'validation.max', maximum: MAX_PUSH_EVENTS }
          : i,
      );
      return c.json({ errors: toFieldErrors(issues, locale, message) }, 400);
    }
    const cursor = Number(request.data.cursor ?? 0);
    const caller = c.get('token');

    const rejected: Rejection[] = [];
    const valid: ComplaintEvent[] = [];
    (request.data.events ?? []).forEach((raw, index) => {
      const parsed = EventSchema.safeParse(raw, { reportInput: true });
      if (parsed.success) {
        valid.push(parsed.data);
        return;
      }
      const id = (raw as { id?: unknown } | null)?.id;
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'event'))]
        .slice(0, 5)
        .join(', ');
      rejected.push({
        id: typeof id === 'string' && id.length <= 64 ? id : `#${index}`,
        reason: 'sync.invalidEvent',
        params: { fields },
      });
    });

    // Refused unparsed, before anything of this batch was stored: they stand at the log's head now.
    if (rejected.length > 0) {
      const head = await logHead(deps.pool);
      for (const r of rejected) r.afterSeq = head;
    }

    let accepted: string[] = [];
    if (valid.length > 0) {
      const now = deps.now();
      const applied = await withTransaction(deps.pool, (client) =>
        applyEvents(client, valid, { policy: deps.policy(), now, caller }),
      );
      accepted = applied.accepted;
      rejected.push(...applied.rejected);
      for (const effect of applied.effects)
        deps.log.info('effect', { ...effect, tokenId: caller.id });
      if (applied.rejected.length > 0) {
        deps.log.info('sync rejected events', {
          tokenId: caller.id,
          count: applied.rejected.length,
        });
      }
    }

    const events = await eventsSince(deps.pool, cursor, PULL_PAGE);
    const last = events[events.length - 1];
    return c.json({
      accepted,
      rejected: rejected.map((r) => withMessage(locale, r)),
      events,
      cursor: String(last ? last.seq : cursor),
      more: events.length === PULL_PAGE,
    });
  });
  return app;
}
