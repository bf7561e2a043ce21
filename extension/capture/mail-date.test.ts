import { describe, expect, it } from 'vitest';
import { parseMailDate } from './mail-date';

// Without a zone in the text the time is local: expectations are built the same way, so the
// table holds in any TZ the tests run under.
const local = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) =>
  new Date(y, m - 1, d, h, mi, s).toISOString();

describe('parseMailDate', () => {
  it.each([
    ['Fri, Nov 20, 2026, 3:42 PM', local(2026, 11, 20, 15, 42)],
    ['Thu, Nov 19, 2026 at 11:26 PM', local(2026, 11, 19, 23, 26)],
    ['Fri 11/20/2026 3:42 PM', local(2026, 11, 20, 15, 42)],
    ['20/11/2026 15:42', local(2026, 11, 20, 15, 42)],
    // Dotted dates are day-first even when the day could be a month.
    ['Fr 04.12.2026 16:20', local(2026, 12, 4, 16, 20)],
    ['04.12.2026', local(2026, 12, 4, 0, 0)],
    ['Sat, Nov 21, 2026 07:55 AM', local(2026, 11, 21, 7, 55)],
    ['12:05 AM, Nov 21, 2026', local(2026, 11, 21, 0, 5)],
    ['2026年11月20日周五 下午3:42', local(2026, 11, 20, 15, 42)],
    ['2026年11月20日 (周五) 上午8:05', local(2026, 11, 20, 8, 5)],
    ['2026年11月19日(星期四) 晚上9:10', local(2026, 11, 19, 21, 10)],
    ['2026年11月19日 中午12:30', local(2026, 11, 19, 12, 30)],
    ['2026年03月03日 10:14 (星期二)', local(2026, 3, 3, 10, 14)],
    ['2026/11/20 周五 15:42', local(2026, 11, 20, 15, 42)],
    ['２０２６年１１月２０日 １５：４２', local(2026, 11, 20, 15, 42)],
    ['2026-11-20 15:42', local(2026, 11, 20, 15, 42)],
    ['2026-11-20T15:42:10', local(2026, 11, 20, 15, 42, 10)],
    ['20 Nov 2026', local(2026, 11, 20)],
    ['Thu, 19 Nov 2026 21:17:44 +0100', '2026-11-19T20:17:44.000Z'],
    ['Fri, 20 Nov 2026 15:42:10 +0800 (CST)', '2026-11-20T07:42:10.000Z'],
    ['Nov 20, 2026 3:42 PM GMT+8', '2026-11-20T07:42:00.000Z'],
    ['Nov 20, 2026 15:42 UTC', '2026-11-20T15:42:00.000Z'],
    ['2026-11-20T15:42:00Z', '2026-11-20T15:42:00.000Z'],
    ['2026-11-20T15:42:00+08:00', '2026-11-20T07:42:00.000Z'],
  ])('%s', (raw, iso) => {
    expect(parseMailDate(raw)).toBe(iso);
  });

  it.each([
    ['3:42 PM (2 days ago)'],
    ['yesterday'],
    ['2026-02-30 10:00'],
    ['1889-01-01'],
    ['2026-13-01'],
    [''],
    [null],
  ])('cannot read %j', (raw) => {
    expect(parseMailDate(raw)).toBeUndefined();
  });
});
