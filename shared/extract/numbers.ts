/**
 * Numbers as people write them: 10,000 · 1.2万 · 两万八 · 一千五 · 四十多 · twelve · a dozen.
 */

const ZH_DIGITS: Record<string, number> = {
  // 几 ("a few") as its lower bound: 十几 ≥ 11, 几十 ≥ 10.
  几: 1,
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  俩: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const ZH_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const ZH_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };

/** Characters of a Chinese numeral (digits and units). */
export const ZH_NUMERAL_CHARS = '零〇一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿';

/**
 * A number in Arabic digits (thousands separators allowed), Chinese numerals, or both mixed
 * with units ("1.2万", "3千", "两万八", "一千五" = 1500). Undefined when it is not one.
 */
export function parseNumber(raw: string): number | undefined {
  // 1.5w = 1.5万, 12k = 12千 (chat shorthand); 十来万, 二十多万 read as their lower bound.
  // 上万 ("tens of thousands and up") reads as its lower bound, like 几万.
  const s = raw
    .replace(/^上/, '')
    .replace(/[,，\s多余来]/g, '')
    // 2w8 = 两万八 (chat shorthand with its colloquial tail).
    .replace(/[wW](?=\d?$)/, '万')
    .replace(/[kK]$/, '千');
  if (!s) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  let total = 0;
  let section = 0;
  let pending: number | undefined; // a digit not yet given a unit
  let lastUnit = 0; // the last unit seen, for the colloquial tail (两万八 → 8 × 1000)
  let zeroSeen = false;
  let i = 0;
  while (i < s.length) {
    const arabic = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (arabic) {
      if (pending !== undefined) return undefined;
      pending = Number(arabic[0]);
      i += arabic[0].length;
      continue;
    }
    const ch = s[i]!;
    i++;
    const digit = ZH_DIGITS[ch];
    if (digit !== undefined) {
      // 七八个, 三四万: two neighbouring digits are a range; its lower bound counts.
      if (pending !== undefined && pending > 0 && pending < 9 && digit === pending + 1) {
        if (ZH_DIGITS[s[i - 2]!] === pending && !/\d/.test(s[i - 2]!)) continue;
      }
      if (pending !== undefined && pending !== 0) {
        // digit after digit is only a year-like sequence (二〇二六): read positionally
        pending = pending * 10 + digit;
      } else pending = digit;
      if (digit === 0) zeroSeen = true;
      continue;
    }
    const unit = ZH_UNITS[ch];
    if (unit !== undefined) {
      section += (pending ?? 1) * unit;
      pending = undefined;
      lastUnit = unit;
      zeroSeen = false;
      continue;
    }
    const big = ZH_BIG[ch];
    if (big !== undefined) {
      const part = section + (pending ?? 0);
      total += (part || 1) * big;
      section = 0;
      pending = undefined;
      lastUnit = big;
      zeroSeen = false;
      continue;
    }
    return undefined;
  }
  if (pending !== undefined) {
    // 两万八 = 28,000; 一千五 = 1,500; 三百五 = 350 — but 一千零五 = 1,005.
    const tail = lastUnit >= 100 && !zeroSeen && pending < 10 ? pending * (lastUnit / 10) : pending;
    section += tail;
  }
  const value = total + section;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

const EN_SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const EN_UNDER_100 = `(?:(?:${Object.keys(EN_TENS).join('|')})(?:[- ](?:${Object.keys(EN_SMALL).slice(0, 9).join('|')}))?|${Object.keys(EN_SMALL).join('|')})`;

/**
 * English number words as a regex source: "twelve", "forty-two", "a dozen", "half a dozen", "a hundred",
 * "two hundred", "three hundred and twenty".
 */
export const EN_NUMBER_WORDS = `(?:half a dozen|(?:two|three|four|five) dozen|dozens of|hundreds of|thousands of|(?:a|one|two|three|four|five|six|seven|eight|nine) hundred(?: (?:and )?${EN_UNDER_100})?|(?:${Object.keys(EN_TENS).join('|')})(?:[- ](?:${Object.keys(EN_SMALL).slice(0, 9).join('|')}))?|${Object.keys(EN_SMALL).join('|')}|a dozen|dozens|dozen|a hundred|hundred)`;

/** An English number word (see `EN_NUMBER_WORDS`), or undefined. */
export function parseEnglishNumber(raw: string): number | undefined {
  const s = raw.toLowerCase().trim();
  if (s === 'a dozen' || s === 'dozen') return 12;
  if (s === 'half a dozen') return 6;
  // "dozens (of)", "hundreds of": at least two of them; two dozen.
  if (s === 'dozens' || s === 'dozens of') return 24;
  if (s === 'hundreds of') return 200;
  if (s === 'thousands of') return 2000;
  const dozens = /^(two|three|four|five) dozen$/.exec(s);
  if (dozens) return EN_SMALL[dozens[1]!]! * 12;
  if (s === 'a hundred' || s === 'hundred') return 100;
  const hundreds =
    /^(a|one|two|three|four|five|six|seven|eight|nine) hundred(?: (?:and )?(.+))?$/.exec(s);
  if (hundreds) {
    const h = hundreds[1] === 'a' ? 1 : EN_SMALL[hundreds[1]!]!;
    const rest = hundreds[2] === undefined ? 0 : parseEnglishNumber(hundreds[2]);
    return rest === undefined ? undefined : h * 100 + rest;
  }
  if (EN_SMALL[s] !== undefined) return EN_SMALL[s];
  const [tens, ones] = s.split(/[- ]/);
  const t = EN_TENS[tens!];
  if (t === undefined) return undefined;
  if (ones === undefined) return t;
  const o = EN_SMALL[ones];
  return o !== undefined && o < 10 ? t + o : undefined;
}

/**
 * Words that make the figure after them an upper bound the real one stays below: 快十位家长 is
 * fewer than ten, 将近两万 and "almost £20,000" less than 20,000 (十几, 两万多, "over 40" are lower
 * bounds instead). Tested against the text just before the figure.
 */
export const BELOW_BEFORE =
  /(?:将近|接近|快要?|(?<!最)近|不到|不足|\b(?:almost|nearly|close to|just under|under|less than|not quite))\s*$/i;

/** A figure read as "below N" counts as the next step down (N − 1), so 快十位 stays under 10. */
export const belowBound = (value: number) => (value > 1 ? value - 1 : value);
