import { describe, expect, it } from 'vitest';
import {
  formatMonth,
  formatYear,
  localDate,
  localDateTime,
  monthNames,
  zoneDiffers,
} from './dates';

describe('dates', () => {
  it.each([
    ['2026-02-28T16:00:00Z', 'Asia/Shanghai', '2026-03-01 00:00'],
    ['2026-02-28T16:00:00Z', 'UTC', '2026-02-28 16:00'],
    ['2026-07-01T03:30:00Z', 'Europe/Berlin', '2026-07-01 05:30'],
  ])('localDateTime(%s, %s) = %s', (at, zone, out) => {
    expect(localDateTime(at, zone)).toBe(out);
    expect(localDate(at, zone)).toBe(out.slice(0, 10));
  });

  it('leaves a missing or invalid instant empty', () => {
    expect(localDateTime(undefined, 'UTC')).toBe('');
    expect(localDateTime('not a date', 'UTC')).toBe('');
  });

  it('names months in the UI language', () => {
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(monthNames('zh-CN')[0]).toBe('一月');
    expect(monthNames('en')[11]).toBe('December');
    expect(formatYear(2026, 'zh-CN')).toBe('2026年');
    expect(formatYear(2026, 'en')).toBe('2026');
  });

  it('names the zone only when the offsets differ', () => {
    const winter = new Date('2026-01-15T00:00:00Z');
    expect(zoneDiffers('Asia/Shanghai', 'Asia/Shanghai', winter)).toBe(false);
    expect(zoneDiffers('Asia/Shanghai', 'Asia/Taipei', winter)).toBe(false);
    expect(zoneDiffers('Asia/Shanghai', 'Europe/London', winter)).toBe(true);
  });
});
