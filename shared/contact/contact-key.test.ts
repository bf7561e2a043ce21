import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizePhone, phoneDigits } from './contact-key';

describe('R-SECOND-2 normalizePhone: the same caller written differently is the same caller', () => {
  it.each<[string, string]>([
    ['+86 10 6512 3456', '010-6512-3456'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086 138 1234 5678', '13812345678'],
    ['8613812345678', '138-1234-5678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['(010) 65123456', '+861065123456'],
    ['+44 20 7946 0958', '0044 20 7946 0958'],
  ])('%j = %j', (a, b) => {
    expect(normalizePhone(a)).toBe(normalizePhone(b));
    expect(normalizePhone(a)).toMatch(/^\+\d+$/);
  });

  it.each<[string, string]>([
    ['13812345678', '13812345679'],
    ['010-6512-3456', '021-6512-3456'],
  ])('%j ≠ %j', (a, b) => {
    expect(normalizePhone(a)).not.toBe(normalizePhone(b));
  });

  it.each<[string | undefined, string | undefined]>([
    ['+86 138 1234 5678', '+8613812345678'],
    ['010-6512-3456', '+861065123456'],
    ['12345', '12345'], // not a possible number: its digits still identify it
    ['110', undefined], // too short to identify anyone
    ['n/a', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('reads numbers without a country code in the given region', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });
});

describe('R-SECOND-2 normalizeEmail: case-insensitive, width-folded', () => {
  it.each<[string | undefined, string | undefined]>([
    ['  Li.Wei@Example.COM ', 'li.wei@example.com'],
    ['ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'li@example.com'],
    ['   ', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('phoneDigits (search terms, prefix-matchable)', () => {
  it.each<[string | undefined, string | undefined]>([
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['(021) 6123-4567', '02161234567'],
    ['110', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(phoneDigits(input)).toBe(expected);
  });
});
