/**
 * Serves the demo page, the built widget and the stand-in intake API on 127.0.0.1.
 * `node --import tsx widget/demo/server.ts [port]` (builds the widget first when dist/ is
 * missing); the browser tests start it on a random port.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Receiver, createReceiver } from './receiver';

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));
export const INTAKE_PATH = '/api/v1/intake';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export interface Page {
  html: string;
  headers?: Record<string, string>;
}

export interface DemoServer {
  url: string;
  receiver: Receiver;
  /** Extra pages by path (tests add pages with their own headers, e.g. a strict CSP). */
  pages: Map<string, Page>;
  close(): Promise<void>;
}

export async function startDemoServer(
  options: { dist: string; port?: number; receiver?: Receiver } = {
    dist: join(DEMO_DIR, '../dist'),
  },
): Promise<DemoServer> {
  const receiver = options.receiver ?? createReceiver();
  const pages = new Map<string, Page>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === INTAKE_PATH) {
      receiver.handle(req, res).catch((err) => {
        res.writeHead(500).end(String(err));
      });
      return;
    }
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, {
        'content-type': TYPES['.html']!,
        'cache-control': 'no-store',
        ...page.headers,
      });
      res.end(page.html);
      return;
    }
    const file = path === '/' ? join(DEMO_DIR, 'index.html') : resolveFile(path, options.dist);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    receiver,
    pages,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `/widget/*` from the build, `/demo/*` from this folder; nothing outside them. */
function resolveFile(path: string, dist: string): string | undefined {
  const [, top, ...rest] = normalize(path).split('/');
  const base = top === 'widget' ? dist : top === 'demo' ? DEMO_DIR : undefined;
  if (!base || rest.some((p) => p === '..')) return undefined;
  const file = join(base, ...rest);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = join(DEMO_DIR, '../dist');
  if (!existsSync(join(dist, 'complaint-form.js'))) {
    const { buildWidget } = await import('../build');
    await buildWidget(dist);
  }
  const demo = await startDemoServer({ dist, port: Number(process.argv[2] ?? 5178) });
  console.log(`Complaint form demo: ${demo.url}/  (intake stand-in at ${demo.url}${INTAKE_PATH})`);
}
