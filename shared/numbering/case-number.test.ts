import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../policy/resolve-policy';
import {
  caseNumberPeriod,
  checkCaseNumberFormat,
  formatCaseNumber,
  parseCaseNumber,
} from './case-number';

describe('R-NUM-1 formatCaseNumber', () => {
  it.each([
    ['2026-11-30T17:00:00Z', 1, undefined, undefined, '2612-0001'],
    ['2026-11-30T15:59:59Z', 1, undefined, undefined, '2611-0001'],
    ['2026-11-30T16:00:00Z', 42, undefined, undefined, '2612-0042'],
    ['2026-11-01T00:00:00Z', 9999, undefined, undefined, '2611-9999'],
    ['2026-11-01T00:00:00Z', 10_000, undefined, undefined, '2611-10000'],
    ['2026-11-01T00:00:00Z', 123_456, undefined, undefined, '2611-123456'],
    ['2026-11-30T17:00:00Z', 1, 'Europe/London', undefined, '2611-0001'],
    ['2027-01-01T03:00:00Z', 7, 'America/New_York', undefined, '2612-0007'],
    ['2026-11-30T17:00:00Z', 1, 'Asia/Shanghai', 'YYYY/MM-NNNNN', '2026/12-00001'],
    ['2026-11-30T17:00:00Z', 12, 'Asia/Shanghai', 'CD-YYMMNNN', 'CD-2612012'],
    ['2099-12-31T00:00:00Z', 3, 'UTC', 'YYMM-NN', '9912-03'],
  ])('%s #%i (%s, %s) → %s', (at, serial, zone, format, expected) => {
    expect(formatCaseNumber(new Date(at), serial, zone, format)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 60])('rejects serial %d', (serial) => {
    expect(() => formatCaseNumber(new Date('2026-11-01T00:00:00Z'), serial)).toThrow(RangeError);
  });

  it.each(['YYMM', 'NNNN', 'YYMM-NNNN-NN', 'YYYMM-NNNN', 'YYMMM-NNNN', 'YYYY-YY-MM-NNNN'])(
    'rejects format %s',
    (format) => {
      expect(() =>
        formatCaseNumber(new Date('2026-11-01T00:00:00Z'), 1, 'Asia/Shanghai', format),
      ).toThrow(RangeError);
    },
  );

  it('rejects an unknown time zone', () => {
    expect(() => formatCaseNumber(new Date('2026-11-01T00:00:00Z'), 1, 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });
});

describe('parseCaseNumber', () => {
  it.each([
    ['2611-0001', undefined, { year: 2026, month: 11, serial: 1 }],
    ['2612-10000', undefined, { year: 2026, month: 12, serial: 10_000 }],
    [' 2601-0042 ', undefined, { year: 2026, month: 1, serial: 42 }],
    ['2026/12-00001', 'YYYY/MM-NNNNN', { year: 2026, month: 12, serial: 1 }],
    ['CD-2612012', 'CD-YYMMNNN', { year: 2026, month: 12, serial: 12 }],
    ['2611-0000', undefined, null],
    ['2613-0001', undefined, null],
    ['2600-0001', undefined, null],
    ['2611-001', undefined, null],
    ['2611-01234', undefined, null],
    ['2611_0001', undefined, null],
    ['x2611-0001', undefined, null],
    ['2611-0001x', undefined, null],
    ['', undefined, null],
    ['CD.2612012', 'CD-YYMMNNN', null],
  ])('%s (%s) → %o', (s, format, expected) => {
    expect(parseCaseNumber(s, format)).toEqual(expected);
  });

  it('reads back every number it writes', () => {
    const formats = fc.constantFrom('YYMM-NNNN', 'YYYY-MM-NNNNNN', 'CD-YYMMNNN');
    const instant = fc
      .integer({ min: Date.UTC(2000, 0, 2), max: Date.UTC(2099, 11, 1) })
      .map((t) => new Date(t));
    const zone = fc.constantFrom(
      'Asia/Shanghai',
      'Europe/London',
      'America/New_York',
      'Pacific/Kiritimati',
    );
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 10_000_000 }),
        zone,
        formats,
        (at, serial, tz, format) => {
          const period = caseNumberPeriod(at, tz);
          expect(parseCaseNumber(formatCaseNumber(at, serial, tz, format), format)).toEqual({
            year: 2000 + Number(period.slice(0, 2)),
            month: Number(period.slice(2)),
            serial,
          });
        },
      ),
    );
  });
});

describe('caseNumberPeriod', () => {
  it.each([
    ['2026-11-30T17:00:00Z', undefined, '2612'],
    ['2026-11-30T15:59:59Z', undefined, '2611'],
    ['2026-11-30T17:00:00Z', 'Europe/London', '2611'],
    ['2030-01-01T04:59:59Z', 'America/New_York', '2912'],
  ])('%s in %s → %s', (at, zone, expected) => {
    expect(caseNumberPeriod(new Date(at), zone)).toBe(expected);
  });
});

describe('R-NUM-1 case-number templates: prefix and day tokens, validated', () => {
  const at = new Date('2026-11-30T17:00:00Z'); // 1 December 2026 in Shanghai
  it.each([
    ['CMP-YYMM-NNNN', 7, 'CMP-2612-0007', { year: 2026, month: 12, serial: 7 }],
    ['YYYYMMDD-NNN', 12, '20261201-012', { year: 2026, month: 12, day: 1, serial: 12 }],
    ['DOC/YYMMDD/NNNN', 1, 'DOC/261201/0001', { year: 2026, month: 12, day: 1, serial: 1 }],
  ])('%s, serial %d → %s and back', (format, serial, expected, parsed) => {
    expect(formatCaseNumber(at, serial, 'Asia/Shanghai', format)).toBe(expected);
    expect(parseCaseNumber(expected, format)).toEqual(parsed);
    expect(checkCaseNumberFormat(format)).toEqual({ ok: true });
  });

  it.each(['YYMMDD-DD-NNN', 'YYMMDDD-NNNN', 'CMP-YYMM', 'YYY-MM-NNNN', 'MM-NNNN'])(
    'rejects %s with a reason',
    (format) => {
      const r = checkCaseNumberFormat(format);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).toContain(format);
    },
  );

  it('serials restart daily when the number carries the day, monthly otherwise', () => {
    expect(caseNumberPeriod(at, 'Asia/Shanghai', 'YYYYMMDD-NNN')).toBe('261201');
    expect(caseNumberPeriod(at, 'Asia/Shanghai', 'CMP-YYMM-NNNN')).toBe('2612');
    expect(caseNumberPeriod(at, 'Asia/Shanghai')).toBe('2612');
  });

  it('the policy refuses an unusable template', () => {
    expect(resolvePolicy({ caseNumberFormat: 'CMP-YYMM-NNNN' }).ok).toBe(true);
    const bad = resolvePolicy({ caseNumberFormat: 'CMP-YYMM' });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['caseNumberFormat']);
  });
});
