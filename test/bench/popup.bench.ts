/**
 * Review queue budgets (issue 5) in the built extension, Debian Chromium (playwright-core, the
 * e2e harness): the popup page's first render of the queue — navigation start to the first page
 * of rows in the DOM (`performance.mark('cd:queue-rendered')`, set by QueueList) — median of 11
 * loads after the first at 10,000 and 100,000 complaints (and the first on its own); a status
 * filter change at 100,000, timed in the page from the `change` event to every visible row
 * showing the new status.
 *
 * Seeding is set-up, not measured: rows are built in Node by the extension's own derivation
 * (`seedStates` → `rowFor`, i.e. `reviewColumns`, the columns `deriveRow` writes) and bulk-put
 * from an extension page into the extension's IndexedDB in chunks (plain IndexedDB: the page
 * cannot import the bundled Dexie module; a put maintains every index of schema v3 the same
 * way). Each complaint gets one `registered` event, assigned ones an `assigned` event too, all
 * already synced (`pending: 0`), so the popup's live event count sees a realistic log size.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ComplaintState } from '../../shared/schema/complaint';
import {
  type Launched,
  ensureBuilt,
  launch,
  serviceWorker,
} from '../support/extension/browser-harness';
import { rowFor, seedStates } from '../support/extension/review-db';
import type { BenchRow } from './row';

const ENV = 'Chromium';
// Loads per size after the first. One load swings 60–130 ms on this machine, and the median of 5
// moved by ±20 ms from run to run (66, 108, 96, 104 ms quiet); of 11, less.
const LOADS = 11;
const CHUNK = 2_500;

declare const chrome: { storage: { local: { set(v: object): Promise<void> } } };

type Ev = {
  id: string;
  complaintId: string;
  type: string;
  at: string;
  actor: { id: string; name: string; role: string };
  payload: Record<string, unknown>;
  seq: number;
  pending: 0;
};

let seq = 0;
function eventsFor(s: ComplaintState): Ev[] {
  const actor = { id: 'u-bench', name: 'Bench', role: 'agent' };
  const base = s.id.slice(0, 24);
  const n = s.id.slice(24);
  const out: Ev[] = [
    {
      id: `${base.replace('8000', '9000')}${n}`,
      complaintId: s.id,
      type: 'registered',
      at: s.receivedAt,
      actor,
      payload: {},
      seq: ++seq,
      pending: 0,
    },
  ];
  if (s.assignment)
    out.push({
      id: `${base.replace('8000', 'a000')}${n}`,
      complaintId: s.id,
      type: 'assigned',
      at: s.assignment.at,
      actor,
      payload: {},
      seq: ++seq,
      pending: 0,
    });
  return out;
}

/** Bulk-puts rows and events into the extension's database from an extension page. */
async function put(page: Page, states: readonly ComplaintState[], now: Date): Promise<void> {
  for (let i = 0; i < states.length; i += CHUNK) {
    const slice = states.slice(i, i + CHUNK);
    const rows = slice.map((s) => rowFor(s, now));
    const events = slice.flatMap(eventsFor);
    await page.evaluate(
      ({ rows, events, lastSeq }) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('complaint-desk');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction(['complaints', 'events', 'meta'], 'readwrite', {
              durability: 'relaxed',
            });
            const complaints = tx.objectStore('complaints');
            for (const r of rows) complaints.put(r);
            const evs = tx.objectStore('events');
            for (const e of events) evs.put(e);
            tx.objectStore('meta').put({ key: 'eventSeq', value: lastSeq });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { rows, events, lastSeq: seq },
    );
  }
}

/**
 * Navigation start → first page of rows in the DOM: the first load of the run (the popup's
 * script not yet in V8's code cache: how an open after installing or updating feels) and the
 * median of `LOADS` loads after it (every other open).
 */
async function firstRender(b: Launched): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    const p = await b.ctx.newPage();
    await p.goto(`chrome-extension://${b.extensionId}/popup.html`);
    // (No named functions inside page.evaluate: tsx would wrap them in its `__name` helper.)
    const ms = await p.evaluate(async () => {
      const started = performance.now();
      for (;;) {
        const mark = performance.getEntriesByName('cd:queue-rendered')[0];
        if (mark && document.querySelector('[data-complaint-id]')) return mark.startTime;
        if (performance.now() - started > 30_000) throw new Error('no rows rendered');
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    // Let the counts and live queries that follow the first render finish before closing.
    await p.locator('.rv-count').first().waitFor({ timeout: 30_000 });
    await p.close();
    times.push(ms);
  }
  const [first, ...rest] = times;
  rest.sort((a, c) => a - c);
  return { first: first!, median: rest[Math.floor(rest.length / 2)]! };
}

/**
 * Status filter changes in one open popup, timed in the page: `change` dispatched → every row on
 * screen shows the new status (MutationObserver). Median of the runs after a warm-up change.
 */
async function filterChange(b: Launched): Promise<number> {
  const p = await b.ctx.newPage();
  await p.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await p.locator('.rv-count').first().waitFor({ timeout: 30_000 });
  const statuses = ['in_progress', 'assigned', 'registered', 'awaiting_approval', 'follow_up'];
  const times: number[] = [];
  for (const [i, value] of [...statuses, ...statuses].entries()) {
    const ms = await p.evaluate(
      (value) =>
        new Promise<number>((resolve, reject) => {
          const select = document.querySelector<HTMLSelectElement>('#rv-f-statuses')!;
          const label = [...select.options].find((o) => o.value === value)?.textContent?.trim();
          const list = document.querySelector('.rv-list')!;
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`rows never showed ${value}`));
          }, 30_000);
          const observer = new MutationObserver(() => {
            const shown = [...list.querySelectorAll('.rv-item .rv-st')];
            if (shown.length === 0 || !shown.every((el) => el.textContent === label)) return;
            const end = performance.now();
            observer.disconnect();
            clearTimeout(timer);
            resolve(end - start);
          });
          observer.observe(list, { childList: true, subtree: true, characterData: true });
          const start = performance.now();
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }),
      value,
    );
    if (i > 0) times.push(ms);
  }
  // Back to every status, so a remembered filter does not narrow later loads.
  await p.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('#rv-f-statuses')!;
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await p.waitForTimeout(500); // the remembered settings are saved
  await p.close();
  times.sort((a, c) => a - c);
  return times[Math.floor(times.length / 2)]!;
}

export async function bench(): Promise<BenchRow[]> {
  const ext = ensureBuilt('e2e');
  const b = await launch(ext);
  try {
    const sw = await serviceWorker(b.ctx);
    // The worker's first start stores default settings; make them deterministic.
    await sw.evaluate(async () =>
      chrome.storage.local.set({
        settings: { userId: 'u-7', userName: 'Handler 7', role: 'supervisor', locale: 'en' },
      }),
    );
    const now = new Date();
    // BENCH_POPUP_SCALE=0.1 runs a quick smoke version (1k / 10k rows) while editing.
    const scale = Number(process.env.BENCH_POPUP_SCALE ?? 1);
    const small = Math.round(10_000 * scale);
    const all = seedStates(Math.round(100_000 * scale), now);
    // An extension page opens the database first, so Dexie creates schema v3 before the puts.
    const seeder = await b.ctx.newPage();
    await seeder.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await seeder.locator('.rv-status').waitFor();
    await seeder.waitForFunction(() => !document.body.textContent?.includes('Loading'));

    const rows: BenchRow[] = [];
    await put(seeder, all.slice(0, small), now);
    const atSmall = await firstRender(b);
    rows.push(
      {
        metric: `popup first render, ${small / 1000}k (${ENV})`,
        value: atSmall.median,
        unit: 'ms',
        // Issue 15's goal. The first page costs the same at any size (one getAll of 51 rows).
        budget: 100,
      },
      {
        metric: `popup first render, ${small / 1000}k, first open of the run (${ENV})`,
        value: atSmall.first,
        unit: 'ms',
        // Its script compiled without V8's code cache: once per install or update of the
        // extension (126–188 ms when this row came).
        budget: 250,
      },
    );
    await put(seeder, all.slice(small), now);
    await seeder.close();
    rows.push({
      metric: `popup first render, ${all.length / 1000}k (${ENV})`,
      value: (await firstRender(b)).median,
      unit: 'ms',
      // The same 51 rows as at 10k; the margin is for a ten times larger database to open.
      budget: 150,
    });
    rows.push({
      metric: `popup filter change, ${all.length / 1000}k (${ENV})`,
      value: await filterChange(b),
      unit: 'ms',
      budget: 100,
    });
    return rows;
  } finally {
    await b.ctx.close().catch(() => undefined);
    rmSync(b.profileDir, { recursive: true, force: true });
  }
}
