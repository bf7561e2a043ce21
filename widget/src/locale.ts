import { pickLocale } from '@shared/i18n/translate';
import type { Locale } from '@shared/schema/codes';

/** The `lang` attribute, else the page's `<html lang>`, else the browser's language. */
export function resolveLocale(
  attr: string | null,
  doc: Document = document,
  nav: Navigator = navigator,
): Locale {
  return pickLocale(attr || doc.documentElement.lang || nav.language);
}
