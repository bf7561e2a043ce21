import { describe, expect, it } from 'vitest';
import { en, hasMessage, tKey, zhCN } from '../i18n/index';
import { EVENT_TYPES } from '../schema/codes';
import { REVIEW_REASONS, WORKFLOW_REASONS } from './index';

const sampleParams = {
  event: 'assigned',
  status: 'draft',
  role: 'supervisor',
  fields: 'description',
  days: 2,
  clock: 'close',
  category: 'x',
  department: 'y',
  currency: 'USD',
  expected: 'CNY',
  amount: 60_000,
  due: '2026-03-03T02:00:00.000Z',
  code: 'weather',
};

describe('every reason the workflow can return is translated', () => {
  it.each(WORKFLOW_REASONS)('%s exists in en and zh-CN', (key) => {
    expect(hasMessage(key)).toBe(true);
    expect(Object.hasOwn(zhCN, key)).toBe(true);
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = tKey(locale, key, sampleParams);
      expect(text).not.toBe(key);
      expect(text).not.toMatch(/undefined|\[object/);
    }
  });

  it.each(EVENT_TYPES)('event.%s is named in en and zh-CN', (type) => {
    expect(hasMessage(`event.${type}`)).toBe(true);
    expect(Object.hasOwn(zhCN, `event.${type}`)).toBe(true);
  });

  it.each(REVIEW_REASONS)('workflow.review.%s is named in en and zh-CN', (why) => {
    expect(hasMessage(`workflow.review.${why}`)).toBe(true);
    expect(Object.hasOwn(zhCN, `workflow.review.${why}`)).toBe(true);
  });

  it('names the event and the status in workflow.illegal', () => {
    const params = { event: 'assigned', status: 'draft' };
    expect(tKey('en', 'workflow.illegal', params)).toBe(
      '“Assign” is not possible while the complaint is draft.',
    );
    expect(tKey('zh-CN', 'workflow.illegal', params)).toBe('投诉处于“草稿”状态时不能执行“分派”。');
  });

  it('names the role in workflow.approve.insufficient', () => {
    expect(tKey('en', 'workflow.approve.insufficient', { role: 'manager' })).toContain('manager');
    expect(tKey('zh-CN', 'workflow.approve.insufficient', { role: 'manager' })).toContain('经理');
  });

  it('has no workflow.* message the module never uses', () => {
    const used = new Set<string>([
      ...WORKFLOW_REASONS,
      ...REVIEW_REASONS.map((w) => `workflow.review.${w}`),
    ]);
    const defined = Object.keys(en).filter((k) => k.startsWith('workflow.'));
    expect(defined.filter((k) => !used.has(k))).toEqual([]);
  });
});
