import type { Locale } from '../schema/codes';

/** A message: plain text, or a function of its parameters (typed per key). */
// biome-ignore lint/suspicious/noExplicitAny: parameter types are recovered per key below
export type MessageValue = string | ((params: any) => string);
export type Catalog = Record<string, MessageValue>;

/** A translation must have every key of the source, with the same parameters. */
export type Translation<T extends Catalog> = {
  [K in keyof T]: T[K] extends (params: infer P) => string ? (params: P) => string : string;
};

export type ParamsOf<T extends Catalog, K extends keyof T> = T[K] extends (
  params: infer P,
) => string
  ? [params: P]
  : [];

export type Catalogs<T extends Catalog> = { en: T; 'zh-CN': Translation<T> };

function render(value: MessageValue | undefined, params: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'function' ? value(params ?? {}) : value;
}

/**
 * A typed `t(locale, key, params)` over a pair of catalogues. Parts that need only a few areas
 * (the widget) build their own translator so the rest is tree-shaken away.
 */
export function createTranslator<T extends Catalog>(catalogs: Catalogs<T>) {
  function t<K extends keyof T & string>(
    locale: Locale,
    key: K,
    ...params: ParamsOf<T, K>
  ): string {
    const cat = catalogs[locale] as Catalog;
    return render(cat[key], params[0]) ?? render(catalogs.en[key], params[0]) ?? key;
  }
  /** For keys that arrive as data (a rejection reason from the server): falls back to the key. */
  function tKey(locale: Locale, key: string, params?: Record<string, unknown>): string {
    const cat = catalogs[locale] as Catalog;
    return render(cat[key], params) ?? render((catalogs.en as Catalog)[key], params) ?? key;
  }
  function has(key: string): boolean {
    return Object.hasOwn(catalogs.en, key);
  }
  return { t, tKey, has };
}

/**
 * The best supported locale for a BCP 47 tag or an Accept-Language header value:
 * any Chinese tag (zh, zh-CN, zh-Hans, zh-TW…) → zh-CN, everything else → en.
 */
export function pickLocale(input: string | null | undefined, fallback: Locale = 'en'): Locale {
  if (!input) return fallback;
  const tags = input
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return fallback;
}
