import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where the demo page may be, first found wins (widget/demo/index.html today). */
const DEMO_CANDIDATES = ['demo/index.html', 'dist/index.html', 'dist/demo.html'];

async function fileIn(root: string, relative: string): Promise<string | undefined> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    return (await stat(path)).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The file under `folder` that the rest of the path after `prefix` names, of a type served here. */
async function servable(
  folder: string,
  prefix: string,
  requestPath: string,
): Promise<string | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(requestPath.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (!relative || !TYPES[extname(relative)]) return undefined;
  return fileIn(folder, relative);
}

const notBuilt = (what: string) =>
  `<!doctype html><meta charset="utf-8"><title>Not built</title>` +
  `<p>${what} has not been built yet. Run <code>npm run build</code> (or <code>npm start</code>), then reload.</p>`;

/**
 * `/widget/*` from `widgetDir/dist`, `/demo/*` (the demo page's assets) from `widgetDir/demo`,
 * and `/` the demo page; a clear 404 when not built. Only the listed file types are served
 * (never the demo's TypeScript).
 */
export function staticRoutes(widgetDir: string): Hono {
  const app = new Hono();
  const root = normalize(widgetDir);
  const dist = normalize(join(root, 'dist'));
  const demo = normalize(join(root, 'demo'));

  app.get('/widget/*', async (c) => {
    const path = await servable(dist, '/widget/', c.req.path);
    if (!path) return c.html(notBuilt('This widget file'), 404);
    c.header('Content-Type', TYPES[extname(path)]!);
    c.header('Cache-Control', 'public, max-age=300');
    // Any page may load the widget script (module scripts are fetched with CORS).
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(await readFile(path));
  });

  app.get('/demo/*', async (c) => {
    const path = await servable(demo, '/demo/', c.req.path);
    if (!path)
      return c.json({ errors: [{ path: '', code: 'notFound', message: 'Not found.' }] }, 404);
    c.header('Content-Type', TYPES[extname(path)]!);
    return c.body(await readFile(path));
  });

  app.get('/', async (c) => {
    for (const candidate of DEMO_CANDIDATES) {
      const path = await fileIn(root, candidate);
      if (path) return c.html(await readFile(path, 'utf8'));
    }
    return c.html(notBuilt('The demo page (widget/)'), 404);
  });

  return app;
}
