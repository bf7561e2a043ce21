import { describe, expect, it } from 'vitest';
import { afterLabel, labelColon, listOf } from './punctuation';

describe('punctuation in running text', () => {
  it('joins a list as each language writes one', () => {
    expect(listOf('en', ['name', 'subject', 'description'])).toBe('name, subject, description');
    expect(listOf('zh-CN', ['姓名', '主题'])).toBe('姓名、主题');
    expect(listOf('zh-CN', ['姓名'])).toBe('姓名');
  });

  it('puts the colon each language uses between a label and its value', () => {
    expect(`状态${labelColon('zh-CN')}已登记`).toBe('状态：已登记');
    expect(`Status${labelColon('en')}Registered`).toBe('Status: Registered');
  });

  it('spaces a note after a label only where its bracket has no space of its own', () => {
    expect(`Category${afterLabel('(optional)')}`).toBe('Category (optional)');
    expect(`投诉类别${afterLabel('（选填）')}`).toBe('投诉类别（选填）');
  });
});
