import { describe, expect, it } from 'vitest';
import { severity as en } from '../i18n/en/severity';
import { severity as zhCN } from '../i18n/zh-CN/severity';
import { defaultPolicy } from '../policy/default-policy';
import { SEVERITY_RULES, type SeverityReason, assessSeverity } from './assess-severity';

type Catalog = Record<string, string | ((p: Omit<SeverityReason, 'rule' | 'level'>) => string)>;
const catalogs: [string, Catalog][] = [
  ['en', en],
  ['zh-CN', zhCN],
];
const render = (catalog: Catalog, reason: Omit<SeverityReason, 'level'>) => {
  const message = catalog[`severity.rule.${reason.rule}`];
  return typeof message === 'function' ? message(reason) : message;
};
const RULE_IDS = [
  ...new Set([
    ...SEVERITY_RULES,
    ...defaultPolicy.severity.text.triggers.flatMap((t) => [
      t.rule,
      ...(t.done ? [t.done.rule] : []),
    ]),
  ]),
];

describe('every reason rule has a message in both catalogues', () => {
  it.each(
    catalogs.flatMap(([locale, catalog]) =>
      RULE_IDS.map((rule) => [locale, rule, catalog] as const),
    ),
  )('%s: severity.rule.%s', (_, rule, catalog) => {
    const text = render(catalog, { rule, detail: '媒体', value: 20_000, threshold: 10_000 });
    expect(text).toEqual(expect.any(String));
    expect(text!.length).toBeGreaterThan(3);
    expect(render(catalog, { rule })).toEqual(expect.any(String)); // all parameters optional
  });

  it('the catalogues have the same keys and nothing else', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).sort()).toEqual(RULE_IDS.map((r) => `severity.rule.${r}`).sort());
  });
});

describe('messages read well', () => {
  it.each<[string, Omit<SeverityReason, 'level'>, string, string]>([
    [
      'amount',
      { rule: 'amount_major', value: 20_000, threshold: 10_000 },
      'Amount involved 20,000 reaches 10,000 (major)',
      '涉及金额 20,000 达到 10,000（重大）',
    ],
    ['media', { rule: 'media', detail: '媒体' }, 'Mentions the media: “媒体”', '提及媒体：“媒体”'],
    [
      'channel',
      { rule: 'important_channel', detail: 'letter' },
      'Received through an important channel (Letter)',
      '重要渠道投诉（信函）',
    ],
    [
      'default category',
      { rule: 'important_category', detail: 'service_attitude' },
      'Important category (Service attitude / conduct)',
      '重要类别投诉（服务态度/行为）',
    ],
    [
      "an organisation's own category",
      { rule: 'important_category', detail: 'vip_care' },
      'Important category (vip_care)',
      '重要类别投诉（vip_care）',
    ],
    [
      'headcount',
      { rule: 'headcount_major', value: 6, threshold: 5 },
      '6 complainants on one matter (5 or more is major)',
      '同一事项投诉人数 6 人（5 人及以上为重大）',
    ],
    [
      'claim over offer',
      { rule: 'claim_over_offer', detail: '2', value: 2_100, threshold: 2_000 },
      'Amount claimed 2,100 is at least 2× the offer (2,000)',
      '索赔金额 2,100 达到公司方案的 2 倍（2,000）',
    ],
    [
      'aging',
      { rule: 'aging', threshold: 2 },
      "Unresolved for more than 2 months through the company's fault",
      '因公司原因超过 2 个月未解决',
    ],
    [
      'agent kept',
      { rule: 'agent_minor' },
      'Marked minor by the agent: solved on the spot, no compensation',
      '受理人标记为轻微：当场解决，无赔偿',
    ],
    [
      'agent superseded',
      { rule: 'agent_minor', detail: 'superseded' },
      'Marked minor (solved on the spot) by the agent, but a higher rule applies',
      '受理人标记为轻微（当场解决），但触发了更高级别的规则',
    ],
  ])('%s', (_, reason, inEnglish, inChinese) => {
    expect(render(en, reason)).toBe(inEnglish);
    expect(render(zhCN, reason)).toBe(inChinese);
  });

  it.each<[string, Omit<SeverityReason, 'level'>, string, string]>([
    [
      'a headcount read from the text',
      { rule: 'headcount_major', value: 5, threshold: 5, detail: '5个人', proposed: true },
      '5 complainants on one matter (5 or more is major) — read from the text “5个人”; to be confirmed',
      '同一事项投诉人数 5 人（5 人及以上为重大）——从文本中读出“5个人”，待确认',
    ],
    [
      'a claim and an offer read from the text',
      {
        rule: 'claim_over_offer',
        value: 120,
        threshold: 120,
        detail: '2',
        proposed: true,
        offer: '60元',
      },
      'Amount claimed 120 is at least 2× the offer (120) — read from the text, offer “60元”; to be confirmed',
      '索赔金额 120 达到公司方案的 2 倍（120）——从文本中读出，方案“60元”，待确认',
    ],
    [
      'an amount in another currency, at the policy rate',
      {
        rule: 'amount_special_major',
        value: 18_000,
        threshold: 10_000,
        detail: '£2,000',
        proposed: true,
        rate: 9,
      },
      'Amount involved 18,000 reaches 10,000 (special major) — read from the text “£2,000”, counted at 9 per unit; to be confirmed',
      '涉及金额 18,000 达到 10,000（特别重大）——从文本中读出“£2,000”，按每单位 9 折算，待确认',
    ],
    [
      'aging read from dates in the text',
      { rule: 'aging', threshold: 2, detail: '3 March … 20 June', proposed: true },
      'Unresolved for more than 2 months as the text tells it — read from the text “3 March … 20 June”; to be confirmed',
      '按文本所述已超过 2 个月未解决——从文本中读出“3 March … 20 June”，待确认',
    ],
    [
      'a quoted trigger',
      { rule: 'extreme_act', detail: '从楼顶跳下去' },
      'Risk of self-harm or an extreme act: “从楼顶跳下去”',
      '有自伤或过激行为的风险：“从楼顶跳下去”',
    ],
  ])('%s', (_, reason, inEnglish, inChinese) => {
    expect(render(en, reason)).toBe(inEnglish);
    expect(render(zhCN, reason)).toBe(inChinese);
  });

  it('renders every reason of a real assessment', () => {
    const { reasons } = assessSeverity({
      text: '已曝光，律师 lawyer',
      channel: 'referral',
      headcount: 11,
      amountClaimed: 70_000,
      amountOffered: 100,
      agentLevel: 'L0',
    });
    for (const [, catalog] of catalogs) {
      for (const reason of reasons) expect(render(catalog, reason)).not.toMatch(/undefined|NaN|\?/);
    }
  });
});
