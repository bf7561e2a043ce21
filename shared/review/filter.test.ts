import { describe, expect, it } from 'vitest';
import { NOTHING_DUE, type QueueRow } from './queue-row';
import {
  DEFAULT_FILTER,
  DEFAULT_VIEW_FILTER,
  type QueueFilter,
  compareRows,
  cursorOf,
  isAfter,
  isEmptyFilter,
  matchesFilter,
  parseQueueSettings,
} from './filter';
import { searchTerms } from './search';

const NOW = new Date('2026-03-02T04:00:00.000Z');

function row(patch: Partial<QueueRow> = {}): QueueRow {
  return {
    id: 'a',
    caseNumber: '2603-0001',
    severity: 'L1',
    subject: 'Washing machine leaks',
    customer: '刘',
    anonymous: false,
    status: 'assigned',
    receivedAt: '2026-03-02T01:00:00.000Z',
    nextDueAt: '2026-03-02T06:00:00.000Z',
    nextWarnAt: '2026-03-02T05:00:00.000Z',
    nextDueClock: 'firstContact',
    dueKey: '2026-03-02T06:00:00.000Z',
    channel: 'phone',
    category: 'product_quality',
    department: 'quality',
    assignee: 'u-1',
    assigneeName: 'Wang Wei',
    companyFault: false,
    updatedAt: '2026-03-02T01:00:00.000Z',
    views: [],
    terms: searchTerms({
      caseNumber: '2603-0001',
      name: '刘',
      phone: '13812345678',
      texts: ['Washing machine leaks 洗衣机漏水'],
    }),
    queueVersion: 1,
    ...patch,
  };
}

const f = (patch: Partial<QueueFilter>): QueueFilter => ({ ...DEFAULT_FILTER, ...patch });
const ctx = { now: NOW, user: { id: 'u-1', name: 'Wang Wei' } };
const atRisk = { nextWarnAt: '2026-03-02T03:00:00.000Z' };
const breached = {
  nextDueAt: '2026-03-02T03:30:00.000Z',
  dueKey: '2026-03-02T03:30:00.000Z',
  nextWarnAt: '2026-03-02T03:00:00.000Z',
};

describe('matchesFilter', () => {
  it.each<[string, Partial<QueueFilter>, Partial<QueueRow>, boolean]>([
    ['empty filter matches', {}, {}, true],
    ['status in list', { statuses: ['assigned', 'registered'] }, {}, true],
    ['status not in list', { statuses: ['closed'] }, {}, false],
    ['severity', { severities: ['L3', 'L4'] }, { severity: 'L4' }, true],
    ['severity miss', { severities: ['L3', 'L4'] }, {}, false],
    ['channel', { channels: ['email'] }, {}, false],
    ['category', { categories: ['product_quality'] }, {}, true],
    [
      'category missing on the row',
      { categories: ['product_quality'] },
      { category: undefined },
      false,
    ],
    ['department', { departments: ['logistics'] }, {}, false],
    ['assignee by id', { assignees: ['u-1'] }, {}, true],
    ['assignee by name', { assignees: ['Wang Wei'] }, {}, true],
    ['assignee miss', { assignees: ['u-2'] }, {}, false],
    ['mine by id', { mine: true }, {}, true],
    ['mine: someone else’s', { mine: true }, { assignee: 'u-2', assigneeName: 'Zhao' }, false],
    ['mine: unassigned', { mine: true }, { assignee: undefined, assigneeName: undefined }, false],
    ['at risk: running', { atRisk: true }, {}, false],
    ['at risk: past the warning', { atRisk: true }, atRisk, true],
    ['at risk excludes breached', { atRisk: true }, breached, false],
    ['breached', { breached: true }, breached, true],
    ['breached: only at risk', { breached: true }, atRisk, false],
    ['at risk + breached = either', { atRisk: true, breached: true }, atRisk, true],
    ['view (static)', { view: 'severe' }, { views: ['severe'] }, true],
    ['view (static) miss', { view: 'severe' }, {}, false],
    ['view sla', { view: 'sla' }, atRisk, true],
    ['view aging: not yet', { view: 'aging' }, {}, false],
    ['view aging', { view: 'aging' }, { receivedAt: '2026-02-25T01:00:00.000Z' }, true],
    ['search by name', { query: '刘' }, {}, true],
    ['search by phone', { query: '138-1234-5678' }, {}, true],
    ['search by Chinese text', { query: '漏水' }, {}, true],
    ['search miss', { query: 'refrigerator' }, {}, false],
    ['blank search ignored', { query: '   ' }, {}, true],
    ['filters combine with AND', { statuses: ['assigned'], severities: ['L4'] }, {}, false],
  ])('%s', (_, filter, patch, expected) => {
    expect(matchesFilter(row(patch), f(filter), ctx)).toBe(expected);
  });

  it('"mine" with no user matches nothing', () => {
    expect(matchesFilter(row(), f({ mine: true }), { now: NOW })).toBe(false);
  });
});

describe('compareRows: sort keys with stable ties', () => {
  const a = row({
    id: 'a',
    dueKey: '2026-03-02T05:00:00.000Z',
    receivedAt: '2026-03-01T00:00:00.000Z',
    severity: 'L1',
  });
  const b = row({
    id: 'b',
    dueKey: '2026-03-02T04:00:00.000Z',
    receivedAt: '2026-03-02T00:00:00.000Z',
    severity: 'L4',
  });
  const c = row({
    id: 'c',
    dueKey: NOTHING_DUE,
    receivedAt: '2026-03-02T00:00:00.000Z',
    severity: 'L4',
  });
  const d = row({
    id: 'd',
    dueKey: '2026-03-02T04:00:00.000Z',
    receivedAt: '2026-02-01T00:00:00.000Z',
    severity: 'L1',
  });
  it.each([
    ['due', ['b', 'd', 'a', 'c']],
    ['received', ['c', 'b', 'a', 'd']],
    ['severity', ['b', 'c', 'd', 'a']],
  ] as const)('%s → %j', (sort, ids) => {
    expect([a, b, c, d].sort(compareRows(sort)).map((r) => r.id)).toEqual(ids);
  });

  it('keyset: isAfter agrees with the order', () => {
    for (const sort of ['due', 'received', 'severity'] as const) {
      const sorted = [a, b, c, d].sort(compareRows(sort));
      const cursor = cursorOf(sorted[1]!);
      expect(sorted.filter((r) => isAfter(r, cursor, sort)).map((r) => r.id)).toEqual(
        sorted.slice(2).map((r) => r.id),
      );
    }
  });
});

describe('parseQueueSettings: remembered filters read back safely', () => {
  it.each<[string, unknown, unknown]>([
    ['nothing stored → defaults', undefined, { filter: DEFAULT_VIEW_FILTER, sort: 'due' }],
    [
      'a valid setting',
      { filter: { statuses: ['closed'] }, sort: 'severity' },
      { filter: { ...DEFAULT_VIEW_FILTER, statuses: ['closed'] }, sort: 'severity' },
    ],
    [
      'an unknown status drops the filter, keeps the sort',
      { filter: { statuses: ['gone'] }, sort: 'received' },
      { filter: DEFAULT_VIEW_FILTER, sort: 'received' },
    ],
    ['an unknown sort', { sort: 'random' }, { filter: DEFAULT_VIEW_FILTER, sort: 'due' }],
    ['garbage', 'x', { filter: DEFAULT_VIEW_FILTER, sort: 'due' }],
    [
      'showing closed and withdrawn is remembered',
      { filter: { hideDone: false } },
      { filter: DEFAULT_FILTER, sort: 'due' },
    ],
    [
      'every part valid, unknown keys dropped',
      {
        filter: { channels: ['email'], assignees: ['u-1'], mine: true, view: 'severe', x: 1 },
        sort: 'due',
        y: 2,
      },
      {
        filter: {
          ...DEFAULT_VIEW_FILTER,
          channels: ['email'],
          assignees: ['u-1'],
          mine: true,
          view: 'severe',
        },
        sort: 'due',
      },
    ],
    [
      'a flag that is not a boolean',
      { filter: { mine: 'yes' } },
      { filter: DEFAULT_VIEW_FILTER, sort: 'due' },
    ],
    ['an unknown view', { filter: { view: 'all' } }, { filter: DEFAULT_VIEW_FILTER, sort: 'due' }],
    [
      'a search over 200 characters',
      { filter: { query: 'x'.repeat(201) } },
      { filter: DEFAULT_VIEW_FILTER, sort: 'due' },
    ],
    [
      'more than 50 categories',
      { filter: { categories: Array.from({ length: 51 }, (_, i) => `c${i}`) } },
      { filter: DEFAULT_VIEW_FILTER, sort: 'due' },
    ],
    ['a filter that is a list', { filter: [] }, { filter: DEFAULT_VIEW_FILTER, sort: 'due' }],
  ])('%s', (_, stored, expected) => {
    expect(parseQueueSettings(stored)).toEqual(expected);
  });

  it('the default view hides closed and withdrawn, unless a status is chosen', () => {
    const view = DEFAULT_VIEW_FILTER;
    for (const [status, shown] of [
      ['assigned', true],
      ['invalid', true],
      ['closed', false],
      ['withdrawn', false],
    ] as const)
      expect(matchesFilter(row({ status }), view, { now: NOW }), status).toBe(shown);
    expect(
      matchesFilter(row({ status: 'closed' }), { ...view, statuses: ['closed'] }, { now: NOW }),
    ).toBe(true);
    expect(matchesFilter(row({ status: 'closed' }), DEFAULT_FILTER, { now: NOW })).toBe(true);
    expect(isEmptyFilter(view)).toBe(false);
  });

  it('isEmptyFilter', () => {
    expect(isEmptyFilter(DEFAULT_FILTER)).toBe(true);
    expect(isEmptyFilter(f({ mine: true }))).toBe(false);
    expect(isEmptyFilter(f({ query: ' ' }))).toBe(true);
  });
});
