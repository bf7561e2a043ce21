/**
 * Browser-test harness: builds the extension when missing or stale, launches Debian Chromium
 * with it unpacked (playwright-core), serves local pages on 127.0.0.1, kills and relaunches.
 * Used by test/e2e/extension*.test.ts and test/bench/extension.bench.ts.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Worker, chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const EXT_DIR = join(ROOT, 'extension');

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with \`apt-get install -y chromium\` (CI does) or set CHROMIUM_PATH. Browser tests are never skipped.`,
    );
  }
  return path;
}

function newestMtime(dir: string, skip: (name: string) => boolean): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (skip(name)) continue;
    const full = join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full, skip) : st.mtimeMs);
  }
  return newest;
}

const SKIP = (name: string) =>
  ['.output', '.wxt', 'node_modules', 'test-helpers'].includes(name) || /\.test\.tsx?$/.test(name);

/**
 * The built Chrome extension folder. `e2e` mode adds host permissions for 127.0.0.1 and the
 * Gmail origin, standing in for the activeTab grant that only a real user gesture gives.
 */
export function ensureBuilt(mode: 'production' | 'e2e' = 'e2e'): string {
  const out = join(EXT_DIR, '.output', mode === 'production' ? 'chrome-mv3' : `chrome-mv3-${mode}`);
  const manifest = join(out, 'manifest.json');
  const sources = Math.max(newestMtime(EXT_DIR, SKIP), newestMtime(join(ROOT, 'shared'), SKIP));
  if (existsSync(manifest) && statSync(manifest).mtimeMs > sources) return out;
  const lock = join(EXT_DIR, '.output', `.build-${mode}.lock`);
  mkdirSync(join(EXT_DIR, '.output'), { recursive: true });
  const start = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - start > 120_000) rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
      if (existsSync(manifest) && statSync(manifest).mtimeMs > sources) return out;
    }
  }
  try {
    const args = ['build', 'extension', ...(mode === 'production' ? [] : ['--mode', mode])];
    // Under vitest NODE_ENV is `test` (and unset under the bench), and the JSX transform would
    // then keep dev source info (file names: ~9 KB more for the popup to parse): both builds are
    // built as production, so the browser tests and the bench run the code users get. The e2e
    // build differs by its mode alone (TEST_HOOKS, the test hosts).
    const env = { ...process.env, NODE_ENV: 'production' };
    const r = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), args, {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    if (r.status !== 0) throw new Error(`wxt ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return out;
}

/** What only the e2e build may contain: the background's hooks and the relay's message keys. */
const TEST_HOOK_MARKERS = ['__complaintDesk', 'cdE2e'];

/** Files of a built extension (relative paths) that contain a test hook. */
export function filesWithTestHooks(dir: string): string[] {
  const found: string[] = [];
  const visit = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) visit(rel);
      else if (/\.(js|html|json)$/.test(name)) {
        const text = readFileSync(join(dir, rel), 'utf8');
        if (TEST_HOOK_MARKERS.some((m) => text.includes(m))) found.push(rel);
      }
    }
  };
  visit('');
  return found;
}

/**
 * The e2e build worker's `globalThis.__complaintDesk` (extension/background/index.ts) as tests
 * that seed complaints use it: `append` goes through the same path as the app (fold, snapshot,
 * columns).
 */
export type SeedHooks = {
  __complaintDesk: {
    append(id: string, events: unknown[]): Promise<{ appended: boolean; rejected: unknown[] }>;
  };
};

export interface Launched {
  ctx: BrowserContext;
  sw: Worker;
  extensionId: string;
  profileDir: string;
}

export async function launch(
  ext: string,
  profileDir = mkdtempSync(join(tmpdir(), 'cd-ext-')),
): Promise<Launched> {
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 420, height: 720 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  // Fail with the step that hung, well inside vitest's own timeout.
  ctx.setDefaultTimeout(8_000);
  const sw = await serviceWorker(ctx);
  return { ctx, sw, extensionId: new URL(sw.url()).host, profileDir };
}

/** The extension's current service worker (a new one after a stop or a relaunch). */
export async function serviceWorker(ctx: BrowserContext): Promise<Worker> {
  const live = ctx.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  return live.at(-1) ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
}

/** Kills the browser's main process (SIGKILL): no shutdown, no flush beyond what was committed. */
export function killBrowser(profileDir: string): number {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmd.split('\0');
    if (
      args.some((a) => a === `--user-data-dir=${profileDir}`) &&
      !args.some((a) => a.startsWith('--type='))
    ) {
      process.kill(Number(pid), 'SIGKILL');
      return Number(pid);
    }
  }
  throw new Error(`No browser process for ${profileDir}`);
}

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves fixed pages on 127.0.0.1 only. */
export async function serve(pages: Record<string, string>): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Every row of the extension's database, read with plain IndexedDB from an extension page. */
export async function readDb(page: Page): Promise<{
  complaints: Record<string, unknown>[];
  events: Record<string, unknown>[];
  drafts: Record<string, unknown>[];
}> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('complaint-desk');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = ['complaints', 'events', 'drafts'] as const;
          const tx = db.transaction([...names], 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => {
              out[name] = r.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as never);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Selects the text of the first element matching `selector` in the page. */
/**
 * Evaluates `expression` (awaited, returned by value) in the extension's content-script world
 * of `page` — where a compromised or curious content script would run — through CDP, which
 * lists that isolated world as an execution context with the extension's origin.
 */
export async function evaluateInContentScript<T>(
  page: Page,
  extensionId: string,
  expression: string,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`,
    );
    if (!world) throw new Error(`no content script of ${extensionId} runs in ${page.url()}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`content script: ${exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

export async function selectText(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const range = document.createRange();
    range.selectNodeContents(el);
    const s = getSelection()!;
    s.removeAllRanges();
    s.addRange(range);
  }, selector);
}

export const AXE_SOURCE = () =>
  readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core violations of an extension page (evaluated over CDP, which the page CSP does not block). */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; help: string; nodes: number }[]> {
  const loaded = await page.evaluate(
    () => typeof (globalThis as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.evaluate(AXE_SOURCE());
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
  });
}
