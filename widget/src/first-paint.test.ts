import type { Locale, Profile } from '@shared/schema/codes';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { App } from './app';
import { firstPaint } from './first-paint';
import { DEFAULT_CATEGORIES, PROFILES } from './schema-constants';

/** What Preact renders for the empty form: what it will hydrate. */
const rendered = (locale: Locale, profile: Profile | undefined, currency: string) =>
  renderToString(
    h(App, {
      host: undefined as unknown as HTMLElement,
      endpoint: '/api/v1/intake',
      site: 'acme',
      nonce: '',
      locale,
      profile,
      categories: DEFAULT_CATEGORIES,
      currency,
      onReset: () => undefined,
    }),
  );

describe('firstPaint', () => {
  const cases = (['en', 'zh-CN'] as const).flatMap((locale) =>
    [undefined, ...PROFILES].map((profile) => [locale, profile] as const),
  );
  it.each(cases)('%s, profile %s: the markup Preact renders for that form', (locale, profile) => {
    for (const currency of ['CNY', 'EUR'])
      expect(firstPaint(locale, profile, DEFAULT_CATEGORIES, currency)).toBe(
        rendered(locale, profile, currency),
      );
  });

  it('shows the currency in the amount label and beside the box', () => {
    const html = firstPaint('en', undefined, DEFAULT_CATEGORIES, 'USD')!;
    expect(html).toContain('Amount claimed (USD)');
    expect(html).toContain('<span class="suffix" aria-hidden="true">USD</span>');
  });

  it('has none for a page’s own categories: Preact renders that form', () => {
    expect(firstPaint('en', undefined, ['billing', 'delivery'], 'CNY')).toBeUndefined();
    expect(firstPaint('en', undefined, [...DEFAULT_CATEGORIES].reverse(), 'CNY')).toBeUndefined();
  });
});
