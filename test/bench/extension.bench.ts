/**
 * Extension bench rows: capture latency from trigger to committed transaction (p50/p95 over
 * 200 captures in the built extension, Debian Chromium) and built sizes per entrypoint (gzip -9,
 * the entry plus every chunk and stylesheet it loads).
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ensureBuilt,
  launch,
  selectText,
  serve,
  serviceWorker,
} from '../support/extension/browser-harness';
import type { BenchRow } from './row';

const CAPTURES = 200;
const WARMUP = 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function captureLatency(): Promise<BenchRow[]> {
  const ext = ensureBuilt('e2e');
  const server = await serve({
    '/bench.html': `<!doctype html><html lang="en"><head><title>Bench</title></head><body><p id="c">${'The washing machine arrived dented and the driver was rude. '.repeat(8)}</p></body></html>`,
  });
  const b = await launch(ext);
  try {
    const page = await b.ctx.newPage();
    await page.goto(`${server.origin}/bench.html`);
    await selectText(page, '#c');
    const sw = await serviceWorker(b.ctx);
    const times = await sw.evaluate(
      async ({ n, warmup }) => {
        type Api = { onCommand(c: string, t: object): Promise<unknown> };
        const api = (globalThis as never as { __complaintDesk: Api }).__complaintDesk;
        const tabs = await (
          globalThis as never as {
            chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
          }
        ).chrome.tabs.query({});
        const id = tabs.find((t) => t.url?.includes('/bench.html'))?.id;
        const out: number[] = [];
        for (let i = 0; i < n + warmup; i++) {
          const start = performance.now();
          await api.onCommand('capture', { id }); // resolves with the ack, sent after the commit
          if (i >= warmup) out.push(performance.now() - start);
        }
        return out;
      },
      { n: CAPTURES, warmup: WARMUP },
    );
    const sorted = [...times].sort((a, c) => a - c);
    return [
      {
        metric: `extension capture → committed p50 (${CAPTURES} captures)`,
        value: percentile(sorted, 50),
        unit: 'ms',
        budget: 50,
      },
      // Target from issue 4: the agent must never wait on a capture.
      {
        metric: `extension capture → committed p95 (${CAPTURES} captures)`,
        value: percentile(sorted, 95),
        unit: 'ms',
        budget: 100,
      },
    ];
  } finally {
    await b.ctx.close();
    rmSync(b.profileDir, { recursive: true, force: true });
    await server.close();
  }
}

const IMPORT = /(?:from|import)\s*["']([^"']+\.js)["']|(?:src|href)="([^"]+\.(?:js|css))"/g;

/** The entry file and everything it statically loads, gzipped one by one. */
function entrySize(dir: string, entry: string): number {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    if (file.endsWith('.css')) return;
    for (const m of text.matchAll(IMPORT)) {
      const ref = (m[1] ?? m[2])!;
      const base =
        file.includes('/') && ref.startsWith('./') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
      visit(
        ref.startsWith('/')
          ? ref.slice(1)
          : (base + ref.replace(/^\.\//, '')).replace(/^chunks\/chunks\//, 'chunks/'),
      );
    }
  };
  visit(entry);
  let total = 0;
  for (const f of seen)
    if (!f.endsWith('.html')) total += gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  return total;
}

/**
 * KB gzip per entry. The popup opens on every click of the toolbar button: 60 KB is issue 15's
 * goal (zod and the large catalogues out of its first render). The others are what they weighed
 * when budgets were set, plus ~10% room, so growth is a decision, not a drift.
 */
const SIZE_BUDGET_KB: Record<string, number> = {
  popup: 60,
  background: 105,
  'capture-page': 35,
  'content-scripts/webmail': 4,
  offscreen: 40,
};
/** Pages not listed above (case, options, register, report, side panel): ~105 KB today. */
const PAGE_BUDGET_KB = 120;

function builtSizes(): BenchRow[] {
  const dir = ensureBuilt('production');
  const entries = [
    'background.js',
    'capture-page.js',
    'content-scripts/webmail.js',
    ...readdirSync(dir).filter((f) => f.endsWith('.html')),
  ];
  return entries.map((entry) => {
    const name = entry.replace(/\.(html|js)$/, '');
    return {
      metric: `extension ${name} (gzip)`,
      value: Math.round(entrySize(dir, entry) / 102.4) / 10,
      unit: 'KB',
      budget: SIZE_BUDGET_KB[name] ?? PAGE_BUDGET_KB,
    };
  });
}

export async function bench(): Promise<BenchRow[]> {
  return [...builtSizes(), ...(await captureLatency())];
}
