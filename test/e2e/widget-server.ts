/**
 * The real team server for the widget's browser tests and bench: the server's own app (intake,
 * photos, CORS, static files with its cache and security headers) on an in-memory PGlite,
 * serving the built widget at /widget/ and test pages at the paths given. `restart()` stops
 * listening and starts again on the same port over the same database, like a server restart.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app';
import { addSite } from '../../server/store/sites';
import { migrate } from '../../server/db/migrate';
import { type Database, openDatabase } from '../../server/db/open-database';
import { silentLogger } from '../../server/log';
import { defaultPolicy } from '../../shared/policy/default-policy';

export interface TestPage {
  html: string;
  headers?: Record<string, string> | undefined;
}

/** One request to the intake as the server answered it (what the browser sent, not a copy). */
export interface IntakeRequest {
  status: number;
  origin: string | undefined;
  /** The submission JSON (the body, or the multipart `submission` part). */
  body: Record<string, unknown>;
  /** The multipart `images` parts. */
  files: { name: string; type: string; bytes: Buffer }[];
}

export interface WidgetServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  db: Database;
  /** Test pages by path, served before the app's own routes (on any host name). */
  pages: Map<string, TestPage>;
  /** Every POST to the intake, in order, with the status the server gave it. */
  intake: IntakeRequest[];
  /** Stops answering (connections refused) until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startWidgetServer({ dist }: { dist: string }): Promise<WidgetServer> {
  const db = await openDatabase({ memory: true });
  await migrate(db.pool);
  // The server serves `<widgetDir>/dist`: point it at the build under test.
  const widgetDir = mkdtempSync(join(tmpdir(), 'cd-widget-site-'));
  symlinkSync(dist, join(widgetDir, 'dist'));
  const pages = new Map<string, TestPage>();
  const intake: IntakeRequest[] = [];

  const app = () => {
    const outer = new Hono();
    outer.get('*', (c, next) => {
      const page = pages.get(c.req.path);
      return page
        ? c.html(page.html, 200, { 'Cache-Control': 'no-store', ...page.headers })
        : next();
    });
    outer.post('/api/v1/intake', async (c, next) => {
      const request = c.req.raw.clone();
      await next();
      const files: IntakeRequest['files'] = [];
      let body: Record<string, unknown> = {};
      if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
        const form = await request.formData();
        body = JSON.parse(String(form.get('submission')));
        for (const image of form.getAll('images') as File[])
          files.push({
            name: image.name,
            type: image.type,
            bytes: Buffer.from(await image.arrayBuffer()),
          });
      } else {
        const text = await request.text();
        body = text.startsWith('{') ? JSON.parse(text) : { text };
      }
      intake.push({
        status: c.res.status,
        origin: request.headers.get('origin') ?? undefined,
        body,
        files,
      });
    });
    outer.route(
      '/',
      createApp({
        db,
        policy: defaultPolicy,
        log: silentLogger,
        config: { widgetDir, intakeRatePerMin: 10_000 },
      }),
    );
    return outer;
  };

  let server: Server | undefined = await listen(app(), 0);
  const port = (server.address() as AddressInfo).port;
  // The test pages are served from the server's own origin: the sites they name are registered
  // for it, as an admin would for a website served behind the same domain.
  for (const key of ['test', 'shop', 'site-en', 'site-zh-CN'])
    await addSite(db.pool, key, [`http://127.0.0.1:${port}`], new Date());
  const stop = async () => {
    const s = server;
    server = undefined;
    if (s)
      await new Promise<void>((ok) => {
        s.closeAllConnections();
        s.close(() => ok());
      });
  };
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    pages,
    intake,
    stop,
    async start() {
      server ??= await listen(app(), port);
    },
    async close() {
      await stop();
      await db.close();
      rmSync(widgetDir, { recursive: true, force: true });
    },
  };
}

function listen(app: Hono, port: number): Promise<Server> {
  return new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
}
