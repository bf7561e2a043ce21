import {
  type MessageKey,
  type Messages,
  hasLocale,
  loadLocale,
  t as translate,
  tKey,
} from '@shared/i18n';
import type { ParamsOf } from '@shared/i18n/translate';
import type { Locale } from '@shared/schema/codes';

export { hasLocale, loadLocale, tKey };
export type { MessageKey };

/** A translator bound to one locale, for a page or the background. */
export function translator(locale: Locale) {
  return <K extends MessageKey>(key: K, ...params: ParamsOf<Messages, K>) =>
    translate(locale, key, ...params);
}
export type T = ReturnType<typeof translator>;
