import type { Locale } from '../schema/codes';
import { type MessageKey, type Messages, en } from './en';
import { createTranslator } from './translate';
import { zhCN } from './zh-cn';

// Both catalogues, loaded up front (server, background, tests). Extension pages build against
// on-demand.ts instead, which has the same exports and fetches zh-CN only when it is used.
export { en, zhCN, type MessageKey, type Messages };

const translator = createTranslator<Messages>({ en, 'zh-CN': zhCN });
/** `t(locale, key, params)`: a message in `en` or `zh-CN`, parameters typed per key. */
export const t = translator.t;
/** `tKey(locale, key, params)` for keys that arrive as data; unknown keys come back unchanged. */
export const tKey = translator.tKey;
export const hasMessage = translator.has;

/** Makes `locale`'s messages available; here they always are (see on-demand.ts). */
export async function loadLocale(_locale: Locale): Promise<void> {}

/** Whether `locale`'s messages are here; here always. */
export function hasLocale(_locale: Locale): boolean {
  return true;
}
