import { describe, expect, it } from 'vitest';
import { addMonths, isMonth, monthOf, monthRange, reportDueDate } from './month';

describe('months in a time zone', () => {
  it.each([
    ['2026-02', 'Asia/Shanghai', '2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['2026-12', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    // London: GMT in March until the 29th, BST in April.
    ['2026-03', 'Europe/London', '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
    ['2026-11', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
  ])('%s in %s', (month, zone, start, end) => {
    const r = monthRange(month, zone);
    expect([r.start.toISOString(), r.end.toISOString()]).toEqual([start, end]);
  });

  it.each([
    ['2026-01-31T15:59:59.999Z', 'Asia/Shanghai', '2026-01'],
    ['2026-01-31T16:00:00.000Z', 'Asia/Shanghai', '2026-02'],
    ['2026-01-31T16:00:00.000Z', 'UTC', '2026-01'],
  ])('%s is in month %s → %s', (at, zone, month) => {
    expect(monthOf(new Date(at), zone)).toBe(month);
  });

  it.each([
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-03', -14, '2025-01'],
  ])('addMonths(%s, %i) → %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('report due on the configured day of the next month', () => {
    expect(reportDueDate('2026-12', 10)).toBe('2027-01-10');
    expect(reportDueDate('2026-02', 5)).toBe('2026-03-05');
  });

  it('rejects what is not a month', () => {
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-02')).toBe(true);
    expect(() => monthRange('2026-2', 'UTC')).toThrow(RangeError);
  });
});
