import { defaultPolicyBase } from '../policy/default-policy-base';
import {
  CHANNELS,
  type Channel,
  SEVERITY_LEVELS,
  type SeverityLevel,
  STATUSES,
  type Status,
} from '../schema/codes';
import { compareLevels } from '../severity/levels';
import { NOTHING_DUE, type QueueRow, liveSla } from './queue-row';
import { QUEUE_VIEWS, type QueueView, type ViewPolicy, inView } from './queue-views';
import { matchesTerms, queryTerms } from './search';

export const SORT_KEYS = ['due', 'received', 'severity'] as const;
/** due: next due first (default); received: newest first; severity: L4 first, then next due. */
export type SortKey = (typeof SORT_KEYS)[number];

/** The queue's filters. Empty lists mean "any". */
export interface QueueFilter {
  statuses: Status[];
  severities: SeverityLevel[];
  channels: Channel[];
  categories: string[];
  departments: string[];
  /** Handler ids or names. */
  assignees: string[];
  /** Assigned to the current user (by id or name). */
  mine: boolean;
  atRisk: boolean;
  breached: boolean;
  /** Closed and withdrawn complaints left out, unless statuses are chosen (the default view). */
  hideDone: boolean;
  view?: QueueView | undefined;
  query: string;
}

/** What the default view leaves out: the complaints nobody has to act on. */
export const DONE_STATUSES: readonly Status[] = ['closed', 'withdrawn'];

export interface QueueSettings {
  filter: QueueFilter;
  sort: SortKey;
}

/** Everything shown, next due first. */
export const DEFAULT_FILTER: QueueFilter = {
  statuses: [],
  severities: [],
  channels: [],
  categories: [],
  departments: [],
  assignees: [],
  mine: false,
  atRisk: false,
  breached: false,
  hideDone: false,
  query: '',
};
/** The queue as it opens: closed and withdrawn complaints hidden, next due first. */
export const DEFAULT_VIEW_FILTER: QueueFilter = { ...DEFAULT_FILTER, hideDone: true };
export const DEFAULT_SETTINGS: QueueSettings = { filter: DEFAULT_VIEW_FILTER, sort: 'due' };

// Read back from the extension's own storage on every popup open, before the first render: a
// few checks by hand keep zod (~10 KB gzip) out of the popup's first load.
const LIST_MAX = 50;
const CODE_MAX = 100;
const QUERY_MAX = 200;
const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (x: unknown): x is T =>
    values.includes(x as T);
const isCode = (x: unknown): x is string => typeof x === 'string' && x.length <= CODE_MAX;
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Absent: empty; a list of at most 50 valid items: kept; anything else: invalid. */
function list<T>(value: unknown, ok: (x: unknown) => x is T): T[] | undefined {
  if (value === undefined) return [];
  return Array.isArray(value) && value.length <= LIST_MAX && value.every(ok)
    ? [...value]
    : undefined;
}

function flag(value: unknown): boolean | undefined {
  return value === undefined ? false : typeof value === 'boolean' ? value : undefined;
}

/** A stored filter, or undefined when any part of it is malformed. Unknown keys are dropped. */
function parseFilter(stored: unknown): QueueFilter | undefined {
  if (!isObject(stored)) return undefined;
  const query = stored.query ?? '';
  const view = stored.view;
  const parts = {
    statuses: list(stored.statuses, isOneOf(STATUSES)),
    severities: list(stored.severities, isOneOf(SEVERITY_LEVELS)),
    channels: list(stored.channels, isOneOf(CHANNELS)),
    categories: list(stored.categories, isCode),
    departments: list(stored.departments, isCode),
    assignees: list(stored.assignees, isCode),
    mine: flag(stored.mine),
    atRisk: flag(stored.atRisk),
    breached: flag(stored.breached),
    // Settings stored before the flag existed get the default view.
    hideDone: stored.hideDone === undefined ? true : flag(stored.hideDone),
  };
  if (Object.values(parts).some((v) => v === undefined)) return undefined;
  if (typeof query !== 'string' || query.length > QUERY_MAX) return undefined;
  if (view !== undefined && !isOneOf(QUEUE_VIEWS)(view)) return undefined;
  return { ...(parts as Omit<QueueFilter, 'query' | 'view'>), ...(view ? { view } : {}), query };
}

/** Stored settings made safe: a malformed filter or sort falls back to its default alone. */
export function parseQueueSettings(stored: unknown): QueueSettings {
  const s = isObject(stored) ? stored : {};
  return {
    filter: parseFilter(s.filter ?? {}) ?? DEFAULT_VIEW_FILTER,
    sort: isOneOf(SORT_KEYS)(s.sort) ? s.sort : 'due',
  };
}

/** Who is asking and when: "mine", "at risk", "breached" and time views depend on them. */
export interface FilterContext {
  now: Date;
  /** The current user's id and name; "mine" matches either. */
  user?: { id: string; name?: string };
  policy?: ViewPolicy;
}

/** The assignee values "mine" stands for. */
export function mineValues(user: FilterContext['user']): string[] {
  if (!user) return [];
  return [user.id, user.name].filter((v): v is string => !!v);
}

function inList<T>(list: readonly T[], value: T | undefined): boolean {
  return list.length === 0 || (value !== undefined && list.includes(value));
}

/** Whether a row passes every filter (filters combine with AND; values in a list with OR). */
export function matchesFilter(row: QueueRow, filter: QueueFilter, ctx: FilterContext): boolean {
  if (!inList(filter.statuses, row.status)) return false;
  if (filter.hideDone && filter.statuses.length === 0 && DONE_STATUSES.includes(row.status))
    return false;
  if (!inList(filter.severities, row.severity)) return false;
  if (!inList(filter.channels, row.channel)) return false;
  if (!inList(filter.categories, row.category)) return false;
  if (!inList(filter.departments, row.department)) return false;
  if (!inList(filter.assignees, row.assignee) && !inList(filter.assignees, row.assigneeName)) {
    return false;
  }
  if (filter.mine) {
    const me = mineValues(ctx.user);
    if (!me.some((v) => v === row.assignee || v === row.assigneeName)) return false;
  }
  if (filter.atRisk || filter.breached) {
    const sla = liveSla(row, ctx.now)?.state;
    // Both ticked: either state (the "needs attention now" set).
    const ok = (filter.atRisk && sla === 'at_risk') || (filter.breached && sla === 'breached');
    if (!ok) return false;
  }
  if (filter.view && !inView(row, filter.view, ctx.now, ctx.policy ?? defaultPolicyBase))
    return false;
  if (filter.query.trim()) {
    const terms = queryTerms(filter.query);
    if (terms.length > 0 && !matchesTerms(row.terms, terms)) return false;
  }
  return true;
}

/** Whether the filter narrows nothing. */
export function isEmptyFilter(filter: QueueFilter): boolean {
  return (
    filter.statuses.length +
      filter.severities.length +
      filter.channels.length +
      filter.categories.length +
      filter.departments.length +
      filter.assignees.length ===
      0 &&
    !filter.mine &&
    !filter.atRisk &&
    !filter.breached &&
    !filter.hideDone &&
    !filter.view &&
    !filter.query.trim()
  );
}

/** The order of each sort key, ties broken by id so pages never overlap. */
export function compareRows(sort: SortKey): (a: QueueRow, b: QueueRow) => number {
  const byId = (a: QueueRow, b: QueueRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byDue = (a: QueueRow, b: QueueRow) =>
    a.dueKey < b.dueKey ? -1 : a.dueKey > b.dueKey ? 1 : byId(a, b);
  switch (sort) {
    case 'received':
      return (a, b) =>
        a.receivedAt > b.receivedAt ? -1 : a.receivedAt < b.receivedAt ? 1 : -byId(a, b);
    case 'severity':
      return (a, b) => compareLevels(b.severity, a.severity) || byDue(a, b);
    default:
      return byDue;
  }
}

/** Where a page ended: the last row's sort key values, for the next page (keyset paging). */
export interface QueueCursor {
  id: string;
  dueKey: string;
  receivedAt: string;
  severity: SeverityLevel;
}

export function cursorOf(row: QueueRow): QueueCursor {
  return { id: row.id, dueKey: row.dueKey, receivedAt: row.receivedAt, severity: row.severity };
}

/** Whether `row` comes after `cursor` in `sort` order. */
export function isAfter(row: QueueRow, cursor: QueueCursor, sort: SortKey): boolean {
  return compareRows(sort)(cursor as QueueRow, row) < 0;
}

export { NOTHING_DUE };
