/**
 * The queue planner's parts that need no database: which equality filter drives a walk, and how
 * a page ends. Shared by queries.ts (Dexie) and first-page.ts (the popup's plain first read), so
 * both pick the same plan and cut pages alike.
 */
import {
  type FilterContext,
  type QueueCursor,
  type QueueFilter,
  type QueueRow,
  type SortKey,
  compareRows,
  cursorOf,
  mineValues,
} from '@shared/review/index';

/** One page of the queue. */
export interface QueuePage {
  rows: QueueRow[];
  /** Where the next page starts; absent on the last page. */
  next?: QueueCursor;
  /** A search matched more rows than it reads (`SEARCH_CAP`): refine it. */
  truncated?: number;
}

/** How selective an equality filter is, roughly: values ÷ distinct values of the field. */
const CARDINALITY = {
  assignee: 50,
  department: 8,
  category: 9,
  channel: 13,
  severity: 5,
  status: 12,
} as const;
export type Driver = { field: keyof typeof CARDINALITY; values: string[] };

export function driverFor(filter: QueueFilter, ctx: FilterContext): Driver | undefined {
  const mine = filter.mine ? mineValues(ctx.user) : [];
  const candidates: Driver[] = [
    // "mine" narrows the assignee list to the user; with both, the intersection.
    {
      field: 'assignee',
      values: filter.mine
        ? filter.assignees.length
          ? mine.filter((m) => filter.assignees.includes(m))
          : mine
        : filter.assignees,
    },
    { field: 'department', values: filter.departments },
    { field: 'category', values: filter.categories },
    { field: 'channel', values: filter.channels },
    { field: 'severity', values: filter.severities },
    { field: 'status', values: filter.statuses },
  ];
  let best: Driver | undefined;
  let score = Number.POSITIVE_INFINITY;
  for (const d of candidates) {
    const active =
      d.field === 'assignee' ? filter.mine || d.values.length > 0 : d.values.length > 0;
    if (!active) continue;
    const s = d.values.length / CARDINALITY[d.field];
    if (s < score) {
      best = d;
      score = s;
    }
  }
  return best;
}

export function finish(rows: QueueRow[], sort: SortKey, limit: number): QueuePage {
  rows.sort(compareRows(sort));
  if (rows.length <= limit) return { rows };
  const page = rows.slice(0, limit);
  return { rows: page, next: cursorOf(page[page.length - 1]!) };
}
