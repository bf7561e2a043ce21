import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { resolvePolicy } from '../policy/resolve-policy';
import { happyState } from '../../test/support/workflow';
import { renderReply, replyValues } from './render';
import { addressName, salutation } from './salutation';

describe('salutation', () => {
  it.each([
    ['陈', 'zh-CN', '尊敬的陈先生/女士：'],
    ['陈小明', 'zh-CN', '尊敬的陈小明：'],
    ['Chen', 'en', 'Dear Mr/Ms Chen,'],
    ['Wei Chen', 'en', 'Dear Wei Chen,'],
    ['陈', 'en', 'Dear Mr/Ms 陈,'],
    ['Chen', 'zh-CN', '尊敬的Chen先生/女士：'],
    [undefined, 'zh-CN', '尊敬的客户：'],
    [undefined, 'en', 'Dear Customer,'],
  ] as const)('%s in %s → %s', (name, locale, expected) => {
    expect(salutation(name ? { name, anonymous: false } : undefined, locale)).toBe(expected);
  });

  it('never names an anonymous complainant', () => {
    expect(addressName({ name: '陈', anonymous: true }, 'zh-CN')).toBe('客户');
  });
});

describe('renderReply', () => {
  const { state } = happyState('resolution_proposed');
  const withAmount = {
    ...state,
    resolution: { ...state.resolution!, type: 'compensation' as const, amount: 1200 },
  };

  it('fills the built-in template with a proper salutation and the case number', () => {
    const values = replyValues(withAmount, 'zh-CN', defaultPolicy, {
      now: new Date(state.updatedAt),
    });
    const reply = renderReply(defaultPolicy, 'zh-CN', values, 'compensation');
    expect(reply.text.startsWith('尊敬的刘先生/女士：')).toBe(true);
    expect(reply.subject).toContain('2603-0001');
  });

  it("fills the organisation's own template: amount and deadline, both languages", () => {
    const r = resolvePolicy({
      notifications: {
        channels: [],
        replyTemplates: {
          en: {
            subject: 'About your complaint',
            body: '{salutation}\nWe offer {amount} by {deadline}.',
          },
          'zh-CN': {
            subject: '案件 {caseNumber}',
            body: '{salutation}\n我们将于{deadline}前赔偿{amount}。',
          },
        },
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const now = new Date(state.updatedAt);
    const en = renderReply(r.policy, 'en', replyValues(withAmount, 'en', r.policy, { now }));
    expect(en.subject).toBe('About your complaint [2603-0001]');
    expect(en.text).toMatch(/^Dear Mr\/Ms 刘,\nWe offer CN¥1,200\.00 by \w+ \d+, 2026\.$/);
    const zh = renderReply(r.policy, 'zh-CN', replyValues(withAmount, 'zh-CN', r.policy, { now }));
    expect(zh.subject).toBe('案件 2603-0001');
    expect(zh.text).toMatch(/^尊敬的刘先生\/女士：\n我们将于2026年\d+月\d+日前赔偿¥1,200\.00。$/);
  });
});
