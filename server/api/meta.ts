import { Hono } from 'hono';
import type { Pool } from 'pg';
import type { Logger } from '../log';
import { jsonSchemas } from './json-schemas';
import { openApiDocument } from './openapi';

/** `/healthz`, `/schema`, `/openapi.json`: public, no token. */
export function metaRoutes({
  pool,
  kind,
  now,
  log,
}: {
  pool: Pool;
  kind: string;
  now: () => Date;
  log: Logger;
}) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await pool.query('SELECT 1');
      return c.json({ status: 'ok', database: kind, time: now().toISOString() });
    } catch (err) {
      log.error('healthz: database unreachable', { error: (err as Error).message });
      return c.json({ status: 'unavailable', database: kind }, 503);
    }
  });
  app.get('/schema', (c) => c.json(jsonSchemas().submission));
  app.get('/openapi.json', (c) => c.json(openApiDocument(new URL(c.req.url).origin)));
  return app;
}
