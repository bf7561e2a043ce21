/**
 * The catalogues for extension pages. The first load holds the English areas the queue shows
 * (`enQueue`); `loadLocale` fetches the rest of English and, for Chinese, zh-CN (~14 KB gzip).
 * Pages await it before they render; the popup renders its queue first and lets `useI18n`
 * fetch the rest (`hasLocale` is false until it is here). Same exports as index.ts, which the
 * extension build swaps for this file in pages (extension/wxt.config.ts).
 */
import type { Locale } from '../schema/codes';
import type { MessageKey, Messages } from './en';
import { enQueue } from './en-queue';
import { type Catalogs, createTranslator } from './translate';

export type { MessageKey, Messages };

/** The English catalogue: the queue's areas, every area once `loadLocale` has resolved. */
export const en = { ...enQueue } as Messages;

// Until zh-CN has arrived its slot holds the source catalogue (English, as for a missing key).
const catalogs: Catalogs<Messages> = { en, 'zh-CN': en };
let restLoaded = false;
const loading = new Map<string, Promise<void>>();

const translator = createTranslator<Messages>(catalogs);
export const t = translator.t;
export const tKey = translator.tKey;
export const hasMessage = translator.has;

/** Runs `load` once per name; a failed load may be tried again. */
function once(name: string, load: () => Promise<void>): Promise<void> {
  let p = loading.get(name);
  if (!p) {
    p = load().catch((err: unknown) => {
      loading.delete(name);
      throw err;
    });
    loading.set(name, p);
  }
  return p;
}

/** Fetches `locale`'s messages (and the rest of English) once; later calls resolve at once. */
export function loadLocale(locale: Locale): Promise<void> {
  const english = once('en', () =>
    import('./en-rest').then((m) => {
      Object.assign(en, m.enRest);
      restLoaded = true;
    }),
  );
  if (locale !== 'zh-CN') return english;
  const chinese = once('zh-CN', () =>
    import('./zh-cn').then((m) => {
      catalogs['zh-CN'] = m.zhCN;
    }),
  );
  return Promise.all([english, chinese]).then(() => undefined);
}

/** Whether `locale`'s messages are all here (a page re-renders when they arrive). */
export function hasLocale(locale: Locale): boolean {
  return restLoaded && (locale === 'en' || catalogs['zh-CN'] !== en);
}
