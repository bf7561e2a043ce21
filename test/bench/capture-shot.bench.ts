/**
 * Capture → committed p95 WITH a screenshot (the default since issue 11): the built extension in
 * Debian Chromium, 50 captures through the service's own path with `screenshot: true`; the
 * stored screenshot count is checked so the row cannot silently measure captures without one.
 */
import { rmSync } from 'node:fs';
import {
  ensureBuilt,
  launch,
  selectText,
  serve,
  serviceWorker,
} from '../../extension/test-helpers/browser-harness';
import type { BenchRow } from './row';

const CAPTURES = 50;
const WARMUP = 5;

export async function bench(): Promise<BenchRow[]> {
  const ext = ensureBuilt('e2e');
  const server = await serve({
    '/shot.html': `<!doctype html><html lang="en"><head><title>Bench</title></head><body><p id="c">${'The kettle leaks from the base and support never called back. '.repeat(12)}</p></body></html>`,
  });
  const b = await launch(ext);
  try {
    const page = await b.ctx.newPage();
    await page.goto(`${server.origin}/shot.html`);
    await selectText(page, '#c');
    const sw = await serviceWorker(b.ctx);
    const { times, shots } = await sw.evaluate(
      async ({ n, warmup }) => {
        type Api = {
          service: { capture(r: object, t: object): Promise<{ complaintId: string }> };
        };
        const g = globalThis as never as {
          __complaintDesk: Api;
          chrome: {
            tabs: { query(q: object): Promise<{ id?: number; windowId?: number; url?: string }[]> };
          };
        };
        const tab = (await g.chrome.tabs.query({})).find((t) => t.url?.includes('/shot.html'))!;
        const out: number[] = [];
        for (let i = 0; i < n + warmup; i++) {
          const start = performance.now();
          await g.__complaintDesk.service.capture(
            { trigger: 'popup', screenshot: true },
            { id: tab.id, windowId: tab.windowId, url: tab.url },
          );
          if (i >= warmup) out.push(performance.now() - start);
        }
        const db = await new Promise<IDBDatabase>((ok, ko) => {
          const r = indexedDB.open('complaint-desk');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        const shots = await new Promise<number>((ok) => {
          const r = db.transaction('attachments').objectStore('attachments').count();
          r.onsuccess = () => ok(r.result);
        });
        return { times: out, shots };
      },
      { n: CAPTURES, warmup: WARMUP },
    );
    if (shots < CAPTURES)
      throw new Error(`only ${shots} screenshots stored for ${CAPTURES + WARMUP} captures`);
    const sorted = [...times].sort((a, c) => a - c);
    return [
      {
        metric: `extension capture + screenshot → committed p95 (${CAPTURES} captures)`,
        value: Math.round(sorted[Math.ceil(0.95 * sorted.length) - 1]! * 10) / 10,
        unit: 'ms',
        // A visible-tab capture and a JPEG re-encode: allowed well above the 100 ms text capture.
        budget: 400,
      },
    ];
  } finally {
    await b.ctx.close();
    rmSync(b.profileDir, { recursive: true, force: true });
    await server.close();
  }
}
