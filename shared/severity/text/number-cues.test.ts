import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default-policy';
import { loadCorpus } from '../../../test/severity-corpus';
import { makeInputs } from '../../../test/bench/severity.bench';
import { REGEX_SPACE } from './number-cues';
import { scanText } from './read-text';

const mayHoldNumbers = (text: string) => scanText(text, defaultPolicy.severity.text).numbers;

// The gate the number readers had before it moved into the one scan: a regex over the whole
// text. Kept here as the reference the scan must never fall below.
const OLD_GATE =
  /[¥￥$€£]|\d\s*(?:[万千kK元块人户位名口]|个人|yuan|rmb|usd|dollar|euro|pound|people|person|customer|resident|household|famil|tenant|passenger|owner|member|student|neighbo|of us)|(?:rmb|cny|usd|eur|gbp|hkd|jpy)\s?\d|[零〇一二两三四五六七八九十百千万亿][多余来]?(?:个(?:人|同学|学生|家庭|业主|住户|乘客|顾客|客户|会员|家长|员工|老人)|[人户位名元块万千])|\b(?:of us|a group of|we are|we're)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)(?:\s+[a-z]+)?\s+(?:people|persons|customers|residents|households|families|tenants|passengers|owners|members|students|neighbo)/i;

describe('number cues: the readers run only where a figure may be', () => {
  it.each([
    '我们宿舍5个人一起来投诉',
    '四十多户业主联名',
    '损失1.2万',
    '要求赔偿两万八千元',
    '¥3,860',
    'RMB 500',
    'rmb500 is what I paid',
    '12 people signed',
    'twelve angry tenants wrote in',
    'a group of us',
    'We are 14 households',
    'They offered me a £20 voucher',
    '10,000元',
    '3 千',
    // Forms from the fourth blind set (heldout-5).
    '保险理赔款壹万伍仟元',
    '货值3,500美元',
    'Tuition of twenty thousand yuan',
    'about twelve grand in RMB',
    'overcharged me by 2 lakh rupees',
    '你们说退一半也就1500',
    '东西值800，你们只肯给200',
    'the suitcase cost 60',
    'fifteen people signed',
    // Durations that may be the case's age open the readers too (aging-duration.ts).
    "It's been 11 weeks since my original complaint",
    "I first raised this in January, it's now mid-April",
    '十一周前就投诉了',
    '投诉到现在半年了',
  ])('opens on %j', (text) => {
    expect(mayHoldNumbers(text)).toBe(true);
  });

  it.each([
    '客服电话一直打不通，等了四十多分钟也没有人接听。',
    '维修师傅上门三次都没有修好，第二天又坏了。',
    '订单号 20260315-8841，商品与页面描述严重不符。',
    'Your hotline kept me on hold for forty minutes and nobody answered.',
    'The technician came three times.',
    'It cost me a whole afternoon.',
    '我给你们打了三次电话',
    // A money word with no figure in its phrase: the order number is in the next sentence.
    'The contract promised free maintenance, but now you say it costs extra. 订单号 20260315-8841',
    '',
  ])('stays shut on %j', (text) => {
    expect(mayHoldNumbers(text)).toBe(false);
  });

  it('opens wherever the old whole-text regex did (corpus and bench texts)', () => {
    const texts = [
      ...(['corpus', 'heldout'] as const).flatMap((n) => loadCorpus(n).map((c) => c.text)),
      ...makeInputs(3000, 99).map((i) => i.text!),
    ];
    const missed = texts.filter((t) => OLD_GATE.test(t) && !mayHoldNumbers(t));
    expect(missed).toEqual([]);
    // And it is a gate: most bench texts hold no figure.
    expect(texts.filter(mayHoldNumbers).length).toBeLessThan(texts.length / 2);
  });

  it('is not asked when the policy reads no numbers', () => {
    expect(scanText('5个人', defaultPolicy.severity.text, false).numbers).toBe(false);
  });
});

describe('number cues: the code units `\\s` matches', () => {
  it('are exactly those of REGEX_SPACE (the regex after a number word is skipped otherwise)', () => {
    for (let c = 0; c < 0x10000; c++) {
      expect(REGEX_SPACE[c] === 1, `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
    }
  });
});
