/**
 * Extension bench rows: capture latency from trigger to committed transaction (p50/p95 in the
 * built extension, Debian Chromium), without and with the visible-tab screenshot, and built sizes
 * per entrypoint (gzip -9, the entry plus every chunk and stylesheet it loads; budgets in
 * test/support/extension/sizes.ts, which extension/size.test.ts checks on every run).
 */
import { rmSync } from 'node:fs';
import {
  ensureBuilt,
  launch,
  selectText,
  serve,
  serviceWorker,
} from '../support/extension/browser-harness';
import { firstLoadSizes } from '../support/extension/sizes';
import type { BenchRow } from './row';

const CAPTURES = 200;
/** Fewer: Chrome allows two captureVisibleTab calls a second, so these are paced. */
const SHOT_CAPTURES = 60;
const WARMUP = 10;
/** Start-to-start gap under Chrome's MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND (2). */
const SHOT_GAP_MS = 550;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Series {
  times: number[];
  /** Screenshot rows the database gained during the series. */
  shots: number;
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
    // Screenshot rows in the database (no named functions inside: tsx would wrap them in __name).
    const countShots = () =>
      sw.evaluate(
        () =>
          new Promise<number>((ok, ko) => {
            const r = indexedDB.open('complaint-desk');
            r.onerror = () => ko(r.error);
            r.onsuccess = () => {
              const q = r.result.transaction('attachments').objectStore('attachments').count();
              q.onsuccess = () => {
                r.result.close();
                ok(q.result);
              };
            };
          }),
      );
    // The same path as the keyboard command; the options' screenshot switch decides, as for an
    // agent. The e2e build's `<all_urls>` stands in for the activeTab grant of a real press.
    const series = async (n: number, screenshot: boolean, gap: number): Promise<Series> => {
      const before = await countShots();
      const times = await sw.evaluate(
        async ({ n, warmup, screenshot, gap }): Promise<number[]> => {
          type Api = { onCommand(c: string, t: object): Promise<unknown> };
          type Chrome = {
            tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
            storage: {
              local: {
                get(k: string): Promise<Record<string, object>>;
                set(v: object): Promise<void>;
              };
            };
          };
          const api = (globalThis as never as { __complaintDesk: Api }).__complaintDesk;
          const chrome = (globalThis as never as { chrome: Chrome }).chrome;
          const { settings } = await chrome.storage.local.get('settings');
          await chrome.storage.local.set({ settings: { ...settings, screenshot } });
          const id = (await chrome.tabs.query({})).find((t) => t.url?.includes('/bench.html'))?.id;
          const out: number[] = [];
          let last = 0;
          for (let i = 0; i < n + warmup; i++) {
            const wait = last + gap - performance.now();
            if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
            const start = performance.now();
            last = start;
            await api.onCommand('capture', { id }); // resolves with the ack, sent after the commit
            if (i >= warmup) out.push(performance.now() - start);
          }
          return out;
        },
        { n, warmup: WARMUP, screenshot, gap },
      );
      return { times, shots: (await countShots()) - before };
    };
    const plain = await series(CAPTURES, false, 0);
    const shot = await series(SHOT_CAPTURES, true, SHOT_GAP_MS);
    // A refused captureVisibleTab is swallowed (the capture must not fail for it): check that
    // every capture of the second series really stored its screenshot, and none of the first.
    if (plain.shots !== 0) throw new Error(`${plain.shots} screenshots with the option off`);
    if (shot.shots !== SHOT_CAPTURES + WARMUP)
      throw new Error(`${shot.shots} of ${SHOT_CAPTURES + WARMUP} captures stored a screenshot`);
    const rows = (s: Series, label: string, budgets: [number, number]): BenchRow[] => {
      const sorted = [...s.times].sort((a, c) => a - c);
      return [50, 95].map((p, i) => ({
        metric: `extension capture → committed p${p} (${s.times.length} captures, ${label})`,
        value: percentile(sorted, p),
        unit: 'ms',
        budget: budgets[i]!,
      }));
    };
    return [
      // Target from issue 4: the agent must never wait on a capture.
      ...rows(plain, 'no screenshot', [50, 100]),
      // No target set: measured under load on 2 shared cores (capture + downscale + the JPEG
      // in the journal and the transaction), with headroom.
      ...rows(shot, 'with screenshot', [150, 300]),
    ];
  } finally {
    await b.ctx.close();
    rmSync(b.profileDir, { recursive: true, force: true });
    await server.close();
  }
}

function builtSizes(): BenchRow[] {
  return firstLoadSizes(ensureBuilt('production')).map((s) => ({
    metric: `extension ${s.name} (gzip)`,
    value: Math.round(s.bytes / 102.4) / 10,
    unit: 'KB',
    budget: s.budgetKb,
  }));
}

export async function bench(): Promise<BenchRow[]> {
  return [...builtSizes(), ...(await captureLatency())];
}
