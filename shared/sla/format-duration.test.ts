import { describe, expect, it } from 'vitest';
import { formatDue, formatDuration } from './format-duration';

const MIN = 60_000;

describe('formatDuration', () => {
  it.each([
    [0, '0 min', '0分钟'],
    [20_000, '0 min', '0分钟'],
    [45 * MIN, '45 min', '45分钟'],
    [60 * MIN, '1 h', '1小时'],
    [185 * MIN, '3 h 5 min', '3小时5分钟'],
    [(2 * 1440 + 3 * 60 + 59) * MIN, '2 d 3 h', '2天3小时'],
    [3 * 1440 * MIN, '3 d', '3天'],
    [-90 * MIN, '1 h 30 min', '1小时30分钟'],
  ])('%i ms → %s / %s', (ms, en, zh) => {
    expect(formatDuration(ms)).toBe(en);
    expect(formatDuration(ms, 'zh-CN')).toBe(zh);
  });
});

describe('formatDue', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  it.each([
    ['2026-11-23T04:05:00Z', 'en', 'Due in 2 h 5 min'],
    ['2026-11-23T04:05:00Z', 'zh-CN', '2小时5分钟后到期'],
    ['2026-11-23T01:50:00Z', 'en', 'Overdue by 10 min'],
    ['2026-11-23T01:50:00Z', 'zh-CN', '已超时10分钟'],
  ] as const)('%s in %s → %s', (due, locale, expected) => {
    expect(formatDue(new Date(due), now, locale)).toBe(expected);
  });
});
