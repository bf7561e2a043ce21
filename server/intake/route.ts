import { type Context, Hono } from 'hono';
import type { Policy } from '../../shared/policy/policy';
import { LOCALES, type Locale } from '../../shared/schema/codes';
import { toFieldErrors } from '../../shared/schema/issues';
import { labelOf } from '../../shared/report/labels';
import {
  ComplaintSubmissionSchema,
  MIN_FILL_MS,
  spamVerdict,
} from '../../shared/schema/submission';
import type { AppConfig } from '../config';
import { clientIp } from '../http/client-ip';
import { readJsonObject } from '../http/read-json';
import type { Logger } from '../log';
import { message, requestError, requestLocale } from '../messages';
import { allowOrigin, ownOrigin, preflightHeaders } from './cors';
import { type IntakeBody, MULTIPART_TYPE, readIntakeMultipart } from './multipart';
import type { RateDecision } from './rate-limit';
import type { Registrar } from './registrar';
import type { SiteDirectory } from './site-directory';
import { strippedKeys } from './unknown-keys';

export interface IntakeDeps {
  policy: () => Policy;
  now: () => Date;
  config: AppConfig;
  sites: SiteDirectory;
  limiter: { take(key: string): RateDecision | Promise<RateDecision> };
  registrar: Registrar;
  log: Logger;
  /** Below this fill time a submission is a bot's (`spamVerdict`). */
  minFillMs?: number;
}

const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);

/** The site this server's own pages (the demo form) submit for; created at the first start. */
export const DEMO_SITE = 'demo';
/**
 * `POST /api/v1/intake` (public, for the widget), in this order: body checks (415, 413, 400) →
 * origin allowed for the site (403) → rate limit per client IP and site (429) → schema (400) →
 * spam → idempotent registration (201 new, 200 repeat, 409 id reused with another body; 429
 * over the site's daily quota, 507 photos beyond the storage limit — both counted by the
 * registrar, nothing stored).
 *
 * The body is JSON, or `multipart/form-data` with the same JSON in a `submission` part and up
 * to 3 photos (`images` parts, ≤ 1 MB each, JPEG/PNG/WebP by their bytes: 413 / 400 otherwise),
 * stored with the registration in one statement (a repeat stores nothing again).
 *
 * Spam: a filled honeypot (a field people never see) is answered 202 and nothing is stored, so
 * a bot learns nothing; a form sent faster than a person can fill it gets a 400 the widget shows,
 * because a real person (autofill, a paste) can then simply send again.
 */
export function intakeRoutes(deps: IntakeDeps): Hono {
  const app = new Hono();
  const limitBytes = deps.config.bodyLimitKb * 1024;

  /** Cross-origin callers the server has to check (absent or same-origin: not a CORS call). */
  const crossOrigin = (c: Context): string | undefined => {
    const origin = c.req.header('origin');
    return origin && origin !== ownOrigin(c, deps.config.trustProxy) ? origin : undefined;
  };

  app.options('/', async (c) => {
    const origin = crossOrigin(c);
    if (!origin) return c.body(null, 204);
    if (!(await deps.sites.knowsOrigin(origin))) {
      return c.json(
        requestError(requestLocale(c.req.header('accept-language')), 'intake.originNotAllowed'),
        403,
      );
    }
    preflightHeaders(c, origin);
    return c.body(null, 204);
  });

  /**
   * `GET /api/v1/intake/form-config?site=…` (public, for the widget): the policy's categories with
   * their names in both languages, so a form offers the organisation's list (docs/rules.md
   * R-POLICY-4). Nothing in it is secret, so anyone may cache it for five minutes; the origins
   * registered for `site` (any registered origin without one) may read it across origins.
   */
  app.get('/form-config', async (c) => {
    const origin = crossOrigin(c);
    const siteKey = c.req.query('site');
    if (origin) {
      const allowed = siteKey
        ? (await deps.sites.get(siteKey))?.origins.includes(origin)
        : await deps.sites.knowsOrigin(origin);
      if (allowed) allowOrigin(c, origin);
    }
    c.header('Vary', 'Origin', { append: true });
    c.header('Cache-Control', 'public, max-age=300');
    const policy = deps.policy();
    return c.json({
      categories: policy.categories.map(({ code }) => ({
        code,
        labels: Object.fromEntries(LOCALES.map((l) => [l, labelOf('category', code, l, policy)])),
      })),
    });
  });

  app.post('/', async (c) => {
    const origin = crossOrigin(c);
    const contentType = c.req.header('content-type') ?? '';
    const body: IntakeBody = MULTIPART_TYPE.test(`${contentType};`)
      ? await readIntakeMultipart(c.req.raw, limitBytes)
      : await readJsonObject(c.req.raw, limitBytes);
    const bodyLocale = body.ok && isLocale(body.value.locale) ? body.value.locale : 'en';
    const locale = requestLocale(c.req.header('accept-language'), bodyLocale);

    if (!body.ok) {
      // Let a registered page read why (the site is unknown until the body is read).
      if (origin && (await deps.sites.knowsOrigin(origin))) allowOrigin(c, origin);
      const code = body.code === 'request.notJson' ? 'intake.mediaType' : body.code;
      return c.json(
        requestError(
          locale,
          code,
          'params' in body ? body.params : undefined,
          'path' in body ? body.path : '',
        ),
        body.status,
      );
    }
    const files = body.files ?? [];

    const siteKey = typeof body.value.site === 'string' ? body.value.site : undefined;
    const site = siteKey === undefined ? undefined : await deps.sites.get(siteKey);
    // This server's own pages (the demo) may submit for the demo site, or for a site an admin
    // registered with this very origin (the server behind the company's own domain); an Origin
    // header is easily forged outside a browser. Everyone else names a registered site — all
    // before the rate limiter, so its keys are bounded by the registered sites.
    const sameOrigin = c.req.header('origin') !== undefined && !origin;
    const own = ownOrigin(c, deps.config.trustProxy);
    if (
      sameOrigin &&
      siteKey !== undefined &&
      siteKey !== DEMO_SITE &&
      !site?.origins.includes(own)
    ) {
      return c.json(requestError(locale, 'intake.originNotAllowed', undefined, 'site'), 403);
    }
    if (siteKey !== undefined && !site && !(sameOrigin && siteKey === DEMO_SITE)) {
      return c.json(requestError(locale, 'intake.unknownSite', undefined, 'site'), 403);
    }
    if (origin) {
      if (!site?.origins.includes(origin))
        return c.json(requestError(locale, 'intake.originNotAllowed'), 403);
      allowOrigin(c, origin);
    }

    const ip = clientIp(c, deps.config.trustProxy);
    const rate = await deps.limiter.take(`${ip}\u0000${siteKey ?? ''}`);
    if (!rate.ok) {
      c.header('Retry-After', String(rate.retryAfterSeconds));
      return c.json(
        requestError(locale, 'intake.rateLimited', { seconds: rate.retryAfterSeconds }),
        429,
      );
    }

    // reportInput: issueKey tells "required" (no input) from "wrong type" by the issue's input.
    const parsed = ComplaintSubmissionSchema.safeParse(body.value, { reportInput: true });
    if (!parsed.success) {
      return c.json({ errors: toFieldErrors(parsed.error.issues, locale, message) }, 400);
    }
    const unknown = strippedKeys(body.value, parsed.data);
    if (unknown.length > 0) {
      return c.json(
        {
          errors: unknown.map((path) => ({
            path,
            code: 'validation.unknownField',
            message: message(locale, 'validation.unknownField'),
          })),
        },
        400,
      );
    }

    const submission = parsed.data;
    const spam = spamVerdict(submission, deps.minFillMs ?? MIN_FILL_MS);
    if (spam === 'honeypot') {
      deps.log.warn('intake spam discarded', { reason: spam, site: siteKey, ip });
      return c.json({ id: submission.id }, 202);
    }
    if (spam === 'tooFast') {
      deps.log.warn('intake too fast', { site: siteKey, ip });
      return c.json(requestError(locale, 'intake.tooFast'), 400);
    }

    const outcome = await deps.registrar.register(submission, {
      now: deps.now(),
      policy: deps.policy(),
      files,
      // Both checked by the registrar where numbering is serialized: concurrent submissions at
      // a limit never pass it (each accepted one is counted before the next is checked).
      dailyQuota: deps.config.intakeSiteDailyQuota,
      storageBytes: deps.config.attachmentStorageMb * 1_048_576,
    });
    if (outcome.kind === 'quotaExceeded') {
      deps.log.warn('intake daily quota reached', {
        site: siteKey,
        quota: deps.config.intakeSiteDailyQuota,
        ip,
      });
      c.header('Retry-After', '3600');
      return c.json(requestError(locale, 'intake.quotaExceeded'), 429);
    }
    if (outcome.kind === 'storageFull') {
      deps.log.error('intake attachment storage full', {
        site: siteKey,
        limitMb: deps.config.attachmentStorageMb,
        photoBytes: files.reduce((sum, f) => sum + f.size, 0),
      });
      return c.json(requestError(locale, 'intake.storageFull'), 507);
    }
    if (outcome.kind === 'conflict')
      return c.json(requestError(locale, 'intake.idReused', undefined, 'id'), 409);
    if (outcome.kind === 'refused') {
      deps.log.error('intake: workflow refused a valid submission', {
        reason: outcome.reason,
        params: outcome.params,
      });
      return c.json(requestError(locale, outcome.reason, outcome.params), 422);
    }
    if (outcome.kind === 'created') {
      for (const effect of outcome.effects)
        deps.log.info('effect', { ...effect, complaintId: submission.id });
      return c.json(outcome.answer, 201);
    }
    return c.json(outcome.answer, 200);
  });

  return app;
}
