import { describe, expect, it } from 'vitest';
import { currencyName, formatMoney } from './money';

describe('money in the UI language', () => {
  it.each([
    [8000, 'CNY', 'zh-CN', '¥8,000.00'],
    [8000, 'CNY', 'en', 'CN¥8,000.00'],
    [12.5, 'USD', 'zh-CN', 'US$12.50'],
    [3, 'XX1', 'en', '3 XX1'],
  ] as const)('%d %s in %s → %s', (amount, currency, locale, out) => {
    expect(formatMoney(amount, currency, locale)).toBe(out);
  });

  it('names the currency', () => {
    expect(currencyName('CNY', 'zh-CN')).toBe('人民币');
    expect(currencyName('CNY', 'en')).toBe('Chinese Yuan');
    expect(currencyName('XX1', 'en')).toBe('XX1');
  });
});
