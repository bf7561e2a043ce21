/**
 * The empty form as HTML, made from the same components Preact later hydrates, so the markup
 * lives in one place. The build renders it once and puts the strings in the entry
 * (widget/vite.config.ts); the unit tests, which run the sources, render it when this module
 * loads.
 */
import type { Locale, Profile } from '@shared/schema/codes';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { App } from './app';
import { DEFAULT_CATEGORIES, PROFILES } from './schema-constants';

/** Stands for the currency code (three capital letters at run time, so it never clashes). */
export const CURRENCY = '\u00a4';

export interface Shell {
  /** The form without a profile, with `CURRENCY` where the currency code goes. */
  form: string;
  /** Per profile: where its fields go into `form`, and their markup. */
  profiles: Partial<Record<Profile, [at: number, html: string]>>;
}

export type Shells = Partial<Record<Locale, Shell>>;

function formHtml(locale: Locale, profile?: Profile): string {
  return renderToString(
    h(App, {
      key: 0,
      host: undefined as unknown as HTMLElement,
      endpoint: '',
      site: '',
      nonce: '',
      locale,
      profile,
      categories: DEFAULT_CATEGORIES,
      currency: CURRENCY,
      onReset: () => undefined,
    }),
  );
}

/** `with` = `without` with one stretch added: where it goes and what it is. */
function insertion(without: string, withIt: string): [number, string] {
  let at = 0;
  while (at < without.length && without[at] === withIt[at]) at++;
  let end = 0;
  while (
    end < without.length - at &&
    without[without.length - 1 - end] === withIt[withIt.length - 1 - end]
  )
    end++;
  return [at, withIt.slice(at, withIt.length - end)];
}

export function renderShells(locales: readonly Locale[] = ['en', 'zh-CN']): Shells {
  const shells: Shells = {};
  for (const locale of locales) {
    const form = formHtml(locale);
    const profiles: Shell['profiles'] = {};
    for (const profile of PROFILES) {
      const withIt = formHtml(locale, profile);
      const [at, html] = insertion(form, withIt);
      // A profile must add one stretch of markup, or first-paint.ts would splice it wrongly.
      if (form.slice(0, at) + html + form.slice(at) !== withIt)
        throw new Error(`profile ${profile} changes more than one place of the form`);
      profiles[profile] = [at, html];
    }
    shells[locale] = { form, profiles };
  }
  return shells;
}

export const SHELLS: Shells = renderShells();
