import type { Locale } from '../schema/codes';

/** An amount with its currency in the UI language ("¥8,000.00", "CN¥8,000.00"). */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // Not an ISO 4217 code Intl knows: the number and the code as stored.
    return `${amount.toLocaleString(locale)} ${currency}`;
  }
}

/** A currency's name in the UI language ("人民币", "Chinese Yuan"); the code if unknown. */
export function currencyName(currency: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}
