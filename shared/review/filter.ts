import * as z from 'zod/mini';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import { CHANNELS, SEVERITY_LEVELS, type SeverityLevel, STATUSES } from '../schema/codes';
import { compareLevels } from '../severity/index';
import { NOTHING_DUE, type QueueRow, liveSla } from './queue-row';
import { QUEUE_VIEWS, inView } from './queue-views';
import { matchesTerms, queryTerms } from './search';

export const SORT_KEYS = ['due', 'received', 'severity'] as const;
/** due: next due first (default); received: newest first; severity: L4 first, then next due. */
export type SortKey = (typeof SORT_KEYS)[number];

const Code = z.string().check(z.maxLength(100));
const Codes = <T extends z.core.SomeType>(item: T) =>
  z._default(z.array(item).check(z.maxLength(50)), []);

/**
 * The queue's filters. Empty lists mean "any". Parsed with `QueueFilterSchema` when read back
 * from storage, so a stored filter from an older version never breaks the popup.
 */
export const QueueFilterSchema = z.object({
  statuses: Codes(z.enum(STATUSES)),
  severities: Codes(z.enum(SEVERITY_LEVELS)),
  channels: Codes(z.enum(CHANNELS)),
  categories: Codes(Code),
  departments: Codes(Code),
  /** Handler ids or names. */
  assignees: Codes(Code),
  /** Assigned to the current user (by id or name). */
  mine: z._default(z.boolean(), false),
  atRisk: z._default(z.boolean(), false),
  breached: z._default(z.boolean(), false),
  view: z.optional(z.enum(QUEUE_VIEWS)),
  query: z._default(z.string().check(z.maxLength(200)), ''),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;

export const QueueSettingsSchema = z.object({
  filter: z._default(QueueFilterSchema, () => QueueFilterSchema.parse({})),
  sort: z._default(z.enum(SORT_KEYS), 'due'),
});
export type QueueSettings = z.infer<typeof QueueSettingsSchema>;

/** Everything shown, next due first. */
export const DEFAULT_FILTER: QueueFilter = QueueFilterSchema.parse({});
export const DEFAULT_SETTINGS: QueueSettings = { filter: DEFAULT_FILTER, sort: 'due' };

/** Stored settings made safe: unknown or malformed parts fall back to the defaults. */
export function parseQueueSettings(stored: unknown): QueueSettings {
  const whole = QueueSettingsSchema.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const filter = QueueFilterSchema.safeParse(s.filter ?? {});
  const sort = z.enum(SORT_KEYS).safeParse(s.sort);
  return {
    filter: filter.success ? filter.data : DEFAULT_FILTER,
    sort: sort.success ? sort.data : 'due',
  };
}

/** Who is asking and when: "mine", "at risk", "breached" and time views depend on them. */
export interface FilterContext {
  now: Date;
  /** The current user's id and name; "mine" matches either. */
  user?: { id: string; name?: string };
  policy?: Pick<Policy, 'agingAlertDays' | 'severity' | 'calendar'>;
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
  if (filter.view && !inView(row, filter.view, ctx.now, ctx.policy ?? defaultPolicy)) return false;
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
