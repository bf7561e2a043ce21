import type { Locale } from '../schema/codes';

/**
 * What goes between a label and its value in running text: "Status: Registered", "状态：已登记"
 * (Chinese takes the full-width colon and no space, as the catalogue's own sentences do).
 */
export const labelColon = (locale: Locale): string => (locale === 'zh-CN' ? '：' : ': ');
