import type { Locale } from '@shared/schema/codes';
import { tKey } from './i18n';

/** A message to show: a catalogue key with parameters; `text` is the server's own wording. */
export interface Msg {
  key: string;
  params?: Record<string, unknown> | undefined;
  text?: string | undefined;
}

/** Problems by form field name; the first problem of each field wins. */
export type Errors = Record<string, Msg>;

export function byField(issues: readonly (Msg & { field: string })[]): Errors {
  const out: Errors = {};
  for (const { field, ...m } of issues) out[field] ??= m;
  return out;
}

/** Translated now (not when the error happened), so switching `lang` re-translates. */
export function render(locale: Locale, m: Msg): string {
  const text = tKey(locale, m.key, m.params);
  return text === m.key && m.text ? m.text : text;
}
