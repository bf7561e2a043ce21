/**
 * Review queue budgets (issue 5): the popup's first meaningful render — the first page queried
 * from the seeded database and rendered — within 150 ms at 10,000 complaints and 300 ms at
 * 100,000; a filter change within 100 ms at 100,000.
 *
 * Runs in Node: fake-indexeddb stands in for IndexedDB and happy-dom for the page, both much
 * slower than Chromium's (fake-indexeddb clones every row it reads in JavaScript), so these
 * figures are upper bounds; the row names say so. Seeding 100,000 rows into fake-indexeddb
 * takes minutes — that is set-up, not measured.
 */
import 'fake-indexeddb/auto';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { DEFAULT_SETTINGS, type QueueSettings } from '../../shared/review/index';
import {
  slaCountsFromDb,
  dexieQueueSource,
  statusCounts,
  queuePage,
} from '../../extension/queue/queries';
import { QueueList, type QueueSource } from '../../extension/queue/queue-list';
import { ReviewTestDb, seed, seedStates, uniqueName } from '../support/extension/review-db';
import { type BenchRow, timeIt } from './row';

const NOW = new Date('2026-03-02T04:00:00.000Z');
const ENV = 'node, fake-indexeddb, happy-dom';
const USER = { id: 'u-7', name: 'Handler 7', role: 'supervisor' as const };

const window = new Window({ url: 'chrome-extension://bench/popup.html' });
const document = window.document as unknown as Document;

/** Resolves once the list shows rows for the latest query (or says it is empty). */
function rendered(container: Element, ready: (c: Element) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      if (ready(container)) resolve();
      else if (performance.now() - started > 30_000) reject(new Error('the list never rendered'));
      else setTimeout(check, 0);
    };
    check();
  });
}

const hasRows = (c: Element) => c.querySelectorAll('.rv-item').length > 0;

/** Mounts the popup's queue on a fresh container; resolves when the first page is on screen. */
async function openPopup(source: QueueSource, settings: QueueSettings = DEFAULT_SETTINGS) {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    h(QueueList, {
      source,
      locale: 'zh-CN',
      user: USER,
      onOpen: () => {},
      clock: () => NOW,
      initialSettings: settings,
      height: 420,
    }),
    container,
  );
  await rendered(container, hasRows);
  return {
    container,
    close() {
      render(null, container);
      container.remove();
    },
  };
}

const hasCounts = (c: Element) => c.querySelectorAll('.rv-count').length > 0;

/**
 * Time to the first page on screen, best of 3. The status counts load after the list (they are
 * not part of the first meaningful render); each run waits for them before closing, so their
 * work — JavaScript in fake-indexeddb, off the main thread in a browser — never spills into the
 * next measurement.
 */
async function firstRender(db: ReviewTestDb): Promise<number> {
  const source = dexieQueueSource(db);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const popup = await openPopup(source);
    best = Math.min(best, performance.now() - start);
    await rendered(popup.container, hasCounts);
    popup.close();
  }
  return best;
}

/** Changes the status filter in the mounted popup and waits until the list shows the new rows. */
async function filterChange(db: ReviewTestDb): Promise<number> {
  const inner = dexieQueueSource(db);
  let answered = 0;
  const source: QueueSource = {
    ...inner,
    page: async (...args) => {
      const page = await inner.page(...args);
      answered++;
      return page;
    },
  };
  const popup = await openPopup(source);
  await rendered(popup.container, hasCounts);
  const select = popup.container.querySelector<HTMLSelectElement>('#rv-f-statuses')!;
  const statuses = ['in_progress', 'assigned', 'registered', 'awaiting_approval'];
  let i = 0;
  const ms = await timeIt(async () => {
    const before = answered;
    const value = statuses[i++ % statuses.length]!;
    const label = [...select.options].find((o) => o.value === value)?.textContent?.trim();
    select.value = value;
    select.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
    // Answered, and every row on screen is of the new status.
    await rendered(popup.container, (c) => {
      const shown = [...c.querySelectorAll('.rv-item .rv-st')];
      return answered > before && shown.length > 0 && shown.every((el) => el.textContent === label);
    });
  }, 4);
  popup.close();
  return ms;
}

/** Times a query and checks it found something (a fast empty answer proves nothing). */
async function timedQuery(run: () => Promise<{ rows: unknown[] }>): Promise<number> {
  if ((await run()).rows.length === 0) throw new Error('the benchmark query found nothing');
  return timeIt(run);
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const db = new ReviewTestDb(uniqueName('bench'));
  // REVIEW_BENCH_SCALE=0.1 runs a quick smoke version (1k / 10k rows) while editing.
  const scale = Number(process.env.REVIEW_BENCH_SCALE ?? 1);
  const small = Math.round(10_000 * scale);
  const all = seedStates(Math.round(100_000 * scale), NOW);
  await seed(db, all.slice(0, small), NOW);
  rows.push({
    metric: `review: popup first render + first page, 10k complaints (${ENV})`,
    value: await firstRender(db),
    unit: 'ms',
    budget: 150,
  });

  await seed(db, all.slice(small), NOW);
  rows.push({
    metric: `review: popup first render + first page, 100k complaints (${ENV})`,
    value: await firstRender(db),
    unit: 'ms',
    budget: 300,
  });
  rows.push({
    metric: `review: filter change (status), 100k complaints (${ENV})`,
    value: await filterChange(db),
    unit: 'ms',
    // fake-indexeddb clones each row it reads in JavaScript: ~1 s here for what takes < 100 ms in
    // Chromium (the issue-5 budget, held by popup.bench.ts's "popup filter change" row).
    budget: 2_000,
  });

  // What the other plans cost at 100k here. The budgets guard against regressions in this
  // environment (about twice what a loaded 2-core machine measured); what a user waits for is
  // measured in Chromium by popup.bench.ts.
  const q = (patch: Partial<QueueSettings['filter']>) => ({
    filter: { ...DEFAULT_SETTINGS.filter, ...patch },
    sort: 'due' as const,
    ctx: { now: NOW, user: USER },
  });
  rows.push({
    metric: `review: query, two equality filters (department + severity), 100k (${ENV})`,
    value: await timedQuery(() =>
      queuePage(db, q({ departments: ['quality'], severities: ['L3'] })),
    ),
    unit: 'ms',
    budget: 2_500,
  });
  rows.push({
    metric: `review: query, overdue only, 100k (${ENV})`,
    value: await timedQuery(() => queuePage(db, q({ breached: true }))),
    unit: 'ms',
    budget: 50,
  });
  rows.push({
    metric: `review: query, search by phone, 100k (${ENV})`,
    value: await timedQuery(() => queuePage(db, q({ query: '138 1000 1234' }))),
    unit: 'ms',
    budget: 10,
  });
  rows.push({
    metric: `review: query, search a common Chinese word, 100k (${ENV})`,
    value: await timedQuery(() => queuePage(db, q({ query: '洗衣机' }))),
    unit: 'ms',
    budget: 600,
  });
  rows.push({
    metric: `review: counts by status (12 index counts), 100k (${ENV})`,
    value: await timeIt(() => statusCounts(db)),
    unit: 'ms',
    budget: 900,
  });
  rows.push({
    metric: `review: badge counts (2 index counts), 100k (${ENV})`,
    value: await timeIt(() => slaCountsFromDb(db, NOW)),
    unit: 'ms',
    budget: 1_500,
  });
  db.close();
  return rows;
}
