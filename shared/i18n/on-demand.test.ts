import { describe, expect, it } from 'vitest';
import * as full from './index';
import * as onDemand from './on-demand';

describe('on-demand catalogues (extension pages)', () => {
  it('export what index.ts exports, so the page build can swap one for the other', () => {
    const names = (m: object) => Object.keys(m).sort();
    expect(names(onDemand)).toEqual(names(full).filter((n) => n !== 'zhCN'));
  });

  it('hold the queue’s English first, the rest of English after loadLocale', async () => {
    expect(onDemand.hasLocale('en')).toBe(false);
    expect(onDemand.t('en', 'review.queue.title')).toBe(full.t('en', 'review.queue.title'));
    expect(onDemand.hasMessage('validation.required')).toBe(false);
    await onDemand.loadLocale('en');
    expect(onDemand.hasLocale('en')).toBe(true);
    expect(onDemand.hasLocale('zh-CN')).toBe(false);
    expect(Object.keys(onDemand.en).sort()).toEqual(Object.keys(full.en).sort());
    expect(onDemand.t('en', 'validation.required')).toBe(full.t('en', 'validation.required'));
  });

  it('answer in English until zh-CN is loaded, then in Chinese', async () => {
    expect(onDemand.hasLocale('zh-CN')).toBe(false);
    expect(onDemand.t('zh-CN', 'review.queue.title')).toBe(full.t('en', 'review.queue.title'));
    await onDemand.loadLocale('zh-CN');
    expect(onDemand.hasLocale('zh-CN')).toBe(true);
    expect(onDemand.t('zh-CN', 'review.queue.title')).toBe('审核队列');
    expect(onDemand.tKey('zh-CN', 'review.queue.title')).toBe(
      full.t('zh-CN', 'review.queue.title'),
    );
  });
});
