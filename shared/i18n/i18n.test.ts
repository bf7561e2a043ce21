import { describe, expect, it } from 'vitest';
import { CHANNELS, CLOCKS, EVENT_TYPES, ROLES, SEVERITY_LEVELS, STATUSES } from '../schema/codes';
import { defaultPolicy } from '../policy/default-policy';
import { en, hasMessage, t, tKey, zhCN } from './index';
import { enQueue } from './en-queue';
import { enRest } from './en-rest';
import { pickLocale } from './translate';

const SAMPLE = new Proxy({} as Record<string, unknown>, {
  get: (_, k) => (k === 'count' ? 2 : `‹${String(k)}›`),
});

describe('catalogues', () => {
  it('zh-CN has every key of en and no extra ones', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('no key is in two areas (extension pages load them in two parts)', () => {
    const both = Object.keys(enQueue).filter((k) => Object.hasOwn(enRest, k));
    expect(both).toEqual([]);
  });

  it('no message is empty in either language', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) {
      // biome-ignore lint/suspicious/noExplicitAny: every message function gets sample parameters
      const text = typeof value === 'function' ? (value as (p: any) => string)(SAMPLE) : value;
      expect(text.trim(), key).not.toBe('');
    }
  });

  it.each([
    ['channel', CHANNELS],
    ['severity', SEVERITY_LEVELS],
    ['status', STATUSES],
    ['clock', CLOCKS],
    ['role', ROLES],
    ['category', defaultPolicy.categories.map((c) => c.code)],
    ['department', defaultPolicy.departments.map((d) => d.code)],
  ])('every %s code has a name', (prefix, codes) => {
    for (const code of codes)
      expect(hasMessage(`${prefix}.${code}`), `${prefix}.${code}`).toBe(true);
  });

  it('names every event type', () => {
    for (const type of EVENT_TYPES) expect(hasMessage(`event.${type}`), type).toBe(true);
  });

  // The workflow's refusals name the action from their own table, not the whole catalogue: a
  // type missing there showed as “event.visitBooked” on the case page.
  it('names every action in the workflow refusals, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const event of EVENT_TYPES) {
        const message = t(locale, 'workflow.forbidden', { role: 'admin', event });
        expect(message, `${locale} ${event}`).not.toMatch(/event\./);
        expect(message).toContain(t(locale, `event.${event}` as 'event.closed'));
      }
  });
});

describe('t / tKey', () => {
  it('translates with typed parameters', () => {
    expect(t('en', 'validation.tooShort', { min: 10 })).toBe(
      'Please enter at least 10 characters.',
    );
    expect(t('zh-CN', 'validation.tooShort', { min: 10 })).toBe('请至少输入 10 个字符。');
    expect(t('zh-CN', 'status.closed')).toBe('已结案');
  });

  it('returns an unknown key unchanged rather than throwing', () => {
    expect(tKey('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('pickLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-GB', 'en'],
    ['fr-FR, zh;q=0.8, en;q=0.5', 'zh-CN'],
    ['en;q=0.9, zh-CN;q=0.95', 'zh-CN'],
    ['de', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (input, expected) => {
    expect(pickLocale(input)).toBe(expected);
  });
});
