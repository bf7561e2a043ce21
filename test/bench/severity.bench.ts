import { defaultPolicy } from '../../shared/policy/default-policy';
import type { Channel } from '../../shared/schema/codes';
import { type SeverityInput, type SeverityPolicy, assessSeverity } from '../../shared/severity';
import { LEGACY_KEYWORDS } from '../fixtures/severity/legacy-keywords';
import { CORPUS_NAMES, FLOORS, UNSEEN, loadCorpus, scoreCorpus } from '../severity-corpus';
import { type BenchRow, timeIt } from './row';

const COUNT = 100_000;

/** mulberry32: a small seeded PRNG, so every run scans the same texts. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = [
  '我上周在贵公司购买的洗衣机，安装后第二天就出现漏水问题。',
  '客服电话一直打不通，等了四十多分钟也没有人接听。',
  '快递包装破损，里面的商品有明显划痕，要求退货。',
  '维修师傅上门三次都没有修好，每次都说配件没有货。',
  '账单上多扣了两次服务费，请尽快核实并退还。',
  '门店店员态度非常恶劣，对我大声呵斥，还不让我拍照。',
  '合同里承诺的免费保养服务，现在却说要额外收费。',
  '物业对小区电梯故障一直不处理，老人上下楼很不方便。',
  '订单号 20260315-8841，商品与页面描述严重不符。',
  '希望贵公司能够给出合理的解释和处理方案。',
  '我已经多次联系售后，问题至今没有解决。',
  '要求更换新机，并补偿这段时间的损失。',
];
const EN = [
  'I bought a washing machine from your store last week and it started leaking on day two.',
  'Your hotline kept me on hold for forty minutes and nobody answered.',
  'The parcel arrived damaged and the product inside is scratched; I want a return.',
  'The technician came three times and still could not fix the issue with my order.',
  'My invoice shows the service fee charged twice; please check and refund it.',
  'The staff at the counter were rude and refused to give me their name.',
  'The contract promised free maintenance, but now you say it costs extra.',
  'Order 20260315-8841 does not match the description on the product page.',
  'Please explain what happened and tell me how you will resolve it.',
  'I expect a replacement and an express delivery this time.',
];
// Roughly one text in six carries a trigger, a few of them in full-width or mixed case.
const TRIGGERS = [
  '再不处理我就找媒体曝光。',
  '我已经咨询了律师，准备起诉。',
  '我会打12315投诉到消协。',
  '孩子因此受伤了，这是安全事故！',
  '我要求赔偿全部损失。',
  '已起诉，法院已经立案。',
  'I will contact the press and my lawyer.',
  'If this is not fixed I will sue you.',
  'This product is unsafe and caused an injury.',
  'I called the POLICE.',
  '我会联系ＭＥＤＩＡ，也会打１２３１５。',
];

function makeText(rand: () => number): string {
  const target = 100 + Math.floor(rand() * 500);
  const parts: string[] = [];
  let length = 0;
  const withTrigger = rand() < 1 / 6;
  while (length < target) {
    const pool = rand() < 0.6 ? ZH : EN;
    const part = pool[Math.floor(rand() * pool.length)]!;
    parts.push(part);
    length += part.length + 1;
  }
  if (withTrigger) {
    parts.splice(
      Math.floor(rand() * parts.length),
      0,
      TRIGGERS[Math.floor(rand() * TRIGGERS.length)]!,
    );
  }
  return parts.join(' ').slice(0, 600);
}

const CHANNELS: Channel[] = ['web_form', 'email', 'phone', 'letter', 'referral', 'walk_in'];
const CATEGORIES = ['product_quality', 'service_attitude', 'delivery', 'billing', 'after_sales'];

/** Deterministic, realistic inputs: mixed zh/en texts of 100–600 characters plus the other fields. */
export function makeInputs(count: number, seed = 20260315): SeverityInput[] {
  const rand = prng(seed);
  const inputs: SeverityInput[] = [];
  for (let i = 0; i < count; i++) {
    inputs.push({
      text: makeText(rand),
      channel: CHANNELS[Math.floor(rand() * CHANNELS.length)]!,
      category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!,
      headcount: 1 + Math.floor(rand() * rand() * 12),
      amountClaimed: rand() < 0.5 ? Math.round(rand() * 30_000) : undefined,
      amountOffered: rand() < 0.3 ? Math.round(rand() * 5_000) : undefined,
      round: rand() < 0.1 ? 2 : 1,
    });
  }
  return inputs;
}

/**
 * The policy severity had before it read the sentence: plain substring keywords
 * (test/fixtures/severity/legacy-keywords.ts), no text rules, no numbers read from text.
 */
const LEGACY_POLICY: SeverityPolicy = {
  ...defaultPolicy,
  severity: {
    ...defaultPolicy.severity,
    keywords: LEGACY_KEYWORDS,
    text: { ...defaultPolicy.severity.text, triggers: [] },
    readNumbers: false,
  },
};

/** Milliseconds for `assessSeverity` over `inputs` with `policy`, best of 5 (a shared machine). */
async function timeAssess(inputs: readonly SeverityInput[], policy: SeverityPolicy) {
  // Rules compile once per policy: a warm-up call, not timed.
  assessSeverity({ text: 'warm-up' }, policy);
  let severe = 0;
  const ms = await timeIt(() => {
    severe = 0;
    for (const input of inputs) {
      const { level } = assessSeverity(input, policy);
      if (level === 'L3' || level === 'L4') severe++;
    }
  }, 5);
  // Guards against a broken matcher "winning" the bench by finding nothing.
  if (severe === 0) throw new Error('no text was assessed L3+');
  return Math.round(ms);
}

/**
 * `assessSeverity` over 100k realistic texts with the default policy, and in the same run the
 * plain keyword scan it replaced: timings on a loaded machine are only comparable side by side.
 */
export async function bench(): Promise<BenchRow[]> {
  const inputs = makeInputs(COUNT);
  const rows: BenchRow[] = [
    {
      metric: 'assessSeverity ×100k texts',
      value: await timeAssess(inputs, defaultPolicy),
      unit: 'ms',
      budget: 500,
    },
    // The reference, not a target: the same budget, so a slower machine shows in both rows.
    {
      metric: 'reference: old keyword scan ×100k texts',
      value: await timeAssess(inputs, LEGACY_POLICY),
      unit: 'ms',
      budget: 500,
    },
  ];
  // Quality on the labelled corpus, text alone (issue #13 goals). Every set but the unseen ones
  // (`UNSEEN`: heldout-14 and heldout-16 at the moment) has been tuned on and is held by
  // test/severity-corpus.test.ts to the goals (or, `FLOORS`, to what its round reached); an
  // unseen set (never looked at by whoever changed the rules) is only scored here. The
  // first-sight scores of every blind set are in docs/severity.md.
  for (const name of CORPUS_NAMES) {
    const score = scoreCorpus(loadCorpus(name));
    const seen = UNSEEN.includes(name) ? ', unseen' : FLOORS[name] ? ', partly tuned' : '';
    const row = (metric: string, value: number, budget: number): BenchRow => ({
      metric: `severity ${name} (${score.total}${seen}): ${metric}`,
      value: Math.round(value * 1000) / 1000,
      unit: '',
      budget,
      kind: 'min',
    });
    rows.push(
      row('L3+ recall', score.recall, 0.97),
      row('L3+ precision', score.precision, 0.95),
      row('L4 hit rate', score.l4, 0.9),
    );
  }
  return rows;
}
