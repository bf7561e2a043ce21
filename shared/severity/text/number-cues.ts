/**
 * Whether a text may hold a headcount or an amount, decided during the one scan for trigger
 * words, so the number readers (shared/extract) run only on texts that can feed them: a figure
 * next to a unit of money or people, a currency sign, or an English group of people. A cheap
 * superset of what the readers find; they decide.
 */

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
  /\+?\s*(?:[万萬千kK元块塊人户戶位名口个個wW]|yuan|rmb|usd|dollar|euro|pound|people|person|customer|resident|household|famil|flat|apartment|home|tenant|passenger|owner|member|student|neighbo|colleague|friend|patient|of us|parent|complainant|guest|travel|employee|worker|consumer|user|buyer|subscriber|signat|other|more)/iy;
// After a Chinese numeral: 四十多户, 五个同学, 两万.
const UNIT_AFTER_NUMERAL = /[多余餘来來几幾]?[个個人户戶位名元块塊万萬千]/y;
// After an English number word: "twelve angry tenants".
const PEOPLE_AFTER_WORD =
  /(?:-odd|\s+[a-z]+)?\s+(?:people|persons|customers|residents|households|families|flats|apartments|homes|tenants|passengers|owners|members|students|parents|neighbo|colleagues|friends|patients|guests)/iy;

/** 1 a Latin letter, 2 a character some Chinese unit starts with. */
const UNIT_FIRST = /* @__PURE__ */ (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = t[c + 0x20] = 1;
  // Traditional forms too (萬, 塊, 個): the gate reads the text as written.
  for (const ch of '万千元块人户位名口个萬塊個戶') t[ch.charCodeAt(0)] = 2;
  return t;
})();
const charSet = (chars: string) => {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
};
const APPROX = /* @__PURE__ */ charSet('多余来几餘來幾');
const PAY_BACK = /* @__PURE__ */ charSet('赔退补');
const MONEY_CHAR = /* @__PURE__ */ charSet('费价额款钱金租');
// 了 after one of these: 花了, 交了, 付了, 报了 (a course), 充了, 刷了, 转了, 损失了, 亏了, 被骗了.
const PAID = /* @__PURE__ */ charSet('花交付报充刷转失亏骗');
const SPACE = /* @__PURE__ */ charSet(' \t\n\r\u00a0\u3000');
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
    if (APPROX[text.charCodeAt(k)]) k++;
    return UNIT_FIRST[text.charCodeAt(k)] === 2 && sticky(UNIT_AFTER_NUMERAL, text, i + 1);
  }
  // A run of digits: a currency code just before it (RMB 500), or a unit just after it.
  const before = text.charCodeAt(i - 1);
  // 至少赔300, 退我600: a bare figure paid back.
  if (PAY_BACK[before]) return true;
  // 学费28800, 报了28800的班: a bare figure after a money word or a paying verb (shared/extract).
  if (MONEY_CHAR[before] || (before === 0x4e86 && PAID[text.charCodeAt(i - 2)])) return true;
  if (NUMERIC[before] !== 1 && (SPACE[before] || UNIT_FIRST[before] === 1)) {
    if (CODE_BEFORE.test(text.slice(Math.max(0, i - 5), i))) return true;
  }
  let k = i + 1;
  if (NUMERIC[text.charCodeAt(k)] === 1) return false;
  // 20+ residents: a plus after the figure.
  if (text.charCodeAt(k) === 0x2b) k++;
  while (SPACE[text.charCodeAt(k)]) k++;
  return UNIT_FIRST[text.charCodeAt(k)] !== 0 && sticky(UNIT_AFTER_DIGITS, text, i + 1);
}

/** At an English number word (`NUMBER_WORDS`) ending at `end`: may a headcount start here? */
export function numberWordCue(text: string, word: string, end: number): boolean {
  return GROUP.has(word) || sticky(PEOPLE_AFTER_WORD, text, end);
}
