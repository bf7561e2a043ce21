// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { t } from './i18n';
import { resolveLocale } from './locale';

describe('resolveLocale', () => {
  const doc = (lang: string) => ({ documentElement: { lang } }) as Document;
  const nav = (language: string) => ({ language }) as Navigator;
  it.each([
    ['zh-CN', 'en', 'en', 'zh-CN'],
    ['en', 'zh', 'zh', 'en'],
    ['', 'zh-Hans', 'en', 'zh-CN'],
    ['', '', 'zh-TW', 'zh-CN'],
    ['', '', 'de-DE', 'en'],
    ['fr', '', 'zh', 'en'],
  ])('attr %j, page %j, browser %j → %s', (attr, page, browser, expected) => {
    expect(resolveLocale(attr || null, doc(page), nav(browser))).toBe(expected);
  });
});

describe('widget translator', () => {
  it('has the form and widget areas in both languages', () => {
    expect(t('zh-CN', 'form.description')).toBe('发生了什么？');
    expect(t('en', 'widget.review')).toBe('Review my complaint');
    expect(t('zh-CN', 'category.billing')).toBe('账单与价格');
  });
});
