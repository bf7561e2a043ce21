import 'fake-indexeddb/auto';
import {
  DEFAULT_FILTER,
  type QueueFilter,
  type QueueRow,
  type SortKey,
  compareRows,
  matchesFilter,
} from '@shared/review/index';
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { ComplaintDb } from '../db/database';
import { appendEvents } from '../db/log';
import { hasReviewIndexes } from '../db/queue-columns';
import { withReviewColumns } from '../db/queue-projection';
import { SCHEMA_VERSIONS } from '../db/schema';
import { loadCase } from '../case/load-case';
import { reportComplaints } from '../report/report-complaints';
import {
  type QueueQuery,
  alertCandidates,
  loadStates,
  queuePage,
  slaCountsFromDb,
  statusCounts,
} from './queries';
import {
  ReviewTestDb,
  countReads,
  rowFor,
  seed,
  seedStates,
  uniqueName,
} from '../../test/support/extension/review-db';

const NOW = new Date('2026-03-02T04:00:00.000Z'); // Mon 12:00 in Shanghai
const USER = { id: 'u-7', name: 'Handler 7' };
const N = 600;

let db: ReviewTestDb;
let legacy: ComplaintDb;
let rows: QueueRow[];
let reads: ReturnType<typeof countReads>;

beforeAll(async () => {
  const states = seedStates(N, NOW);
  db = new ReviewTestDb(uniqueName());
  reads = countReads(db);
  rows = await seed(db, states, NOW);
  // A database still at schema v2 (before the queue's indexes): the full-read fallback.
  const v2 = new Dexie(uniqueName());
  v2.version(1).stores(SCHEMA_VERSIONS[1]);
  v2.version(2).stores(SCHEMA_VERSIONS[2]);
  legacy = v2 as unknown as ComplaintDb;
  await seed(legacy, states, NOW);
});
afterAll(() => {
  db.close();
  legacy.close();
});

/** Every page, following the cursors. */
async function allPages(d: ComplaintDb, query: QueueQuery, limit = 37): Promise<QueueRow[]> {
  const out: QueueRow[] = [];
  let page = await queuePage(d, query, undefined, limit);
  out.push(...page.rows);
  for (let guard = 0; page.next && guard < 1000; guard++) {
    page = await queuePage(d, query, page.next, limit);
    out.push(...page.rows);
  }
  return out;
}

function expected(query: QueueQuery): string[] {
  return rows
    .filter((r) => matchesFilter(r, query.filter, query.ctx))
    .sort(compareRows(query.sort))
    .map((r) => r.id);
}

const f = (patch: Partial<QueueFilter>): QueueFilter => ({ ...DEFAULT_FILTER, ...patch });
const CASES: [string, Partial<QueueFilter>][] = [
  ['no filter', {}],
  ['one status', { statuses: ['in_progress'] }],
  ['several statuses', { statuses: ['registered', 'assigned', 'closed'] }],
  ['severity L3+', { severities: ['L3', 'L4'] }],
  ['channel', { channels: ['email', 'phone'] }],
  ['category', { categories: ['delivery'] }],
  ['department + severity', { departments: ['quality'], severities: ['L1'] }],
  ['assignee', { assignees: ['u-3'] }],
  ['mine', { mine: true }],
  ['mine + status', { mine: true, statuses: ['in_progress'] }],
  ['at risk', { atRisk: true }],
  ['breached', { breached: true }],
  [
    'at risk or breached, one department',
    { atRisk: true, breached: true, departments: ['logistics'] },
  ],
  ['view: severe', { view: 'severe' }],
  ['view: reassigned', { view: 'reassigned' }],
  ['view: sla', { view: 'sla' }],
  ['view: aging', { view: 'aging' }],
  ['search: surname', { query: '王' }],
  ['search: Chinese words', { query: '洗衣机' }],
  ['search: Latin prefix + status', { query: 'parc', statuses: ['closed'] }],
  ['search: phone', { query: '138 1000 0123' }],
  ['search: email', { query: 'c77@example.com' }],
  ['nothing matches', { query: 'zzzzzz' }],
];
const SORTS: SortKey[] = ['due', 'received', 'severity'];

describe('queuePage on fake-indexeddb: indexed plans agree with the shared filter and sort', () => {
  for (const [name, patch] of CASES) {
    for (const sort of SORTS) {
      it(`${name}, by ${sort}`, async () => {
        const query = { filter: f(patch), sort, ctx: { now: NOW, user: USER } };
        const ids = (await allPages(db, query)).map((r) => r.id);
        expect(ids).toEqual(expected(query));
      });
    }
  }

  it('has matches for most cases (the fixture exercises the plans)', () => {
    const empty = CASES.filter(
      ([, p]) =>
        expected({ filter: f(p), sort: 'due', ctx: { now: NOW, user: USER } }).length === 0,
    );
    expect(empty.map(([n]) => n)).toEqual(['nothing matches']);
  });

  it('finds a complaint by its case number, with or without the dash', async () => {
    const target = rows.find((r) => r.caseNumber && r.status === 'closed')!;
    for (const q of [target.caseNumber!, target.caseNumber!.replace('-', '')]) {
      const found = await allPages(db, { filter: f({ query: q }), sort: 'due', ctx: { now: NOW } });
      expect(found.map((r) => r.id)).toContain(target.id);
    }
  });

  it('a database without the queue indexes gives the same pages (full-read fallback)', async () => {
    expect(hasReviewIndexes(legacy)).toBe(false);
    expect(hasReviewIndexes(db)).toBe(true);
    for (const [, patch] of CASES.slice(0, 8)) {
      const query = { filter: f(patch), sort: 'due' as const, ctx: { now: NOW, user: USER } };
      expect((await allPages(legacy, query)).map((r) => r.id)).toEqual(expected(query));
    }
  });
});

describe('no full scans', () => {
  it.each<[string, Partial<QueueFilter>, SortKey]>([
    ['opening: everything by next due', {}, 'due'],
    ['by severity', {}, 'severity'],
    ['by received', {}, 'received'],
    ['one status', { statuses: ['in_progress'] }, 'due'],
    ['assigned to me', { mine: true }, 'due'],
  ])('%s reads about one page of rows', async (_, patch, sort) => {
    reads.reset();
    const page = await queuePage(
      db,
      { filter: f(patch), sort, ctx: { now: NOW, user: USER } },
      undefined,
      20,
    );
    expect(page.rows.length).toBeGreaterThan(0);
    expect(reads.reads).toBeLessThanOrEqual(60);
  });

  it('a search reads only rows holding its term', async () => {
    reads.reset();
    await queuePage(db, {
      filter: f({ query: 'c77@example.com' }),
      sort: 'due',
      ctx: { now: NOW },
    });
    expect(reads.reads).toBeLessThanOrEqual(2);
  });
});

describe('counts', () => {
  it('by status, from the index', async () => {
    const counts = await statusCounts(db);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(N);
    expect(counts.closed).toBe(rows.filter((r) => r.status === 'closed').length);
  });

  it('overdue and at risk for the badge, with and without the indexes', async () => {
    const sla = await slaCountsFromDb(db, NOW);
    const iso = NOW.toISOString();
    const breached = rows.filter((r) => r.nextDueAt && r.nextDueAt < iso).length;
    const atRisk = rows.filter(
      (r) => r.nextDueAt && r.nextDueAt >= iso && r.nextWarnAt && r.nextWarnAt <= iso,
    ).length;
    expect(sla).toEqual({ breached, atRisk });
    expect(breached).toBeGreaterThan(0);
    expect(atRisk).toBeGreaterThan(0);
    expect(await slaCountsFromDb(legacy, NOW)).toEqual({ breached, atRisk });
  });
});

describe('case, bulk, alerts and report loaders on a real event log', () => {
  const T0 = shanghai('2026-03-02 10:00');
  const id = uuidFor(0x5151);

  it('loadCase returns the snapshot, the events in order and the attachments', async () => {
    const d = new ComplaintDb(uniqueName());
    const events = new CaseBuilder(id)
      .register(T0, {}, { caseNumber: '2603-0001' })
      .assign(shanghai('2026-03-02 10:05')).events;
    await appendEvents(d, id, events as never, {
      now: new Date(T0),
      attachments: [
        {
          id: 'a1',
          complaintId: id,
          name: 'photo.jpg',
          type: 'image/jpeg',
          size: 1234,
          blob: new Blob(['x']),
          createdAt: T0,
        },
      ],
    });
    const loaded = await loadCase(d, id);
    expect(loaded?.state?.status).toBe('assigned');
    expect(loaded?.events.map((e) => e.type)).toEqual(['registered', 'assigned']);
    expect(loaded?.attachments.map((a) => a.name)).toEqual(['photo.jpg']);
    expect(await loadCase(d, uuidFor(1))).toBeUndefined();
    expect((await loadStates(d, [id, uuidFor(1)])).map((s) => s.id)).toEqual([id]);
    d.close();
  });

  it('alertCandidates: past a warning, or changed since the last tick', async () => {
    const d = new ReviewTestDb(uniqueName());
    const fresh = new CaseBuilder(uuidFor(1)).register(T0).state();
    const old = new CaseBuilder(uuidFor(2)).register(shanghai('2026-02-20 10:00')).state();
    const quiet = new CaseBuilder(uuidFor(3)).register(shanghai('2026-03-02 11:50')).state();
    const done = new CaseBuilder(uuidFor(4))
      .register(T0)
      .assign(T0)
      .contact(T0)
      .invalid(T0)
      .state();
    await d.complaints.bulkPut([fresh, old, quiet, done].map((s) => rowFor(s, NOW)));
    const ids = (
      await alertCandidates(
        d,
        new Date(shanghai('2026-03-02 11:55')),
        new Date(shanghai('2026-03-02 11:54')),
      )
    )
      .map((s) => s.id)
      .sort();
    expect(ids).toEqual([uuidFor(1), uuidFor(2), uuidFor(3)]);
    d.close();
  });

  it('reportComplaints: changed since the previous month, or due before the month ends', async () => {
    const d = new ReviewTestDb(uniqueName());
    const jan = new CaseBuilder(uuidFor(1)).register(shanghai('2026-01-05 10:00')).state(); // open, due in Jan
    const dec = new CaseBuilder(uuidFor(2))
      .register(shanghai('2025-12-01 10:00'))
      .assign(shanghai('2025-12-01 10:05'))
      .contact(shanghai('2025-12-01 10:06'))
      .invalid(shanghai('2025-12-02 10:00'))
      .state();
    const feb = new CaseBuilder(uuidFor(3)).register(shanghai('2026-02-10 10:00')).state();
    await d.complaints.bulkPut([jan, dec, feb].map((s) => rowFor(s, NOW)));
    const ids = (await reportComplaints(d, '2026-02', 'Asia/Shanghai')).map((s) => s.id).sort();
    expect(ids).toEqual([uuidFor(1), uuidFor(3)]);
    d.close();
  });
});

describe('withReviewColumns (for the shell’s deriveRow and the v3 upgrade)', () => {
  it('adds the queue columns to a stored row; a stateless placeholder stays as it is', async () => {
    const state = new CaseBuilder(uuidFor(7)).register(shanghai('2026-03-02 10:00')).state();
    const row = {
      id: state.id,
      status: state.status,
      severity: state.severity.level,
      updatedAt: state.updatedAt,
      createdAt: state.receivedAt,
      title: 'x',
      state,
    };
    const out = withReviewColumns(row, NOW);
    expect(out).toMatchObject({
      id: state.id,
      title: 'x',
      dueKey: expect.any(String),
      terms: expect.any(Array),
      queueVersion: 1,
    });
    const placeholder = { ...row, state: null };
    expect(withReviewColumns(placeholder, NOW)).toBe(placeholder);
  });
});
