/**
 * Whether a text may hold a headcount or an amount, decided during the one scan for trigger
 * words, so the number readers (shared/extract) run only on texts that can feed them: a figure
 * next to a unit of money or people, a currency sign, or an English group of people. A cheap
 * superset of what the readers find; they decide.
 */
import { codeAt } from './automaton';

/** English words that may start a headcount; found by the automaton with the trigger words. */
export const NUMBER_WORDS = [
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen',
  'twenty|thirty|forty|fifty|hundred',
  "of us|a group of|we are|we're",
];

/** Words that say a group of people on their own (no unit needed after them). */
const GROUP = new Set(['of us', 'a group of', 'we are', "we're"]);

/** Per code unit: 1 a digit, 2 a Chinese numeral, 4 a currency sign. */
export const NUMERIC = /* @__PURE__ */ (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = 1;
  for (const ch of '零〇一二两三四五六七八九十百千万亿') t[ch.charCodeAt(0)] = 2;
  for (const ch of '¥￥$€£₹') t[ch.charCodeAt(0)] = 4;
  return t;
})();

// After a figure: a unit of money or people (1.2万, 5个人, 500 yuan, 12 people, 30 of us).
const UNIT_AFTER_DIGITS =
  /\s*(?:[万千kK元块人户位名口个wW]|yuan|rmb|usd|dollar|euro|pound|people|person|customer|resident|household|famil|flat|apartment|home|tenant|passenger|owner|member|student|neighbo|colleague|friend|patient|of us)/iy;
// After a Chinese numeral: 四十多户, 五个同学, 两万.
const UNIT_AFTER_NUMERAL = /[多余来几]?[个人户位名元块万千]/y;
// After an English number word: "twelve angry tenants".
const PEOPLE_AFTER_WORD =
  /(?:-odd|\s+[a-z]+)?\s+(?:people|persons|customers|residents|households|families|flats|apartments|homes|tenants|passengers|owners|members|students|parents|neighbo|colleagues|friends|patients|guests)/iy;

/** 1 a Latin letter, 2 a character some Chinese unit starts with. */
const UNIT_FIRST = /* @__PURE__ */ (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = t[c + 0x20] = 1;
  for (const ch of '万千元块人户位名口个') t[ch.charCodeAt(0)] = 2;
  return t;
})();
const charSet = (chars: string) => {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
};
const APPROX = /* @__PURE__ */ charSet('多余来几');
const PAY_BACK = /* @__PURE__ */ charSet('赔退补');
const SPACE = /* @__PURE__ */ charSet(' \t\n\r\u00a0\u3000');
const CODE_LAST = /* @__PURE__ */ charSet('bydrps');
const CODE_BEFORE = /(?:rmb|cny|usd|eur|gbp|hkd|jpy|sgd|inr|(?:^|[^a-z])rs\.?)\s?$/i;

const sticky = (re: RegExp, text: string, at: number) => {
  re.lastIndex = at;
  return re.test(text);
};

/** At a digit, numeral or currency sign at `i` (kind from `NUMERIC`): may a number start here? */
export function numberCueAt(text: string, i: number, kind: number): boolean {
  if (kind === 4) return true;
  // Most numerals (一直, 第二天, 三次) have no unit after them: one table look-up says so.
  if (kind === 2) {
    let k = i + 1;
    if (APPROX[codeAt(text, k)]) k++;
    return UNIT_FIRST[codeAt(text, k)] === 2 && sticky(UNIT_AFTER_NUMERAL, text, i + 1);
  }
  // A run of digits: a currency code just before it (RMB 500), or a unit just after it.
  const before = codeAt(text, i - 1);
  // 至少赔300, 退我600: a bare figure paid back.
  if (PAY_BACK[before]) return true;
  if (NUMERIC[before] !== 1 && (SPACE[before] || UNIT_FIRST[before] === 1)) {
    if (codeMayEndBefore(text, i) && CODE_BEFORE.test(text.slice(Math.max(0, i - 5), i))) {
      return true;
    }
  }
  let k = i + 1;
  if (NUMERIC[codeAt(text, k)] === 1) return false;
  while (SPACE[codeAt(text, k)]) k++;
  return UNIT_FIRST[codeAt(text, k)] !== 0 && sticky(UNIT_AFTER_DIGITS, text, i + 1);
}

/**
 * Whether a currency code (`CODE_BEFORE`) may end just before `i`: its last letter (b, y, d,
 * r, p, s; then maybe "." and a space) within three units. Most figures have none, and are
 * spared the slice and the regex.
 */
function codeMayEndBefore(text: string, i: number): boolean {
  for (let k = i - 1; k >= i - 3 && k >= 0; k--)
    if (CODE_LAST[text.charCodeAt(k) | 0x20]) return true;
  return false;
}

/** At an English number word (`NUMBER_WORDS`) ending at `end`: may a headcount start here? */
export function numberWordCue(text: string, word: string, end: number): boolean {
  return GROUP.has(word) || sticky(PEOPLE_AFTER_WORD, text, end);
}
