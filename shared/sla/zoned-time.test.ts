import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, dayOf, fromLocal, offsetAt, toLocal, weekdayOf } from './zoned-time';

/** Wall time `YYYY-MM-DDTHH:mm` as epoch ms of the same wall time in UTC. */
const wall = (s: string) => Date.parse(`${s}Z`);
const iso = (t: number) => new Date(t).toISOString();

describe('fromLocal', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-20T17:50', '2026-11-20T09:50:00.000Z'],
    ['Asia/Kolkata', '2026-01-01T09:00', '2026-01-01T03:30:00.000Z'],
    ['Europe/London', '2026-03-28T12:00', '2026-03-28T12:00:00.000Z'],
    ['Europe/London', '2026-03-29T12:00', '2026-03-29T11:00:00.000Z'],
    // Skipped by the spring shift: moves forward by the gap.
    ['Europe/London', '2026-03-29T01:30', '2026-03-29T01:30:00.000Z'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'],
    // Repeated by the autumn shift: the earlier instant.
    ['Europe/London', '2026-10-25T01:30', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    // Half-hour DST shift (+11:00 → +10:30 at 02:00 local).
    ['Australia/Lord_Howe', '2026-04-05T01:45', '2026-04-04T14:45:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05T02:15', '2026-04-04T15:45:00.000Z'],
  ])('%s %s → %s', (zone, local, expected) => {
    expect(iso(fromLocal(zone, wall(local)))).toBe(expected);
  });
});

describe('toLocal', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-30T17:00:00Z', '2026-12-01T01:00'],
    ['Europe/London', '2026-03-29T00:59:00Z', '2026-03-29T00:59'],
    ['Europe/London', '2026-03-29T01:00:00Z', '2026-03-29T02:00'],
    ['America/New_York', '2026-11-01T05:30:00Z', '2026-11-01T01:30'],
    ['America/New_York', '2026-11-01T06:30:00Z', '2026-11-01T01:30'],
  ])('%s %s → %s', (zone, instant, expected) => {
    expect(iso(toLocal(zone, Date.parse(instant))).slice(0, 16)).toBe(expected);
  });

  const zones = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
  const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

  it('agrees with Intl for any instant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, (zone, t) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
          })
            .formatToParts(new Date(t))
            .map((p) => [p.type, p.value]),
        );
        const expected = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
        expect(iso(toLocal(zone, t)).slice(0, 19)).toBe(expected);
      }),
    );
  });

  it('round-trips through fromLocal (the earlier instant of a repeated hour)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant, (zone, t) => {
        const back = fromLocal(zone, toLocal(zone, t));
        expect(toLocal(zone, back)).toBe(toLocal(zone, t));
        expect(back).toBeLessThanOrEqual(t);
      }),
    );
  });
});

describe('offsetAt / dayOf / weekdayOf', () => {
  it('gives NaN for an unknown zone', () => {
    expect(offsetAt('Nowhere/Atlantis', 0)).toBeNaN();
  });

  it.each([
    ['1970-01-01', 0, 4],
    ['2026-11-20', 20_777, 5],
    ['2026-02-14', 20_498, 6],
    ['1969-12-28', -4, 0],
  ])('%s is day %i, weekday %i', (date, day, weekday) => {
    expect(dayOf(date)).toBe(day);
    expect(weekdayOf(day)).toBe(weekday);
    expect(new Date(day * MS_PER_DAY).toISOString().slice(0, 10)).toBe(date);
  });

  it.each(['2026-02-30', '2026-2-3', '2026-13-01', 'tomorrow'])('rejects %s', (date) => {
    expect(() => dayOf(date)).toThrow(RangeError);
  });
});
