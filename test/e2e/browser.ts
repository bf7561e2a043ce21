/**
 * Shared pieces of the browser tests: Debian Chromium through playwright-core (flags from
 * docs/toolchain.md), the widget built once per source state, the real server on 127.0.0.1 (or the
 * stand-in intake where a test scripts a fault), screenshots to test/e2e/out/, and an axe-core
 * check.
 *
 * No browser, no silent skip: a missing Chromium fails the suite with how to install it.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { chromiumPath as browserPath, missingBrowserHint } from '../../scripts/browser';
import { cachedBuild } from '../../widget/build';
import { type DemoServer, startDemoServer } from '../../widget/demo/server';
import { type WidgetServer, startWidgetServer } from './widget-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUT_DIR = join(ROOT, 'test/e2e/out');

/** The Chromium binary: CHROMIUM_PATH, else Debian's. Throws how to get one when missing. */
export function chromiumPath(): string {
  const path = browserPath();
  if (!existsSync(path)) throw new Error(missingBrowserHint());
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Harness {
  browser: Browser;
  server: WidgetServer;
  close(): Promise<void>;
}

/** Browser + the real server (PGlite in memory) serving the widget build, for one test file. */
export async function startHarness(): Promise<Harness> {
  const browser = await launchBrowser();
  const server = await startWidgetServer({ dist: await cachedBuild() });
  return {
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface StandInHarness {
  browser: Browser;
  server: DemoServer;
  close(): Promise<void>;
}

/**
 * Browser + the stand-in receiver (widget/demo/receiver.ts), only for faults the real server
 * cannot produce on demand: scripted 5xx and 400 answers. `receiver.minFillMs` is 0.
 */
export async function startStandInHarness(): Promise<StandInHarness> {
  const browser = await launchBrowser();
  const dist = await cachedBuild();
  const server = await startDemoServer({ dist });
  server.receiver.minFillMs = 0;
  return {
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until the visitor has spent longer on the form than the server's bot threshold (3 s
 * from the form's first render to "Review"); call it before the last click on "Review".
 */
export const pastBotThreshold = (page: Page) =>
  page.waitForFunction(() => {
    // The widget times the fill from its own first render, which on a loaded machine comes well
    // after navigation: count from when its scripts had arrived.
    const arrived = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/widget/'))
      .map((e) => (e as PerformanceResourceTiming).responseEnd);
    return performance.now() > Math.max(0, ...arrived) + 3_500;
  });

/** A test page embedding the widget, served at `path`. */
export function widgetPage(
  server: { url: string; pages: Map<string, { html: string; headers?: Record<string, string> }> },
  path: string,
  {
    attrs = '',
    head = '<script type="module" src="/widget/complaint-form.js"></script>',
    lang = 'en',
    headers,
  }: { attrs?: string; head?: string; lang?: string; headers?: Record<string, string> } = {},
): string {
  server.pages.set(path, {
    headers,
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Widget test</title>${head}</head>
<body><main><h1>Test page</h1><complaint-form endpoint="/api/v1/intake" ${/\bsite=/.test(attrs) ? '' : 'site="test" '}${attrs}></complaint-form></main></body></html>`,
  });
  return `${server.url}${path}`;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

/** axe-core violations on the page (open shadow roots included), as short readable lines. */
export async function axeCheck(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: AXE }).catch(() => undefined);
    // A strict CSP page blocks the inline tag; evaluate through DevTools instead.
    if (!(await page.evaluate(() => 'axe' in window)))
      await page.evaluate(readFileSync(AXE, 'utf8'));
  }
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(ctx: Document): Promise<{
          violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const r = await w.axe.run(document);
    return r.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
  return violations;
}

/** Records the widget's events (they are composed, so they reach `document`) in `window.__events`. */
export async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __events: { type: string; detail: unknown }[] };
    w.__events = [];
    for (const type of [
      'complaint-submit',
      'complaint-submitted',
      'complaint-queued',
      'complaint-error',
    ]) {
      document.addEventListener(type, (e) =>
        w.__events.push({ type, detail: (e as CustomEvent).detail }),
      );
    }
  });
}

export const events = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __events: { type: string; detail: Record<string, unknown> }[] })
        .__events,
  );

/** What has focus inside the widget: `tag#id.class`. */
export const focused = (page: Page) =>
  page.locator('complaint-form').evaluate((el) => {
    const a = el.shadowRoot?.activeElement;
    return a
      ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.className ? `.${a.className}` : ''}`
      : '';
  });

export type { Browser, BrowserContext, Page };
