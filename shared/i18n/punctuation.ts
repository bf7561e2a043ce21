import type { Locale } from '../schema/codes';

/**
 * What goes between a label and its value in running text: "Status: Registered", "状态：已登记"
 * (Chinese takes the full-width colon and no space, as the catalogue's own sentences do).
 */
export const labelColon = (locale: Locale): string => (locale === 'zh-CN' ? '：' : ': ');

/**
 * A short list of names in running text, as the locale writes one: "name, subject",
 * "姓名、主题" (Chinese separates with the enumeration comma, not ", ").
 */
export const listOf = (locale: Locale, items: readonly string[]): string =>
  new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(items);

/**
 * A note after a label, with the space before it each language wants: "Category (optional)",
 * "投诉类别（选填）" — a full-width bracket carries its own space, so none is added before it.
 */
export const afterLabel = (note: string): string =>
  /^[（【「『〔]/.test(note) ? note : ` ${note}`;
