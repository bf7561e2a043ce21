/**
 * The review queue's Dexie queries. Every query walks an index in the order it shows rows and
 * stops at a page (keyset paging: the next page starts after the last row's sort key), so
 * opening the popup never scans the table. The indexes are db/queue-columns' `QUEUE_INDEXES`; on a
 * database without them (before schema v3) the queue still works from a full read.
 */
import { activePolicyBase } from '../policy/stored-policy';
import type { PolicyBase } from '@shared/policy/policy';
import {
  DEFAULT_FILTER,
  type FilterContext,
  NOTHING_DUE,
  type QueueCursor,
  type QueueFilter,
  type QueueRow,
  type QueueView,
  STATIC_VIEWS,
  type SortKey,
  type StaticView,
  isActive,
  isAfter,
  isCjkTerm,
  leadingTerm,
  matchesFilter,
  queryTerms,
} from '@shared/review/index';
import { SEVERITY_LEVELS, STATUSES, type SeverityLevel, type Status } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import { Dexie, liveQuery } from 'dexie';
import type { ComplaintDb } from '../db/database';
import { hasReviewIndexes, storedColumns } from '../db/queue-columns';
import type { ComplaintRow } from '../db/types';
import { type QueuePage, driverFor, finish } from './plan';

export type { QueuePage } from './plan';

export interface QueueQuery {
  filter: QueueFilter;
  sort: SortKey;
  ctx: FilterContext;
}

/** Most rows a search, a static view or an SLA filter reads before sorting in memory. */
export const SEARCH_CAP = 2_000;

type Key = string | number | (string | number)[];
type Bound = Key | typeof Dexie.minKey | typeof Dexie.maxKey | unknown[];

/** One index range walked in order, filtered, up to `limit` rows. */
function walk(
  table: ComplaintDb['complaints'],
  index: string,
  lower: Bound,
  upper: Bound,
  opts: {
    reverse?: boolean;
    upperOpen?: boolean;
    limit: number;
    keep: (r: QueueRow) => boolean;
    project: (r: ComplaintRow) => QueueRow | undefined;
  },
): Promise<QueueRow[]> {
  let c = table.where(index).between(lower, upper, true, !opts.upperOpen);
  if (opts.reverse) c = c.reverse();
  return c
    .filter((row) => {
      const q = opts.project(row);
      return q !== undefined && opts.keep(q);
    })
    .limit(opts.limit)
    .toArray()
    .then((rows) => rows.map((r) => opts.project(r)!));
}

/** Reads every row of a bounded candidate set, then filters, sorts and pages in memory. */
async function pageInMemory(
  candidates: ComplaintRow[],
  query: QueueQuery,
  after: QueueCursor | undefined,
  limit: number,
  project: (r: ComplaintRow) => QueueRow | undefined,
  truncated?: number,
): Promise<QueuePage> {
  const seen = new Set<string>();
  const rows: QueueRow[] = [];
  for (const row of candidates) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const q = project(row);
    if (q && matchesFilter(q, query.filter, query.ctx) && (!after || isAfter(q, after, query.sort)))
      rows.push(q);
  }
  const page = finish(rows, query.sort, limit);
  return truncated ? { ...page, truncated } : page;
}

/**
 * One page of the queue: rows matching `query.filter` in `query.sort` order, after `after`.
 * Plans: a search looks up its longest term in `*terms`; a static view reads `*views`;
 * otherwise the walk follows the sort's index, driven by the most selective equality filter
 * (`[field+dueKey]`, several values merged), the SLA filters bounding the due key (overdue:
 * before now; at risk: from now). Other filters are checked on the rows walked.
 */
export async function queuePage(
  db: ComplaintDb,
  query: QueueQuery,
  after?: QueueCursor,
  limit = 50,
  policy: PolicyBase = activePolicyBase(),
): Promise<QueuePage> {
  if (!hasReviewIndexes(db)) await loadProjection();
  try {
    return await planPage(db, query, after, limit, policy);
  } catch (err) {
    if (!(err instanceof NeedsProjection)) throw err;
    await loadProjection();
    return planPage(db, query, after, limit, policy);
  }
}

/**
 * Rows stored before the queue columns existed (a database before schema v3, a row restored
 * from an old backup) are projected from their state by queue-projection.ts, which brings the
 * shared deadline rules: it is fetched the first time such a row turns up, and the page re-read.
 */
class NeedsProjection extends Error {}
let projection: typeof import('../db/queue-projection') | undefined;
async function loadProjection(): Promise<void> {
  projection ??= await import('../db/queue-projection');
}
function asQueueRow(row: ComplaintRow, now: Date, policy: PolicyBase): QueueRow | undefined {
  const stored = storedColumns(row);
  if (stored || !row.state) return stored;
  if (!projection) throw new NeedsProjection();
  return projection.reviewColumns(row.state, now, policy);
}

async function planPage(
  db: ComplaintDb,
  query: QueueQuery,
  after: QueueCursor | undefined,
  limit: number,
  policy: PolicyBase,
): Promise<QueuePage> {
  const { filter, sort, ctx } = query;
  const project = (r: ComplaintRow) => asQueueRow(r, ctx.now, policy);
  const table = db.complaints;
  if (!hasReviewIndexes(db))
    return pageInMemory(await table.toArray(), query, after, limit, project);

  const keep = (r: QueueRow) =>
    matchesFilter(r, filter, ctx) && (!after || isAfter(r, after, sort));
  const nowIso = ctx.now.toISOString();

  const terms = queryTerms(filter.query);
  if (terms.length > 0) {
    const lead = leadingTerm(terms)!;
    const where = table.where('terms');
    const keys = await (isCjkTerm(lead) ? where.equals(lead) : where.startsWith(lead))
      .limit(SEARCH_CAP + 1)
      .primaryKeys();
    const unique = [...new Set(keys)];
    const truncated = unique.length > SEARCH_CAP ? SEARCH_CAP : undefined;
    const rows = (await table.bulkGet(unique.slice(0, SEARCH_CAP))).filter(
      (r): r is ComplaintRow => !!r,
    );
    return pageInMemory(rows, query, after, limit, project, truncated);
  }
  if (filter.view && (STATIC_VIEWS as readonly QueueView[]).includes(filter.view)) {
    const rows = await table
      .where('views')
      .equals(filter.view as StaticView)
      .limit(SEARCH_CAP + 1)
      .toArray();
    return pageInMemory(
      rows.slice(0, SEARCH_CAP),
      query,
      after,
      limit,
      project,
      rows.length > SEARCH_CAP ? SEARCH_CAP : undefined,
    );
  }
  const slaFiltered = filter.view === 'sla' || filter.atRisk || filter.breached;
  if (slaFiltered && sort === 'received') {
    // At risk or overdue ⇔ the earliest warning time has passed: a bounded set, sorted here.
    const rows = await table
      .where('nextWarnAt')
      .belowOrEqual(nowIso)
      .limit(SEARCH_CAP + 1)
      .toArray();
    return pageInMemory(
      rows.slice(0, SEARCH_CAP),
      query,
      after,
      limit,
      project,
      rows.length > SEARCH_CAP ? SEARCH_CAP : undefined,
    );
  }

  // "Next due" bounds: overdue rows are due before now, at-risk rows at or after it.
  const onlyBreached = filter.breached && !filter.atRisk && filter.view !== 'sla';
  const onlyAtRisk = filter.atRisk && !filter.breached && filter.view !== 'sla';
  const lowest: Bound = onlyAtRisk ? nowIso : Dexie.minKey;
  const upper = onlyBreached ? nowIso : slaFiltered ? NOTHING_DUE : Dexie.maxKey;
  const upperOpen = onlyBreached || slaFiltered;
  const lowerFrom = (cursorKey: string | undefined): Bound =>
    cursorKey !== undefined && (lowest === Dexie.minKey || cursorKey > (lowest as string))
      ? cursorKey
      : lowest;

  const opts = { limit: limit + 1, keep, project, upperOpen };
  let rows: QueueRow[] = [];
  if (sort === 'severity') {
    const levels = (filter.severities.length ? filter.severities : [...SEVERITY_LEVELS])
      .slice()
      .sort()
      .reverse() as SeverityLevel[];
    for (const level of levels) {
      if (after && level > after.severity) continue;
      const from = lowerFrom(after && level === after.severity ? after.dueKey : undefined);
      rows.push(
        ...(await walk(table, '[severity+dueKey]', [level, from], [level, upper], {
          ...opts,
          limit: limit + 1 - rows.length,
        })),
      );
      if (rows.length > limit) break;
    }
    return finish(rows, sort, limit);
  }
  if (sort === 'received') {
    const to = after ? after.receivedAt : Dexie.maxKey;
    const recv = { ...opts, upperOpen: false, reverse: true };
    if (filter.statuses.length) {
      for (const s of filter.statuses)
        rows.push(...(await walk(table, '[status+receivedAt]', [s, Dexie.minKey], [s, to], recv)));
    } else {
      rows = await walk(table, 'receivedAt', Dexie.minKey, to, recv);
    }
    return finish(rows, sort, limit);
  }
  const from = lowerFrom(after?.dueKey);
  const driver = driverFor(filter, ctx);
  if (!driver) return finish(await walk(table, 'dueKey', from, upper, opts), sort, limit);
  for (const v of driver.values) {
    rows.push(...(await walk(table, `[${driver.field}+dueKey]`, [v, from], [v, upper], opts)));
  }
  return finish(rows, sort, limit);
}

/** Complaints per status, from the status index (counts only, no rows read). */
export async function statusCounts(db: ComplaintDb): Promise<Record<Status, number>> {
  const counts = await Promise.all(
    STATUSES.map((s) => db.complaints.where('status').equals(s).count()),
  );
  return Object.fromEntries(STATUSES.map((s, i) => [s, counts[i]!])) as Record<Status, number>;
}

/**
 * Overdue and at-risk counts for the badge, from two index counts: overdue = next due before
 * now; at risk = earliest warning passed, minus the overdue (every overdue row has passed its
 * warning too).
 */
export async function slaCountsFromDb(
  db: ComplaintDb,
  now: Date,
): Promise<{ breached: number; atRisk: number }> {
  const iso = now.toISOString();
  if (!hasReviewIndexes(db)) {
    await loadProjection();
    const rows = await db.complaints.where('nextDueAt').below('~').toArray();
    let breached = 0;
    let atRisk = 0;
    for (const row of rows) {
      const q = asQueueRow(row, now, activePolicyBase());
      if (!q?.nextDueAt || !isActive(q.status)) continue;
      if (q.nextDueAt < iso) breached++;
      else if (q.nextWarnAt && q.nextWarnAt <= iso) atRisk++;
    }
    return { breached, atRisk };
  }
  const [warned, breached] = await Promise.all([
    db.complaints.where('nextWarnAt').belowOrEqual(iso).count(),
    db.complaints.where('dueKey').below(iso).count(),
  ]);
  return { breached, atRisk: warned - breached };
}

/**
 * The complaints the alarm tick should examine: every one past its earliest warning time (a
 * later clock may cross its own threshold), and every one changed since the last tick (new
 * registrations, rises to L3/L4, out-of-hours captures).
 */
export async function alertCandidates(
  db: ComplaintDb,
  now: Date,
  lastTick: Date,
): Promise<ComplaintState[]> {
  const since = new Date(lastTick.getTime() - 5 * 60_000).toISOString();
  const [warned, changed] = await Promise.all([
    hasReviewIndexes(db)
      ? db.complaints.where('nextWarnAt').belowOrEqual(now.toISOString()).toArray()
      : db.complaints.where('nextDueAt').below('~').toArray(),
    db.complaints.where('updatedAt').above(since).toArray(),
  ]);
  const byId = new Map<string, ComplaintState>();
  for (const row of [...warned, ...changed])
    if (row.state && isActive(row.state.status)) byId.set(row.id, row.state);
  return [...byId.values()];
}

/** The snapshots of some complaints (bulk actions), in the order asked; missing ones skipped. */
export async function loadStates(
  db: ComplaintDb,
  ids: readonly string[],
): Promise<ComplaintState[]> {
  const rows = await db.complaints.bulkGet([...ids]);
  return rows.flatMap((r) => (r?.state ? [r.state] : []));
}

export { DEFAULT_FILTER, NOTHING_DUE };

/** The queue's data source over the extension database (see `QueueList`). */
export function dexieQueueSource(db: ComplaintDb, policy: PolicyBase = activePolicyBase()) {
  return {
    page: (query: QueueQuery, after?: QueueCursor, limit?: number) =>
      queuePage(db, query, after, limit, policy),
    counts: () => statusCounts(db),
    loadStates: (ids: readonly string[]) => loadStates(db, ids),
    /** Any appended event (here, in another window, or from sync) reloads the list. */
    subscribe(onChange: () => void): () => void {
      let first = true;
      // One row, not a count: IndexedDB counts walk every key (~250 ms at 180k events in
      // Chromium), which held up the popup's first page. A primary-key read observes the whole
      // table, as `count()` did, so any write to the log still calls back.
      const sub = liveQuery(() => db.events.limit(1).toArray()).subscribe({
        next: () => {
          if (first) first = false;
          else onChange();
        },
        error: () => undefined,
      });
      return () => sub.unsubscribe();
    },
  };
}
