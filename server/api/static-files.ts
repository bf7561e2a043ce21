import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const notBuilt = (what: string) =>
  `<!doctype html><meta charset="utf-8"><title>Not built</title>` +
  `<p>${what} has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>), then reload.</p>`;

/** The demo folder also holds its TypeScript stand-in server: only page assets leave it. */
const DEMO_ASSET = /\.(html|css|js|svg|png|ico)$/;

/** Headers for a file that was found (a 404 must not be cached or shared). */
const onSuccess =
  (headers: Record<string, string>): MiddlewareHandler =>
  async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };

/**
 * serveStatic over `root`, set up once the folder exists (the server may start before a build).
 * A file's `.br`/`.gz` beside it (the widget build writes them) is sent as it is: compressing
 * the script on each request cost a first visit 10–100 ms on a loaded machine, ~2 ms without.
 */
function servedFrom(root: string, prefix: string): MiddlewareHandler {
  let serve: MiddlewareHandler | undefined;
  return (c, next) => {
    if (!serve && !existsSync(root)) return next();
    serve ??= serveStatic({
      root,
      precompressed: true,
      rewriteRequestPath: (path) => path.slice(prefix.length),
    });
    return serve(c, next);
  };
}

/**
 * `/widget/*` from `widgetDir/dist` (the script, its chunks and custom-elements.json), `/demo/*`
 * (the demo page's assets) from `widgetDir/demo`, and `/` the demo page; a clear 404 when not
 * built. Hono's serveStatic refuses `..`, encoded slashes and undecodable paths.
 */
export function staticRoutes(widgetDir: string): Hono {
  const app = new Hono();
  const dist = join(widgetDir, 'dist');
  const demo = join(widgetDir, 'demo');

  app.use(
    '/widget/*',
    onSuccess({
      'Cache-Control': 'public, max-age=300',
      // Any page may load the widget: module scripts are fetched with CORS, classic ones are not
      // (and would be blocked by a same-origin resource policy).
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    }),
    compress(), // for a file without its precompressed copies (a hand-made dist)
    servedFrom(dist, '/widget'),
  );
  // "Not built" only when nothing is: a mistyped path in a built widget is a plain 404.
  app.get('/widget/*', (c) =>
    existsSync(dist) ? c.notFound() : c.html(notBuilt('This widget file'), 404),
  );

  app.get(
    '/demo/*',
    (c, next) => (DEMO_ASSET.test(c.req.path) ? next() : c.notFound()),
    servedFrom(demo, '/demo'),
  );

  // Browsers ask for it on every page: a 404 here was a "problem" log line per demo visit.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'public, max-age=86400' }));

  const page = join(demo, 'index.html');
  app.get(
    '/',
    (c, next) => (existsSync(page) ? serveStatic({ path: page })(c, next) : next()),
    (c) => c.html(notBuilt('The demo page (widget/)'), 404),
  );
  return app;
}
