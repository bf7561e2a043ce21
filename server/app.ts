import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Policy } from '../shared/policy/policy';
import { adminRoutes } from './api/admin';
import { complaintRoutes } from './api/complaints';
import { fileRoutes } from './api/files';
import { metaRoutes } from './api/meta';
import { reportRoutes } from './api/reports';
import { privacyRoutes } from './api/privacy';
import { staticRoutes } from './api/static-files';
import { syncRoutes } from './api/sync';
import { teamRoutes } from './api/team';
import { type AppConfig, defaultAppConfig } from './config';
import type { Database } from './db/open-database';
import { clientIp } from './http/client-ip';
import { RateLimiter } from './intake/rate-limit';
import { SharedRateLimiter } from './intake/shared-rate-limit';
import { Registrar } from './intake/registrar';
import { intakeRoutes } from './intake/route';
import { SiteDirectory } from './intake/site-directory';
import {
  type LogFields,
  type Logger,
  REFUSAL_QUIET_MS,
  RefusalCounter,
  createLogger,
  shouldLogRequest,
} from './log';
import { notifyRoutes } from './notify/routes';
import { requestError, requestLocale } from './messages';
import { type LivePolicy, livePolicy } from './policy-watch';

export interface AppOptions {
  db: Pick<Database, 'pool' | 'kind'>;
  policy: Policy;
  /** The clock (tests inject one); the rules never read the time themselves. */
  now?: () => Date;
  config?: Partial<AppConfig>;
  log?: Logger;
  /** The policy in force, shared with a watcher (several processes); else `policy`, local. */
  live?: LivePolicy;
}

/** The whole HTTP surface as a Hono app: `app.fetch` for a server, `app.request` for tests. */
export function createApp(options: AppOptions): Hono {
  const now = options.now ?? (() => new Date());
  const config: AppConfig = { ...defaultAppConfig, ...options.config };
  const log = options.log ?? createLogger();
  const { pool, kind } = options.db;
  const live = options.live ?? livePolicy(options.policy);
  const policy = () => live.get();
  const sites = new SiteDirectory(pool);
  // One PostgreSQL may serve several processes: the buckets live there. PGlite: one process.
  const limiter =
    kind === 'postgres'
      ? new SharedRateLimiter(pool, config.intakeRatePerMin, () => now().getTime())
      : new RateLimiter(config.intakeRatePerMin, () => now().getTime());

  const app = new Hono();

  // A caller's X-Request-Id (≤ 64 word characters) is kept, else a new one; echoed and logged.
  app.use(requestId({ limitLength: 64 }));
  // nosniff, frame and opener isolation, no referrer… A handler's own value wins (the widget's
  // cross-origin resource policy, the attachment download's CSP). HSTS belongs to whoever
  // terminates TLS in front of this server.
  app.use(secureHeaders({ strictTransportSecurity: false, overwrite: false }));
  const refusals = new RefusalCounter();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (!shouldLogRequest(config.logRequests, c.res.status, ms)) return;
    const ip = clientIp(c, config.trustProxy);
    let repeats: LogFields = {};
    if (config.logRequests === 'problems' && c.res.status === 401) {
      // Keyed by a digest of the credential: the log never holds a token, even a refused one.
      const credential = createHash('sha256')
        .update(c.req.header('authorization') ?? '')
        .digest('base64url')
        .slice(0, 16);
      const unlogged = refusals.next(`${ip} ${credential}`, now().getTime());
      if (unlogged === undefined) return;
      repeats = {
        ...(unlogged > 0 ? { repeats: unlogged } : {}),
        quiet: `repeats from this client and token for ${REFUSAL_QUIET_MS / 60_000} min are counted, not logged`,
      };
    }
    log.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms,
      ip,
      ...repeats,
    });
  });

  app.onError((err, c) => {
    log.error('unhandled error', { path: c.req.path, error: err.message, stack: err.stack });
    return c.json(
      requestError(requestLocale(c.req.header('accept-language')), 'server.internal'),
      500,
    );
  });
  app.notFound((c) =>
    c.json(requestError(requestLocale(c.req.header('accept-language')), 'notFound'), 404),
  );

  app.route('/api/v1', metaRoutes({ pool, kind, now, log }));
  app.route(
    '/api/v1/intake',
    intakeRoutes({
      policy,
      now,
      config,
      sites,
      limiter,
      registrar: new Registrar(pool, { serialize: kind === 'postgres' }),
      log,
    }),
  );
  app.route(
    '/api/v1',
    adminRoutes({
      pool,
      now,
      sites,
      log,
      getPolicy: policy,
      setPolicy: live.set,
    }),
  );
  app.route('/api/v1', syncRoutes({ pool, policy, now, log }));
  app.route('/api/v1', complaintRoutes({ pool, policy, now, log }));
  app.route('/api/v1', fileRoutes({ pool, now }));
  app.route('/api/v1', reportRoutes({ pool, policy, now }));
  app.route('/api/v1', privacyRoutes({ pool, policy, now, log }));
  app.route('/api/v1', notifyRoutes({ pool, policy, now, mail: Boolean(config.notify?.smtp) }));
  app.route('/api/v1', teamRoutes({ pool }));
  app.route('/', staticRoutes(config.widgetDir));
  return app;
}
