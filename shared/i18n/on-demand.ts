/**
 * The catalogues for extension pages: `en` in the first load, zh-CN (~14 KB gzip) fetched by
 * `loadLocale('zh-CN')`, which a page awaits before it renders in Chinese. Same exports as
 * index.ts, which the extension build swaps for this file in pages (extension/wxt.config.ts).
 */
import type { Locale } from '../schema/codes';
import { type MessageKey, type Messages, en } from './en';
import { type Catalogs, createTranslator } from './translate';

export { en, type MessageKey, type Messages };

// Until zh-CN has arrived its slot holds the source catalogue (English, as for a missing key).
const catalogs: Catalogs<Messages> = { en, 'zh-CN': en };
let zh: Promise<void> | undefined;

const translator = createTranslator<Messages>(catalogs);
export const t = translator.t;
export const tKey = translator.tKey;
export const hasMessage = translator.has;

/** Fetches `locale`'s messages once; later calls resolve at once. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'zh-CN') return Promise.resolve();
  zh ??= import('./zh-cn').then(
    (m) => {
      catalogs['zh-CN'] = m.zhCN;
    },
    (err: unknown) => {
      zh = undefined;
      throw err;
    },
  );
  return zh;
}

/** Whether `locale`'s messages are here (a page re-renders when they arrive). */
export function hasLocale(locale: Locale): boolean {
  return locale === 'en' || catalogs['zh-CN'] !== en;
}
