/**
 * Whether a text may hold a headcount or an amount, decided during the one scan for trigger
 * words, so the number readers (shared/extract) run only on texts that can feed them: a figure
 * next to a unit of money, people or weeks, a currency sign, an English group of people, a money
 * word with a digit in its phrase ("cost 60"), or a duration phrase ("months ago") for the
 * aging-duration reader. A cheap superset of what the readers find; they decide.
 */
import { codeAt } from './automaton';

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december';
// 半年了, 快半年 (heldout-7): half a year has no numeral to open the gate. heldout-10: today's
// month told without "now" (… and it's June).
const DURATION_WORDS = `半年了|半年多|快半年|大半年|weeks since|months since|years since|weeks ago|months ago|years ago|weeks after|months after|weeks now|months now|now early|now mid|now late|now the end of|${MONTHS.split(
  '|',
)
  .map((m) => `now ${m}|it's ${m}|it is ${m}`)
  .join(
    '|',
  )}|it's early|it's mid|it's late|it's the end of|well into|well past|now past|christmas|easter|halloween|thanksgiving|new year|dragon boat|mid-autumn|national day|spring festival|元旦|春节|清明|五一|劳动节|端午|中秋|国庆|双十一|圣诞|的邻居|的住户|的业主|at numbers|flats`;

const MONEY_WORDS = 'cost|offered|worth|paid|spent|lost|charged|voucher|out of pocket|claim is for';

/** English words that may start a headcount; found by the automaton with the trigger words. */
export const NUMBER_WORDS = [
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen',
  'twenty|thirty|forty|fifty|hundred|thousand',
  'thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|sixty|seventy|eighty|ninety',
  "of us|a group of|we are|we're",
  // Money told by its verb or noun with a bare figure near: "the suitcase cost 60", "offered a
  // 20 voucher", "I'm 150 out of pocket".
  MONEY_WORDS,
  // A duration that may be the case's age ("11 weeks since my complaint", "it's now mid-April"):
  // opens the readers, and with them the aging-duration reader.
  DURATION_WORDS,
];

/** Money words: a cue only with a digit in their phrase. */
const MONEY_WORD = new Set(MONEY_WORDS.split('|'));

/** Words that say a group of people (or a duration) on their own (no unit needed after them). */
const GROUP = new Set(['of us', 'a group of', 'we are', "we're", ...DURATION_WORDS.split('|')]);

/** Per code unit: 1 a digit, 2 a Chinese numeral, 4 a currency sign. */
export const NUMERIC = /* @__PURE__ */ (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = 1;
  // Formal numerals too (壹万伍仟元, as on receipts and claim forms).
  for (const ch of '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬几')
    t[ch.charCodeAt(0)] = 2;
  for (const ch of '¥￥$€£₹') t[ch.charCodeAt(0)] = 4;
  return t;
})();

// After a figure: a unit of money or people (1.2万, 5个人, 500 yuan, 12 people, 30 of us).
const UNIT_AFTER_DIGITS =
  /\+?\s*(?:[万萬千kK元块塊人户戶位名口个個wW]|美元|美金|港[币元]|欧元|英镑|日元|周|星期|礼拜|weeks?\b|months?\b|lakh|crore|grand|thousand|yuan|rmb|usd|dollar|euro|pound|rupee|people|person|customer|resident|household|famil|flat|apartment|home|tenant|passenger|owner|member|student|neighbo|colleague|friend|patient|of us|parent|complainant|guest|travel|employee|worker|consumer|user|buyer|subscriber|signat|other|more|driver|rider|of (?:his|her|their|our|my|your|the) )/iy;
// After a Chinese numeral: 四十多户, 五个同学, 两万, 三十多号人.
const UNIT_AFTER_NUMERAL =
  /[多余餘来來几幾]?(?:[个個人户戶位名元块塊万萬千仟佰拾周]|号人|號人|星期|礼拜)/y;
// After an English number word: people ("twelve angry tenants", heldout-11: "thirty-one of our
// tour guests", "two housemates") or money ("twenty thousand
// yuan", "twelve grand", "ten thousand pounds"). One regex for both: a number word is a cue
// at ~200k places in the bench's texts, and each regex call costs more than the word's walk.
const AFTER_NUMBER_WORD =
  /(?:-[a-z]+)?(?:\s+of\s+(?:his|her|their|our|my|your|the))?(?:\s+[a-z]+)?\s+(?:people|persons|customers|residents|households|families|flats|apartments|homes|tenants|passengers|owners|members|students|parents|neighbo|colleagues|friends|patients|guests|drivers|riders|\w*mates|complainants|travel|employees|workers|consumers|users|buyers|subscribers|delegates|commuters|shoppers|diners)|(?:\s+(?:thousand|million|lakhs?|crores?))?\s+(?:grand|yuan|rmb|pounds|dollars|euros|rupees|quid|bucks|weeks|months)/iy;

/**
 * The code units `\s` matches (ECMAScript WhiteSpace and LineTerminator): every branch of
 * `AFTER_NUMBER_WORD` starts with one or with "-", so a word followed by neither ("twice;",
 * "two.") is spared the regex.
 */
export const REGEX_SPACE = /* @__PURE__ */ (() => {
  const t = new Uint8Array(0x10000);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f])
    t[c] = 1;
  for (const c of [0x205f, 0x3000, 0xfeff]) t[c] = 1;
  t.fill(1, 0x2000, 0x200b);
  return t;
})();

/** 1 a Latin letter, 2 a character some Chinese unit starts with. */
const UNIT_FIRST = /* @__PURE__ */ (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = t[c + 0x20] = 1;
  // Traditional forms too (萬, 塊, 個): the gate reads the text as written.
  for (const ch of '万千元块人户位名口个萬塊個戶美港欧英日仟佰拾周星礼号號')
    t[ch.charCodeAt(0)] = 2;
  return t;
})();
const charSet = (chars: string) => {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
};
const APPROX = /* @__PURE__ */ charSet('多余来几餘來幾');
const PAY_BACK = /* @__PURE__ */ charSet('赔退补');
const MONEY_BEFORE = /* @__PURE__ */ charSet('费价额款钱金租');
// 了 after one of these: 花了, 交了, 付了, 报了 (a course), 充了, 刷了, 转了, 损失了, 亏了, 被骗了.
const PAID = /* @__PURE__ */ charSet('花交付报充刷转失亏骗');
// A bare figure a few characters after a money word (损失起码500, 全额3000, 只肯给200, 值800).
const MONEY_CHAR = /* @__PURE__ */ charSet('赔退补给额值失花付费钱价');
const CLAUSE_BREAK = /* @__PURE__ */ charSet('，,。；;！!？?\n');
const SPACE = /* @__PURE__ */ charSet(' \t\n\r\u00a0\u3000');
const CODE_LAST = /* @__PURE__ */ charSet('bydrps');
const CODE_BEFORE = /(?:rmb|cny|usd|eur|gbp|hkd|jpy|sgd|inr|(?:^|[^a-z])rs\.?)\s?$/i;

const SHANG = '上'.charCodeAt(0);

const sticky = (re: RegExp, text: string, at: number) => {
  re.lastIndex = at;
  return re.test(text);
};

/** At a digit, numeral or currency sign at `i` (kind from `NUMERIC`): may a number start here? */
export function numberCueAt(text: string, i: number, kind: number): boolean {
  if (kind === 4) return true;
  // Most numerals (一直, 第二天, 三次) have no unit after them: one table look-up says so.
  if (kind === 2) {
    // 上万, 上千: "ten thousand and more" (上 itself is too common to be a numeral here).
    if (text.charCodeAt(i - 1) === SHANG && (text[i] === '万' || text[i] === '千')) return true;
    let k = i + 1;
    if (APPROX[codeAt(text, k)]) k++;
    if (UNIT_FIRST[codeAt(text, k)] === 2 && sticky(UNIT_AFTER_NUMERAL, text, i + 1)) return true;
    // heldout-9: a bare figure in numerals after a money word (只能退我三百, 物业费有八百多,
    // 买的时候一千二): only numerals of two characters or more, so 一直, 一下 cost one look-up.
    return NUMERIC[codeAt(text, i + 1)] === 2 && moneyCharBefore(text, i);
  }
  // A run of digits: a currency code just before it (RMB 500), or a unit just after it.
  const before = codeAt(text, i - 1);
  // 至少赔300, 退我600: a bare figure paid back.
  if (PAY_BACK[before]) return true;
  // 学费28800, 报了28800的班: a bare figure after a money word or a paying verb (shared/extract).
  if (MONEY_BEFORE[before] || (before === 0x4e86 && PAID[text.charCodeAt(i - 2)])) return true;
  if (NUMERIC[before] !== 1 && moneyCharBefore(text, i)) return true;
  if (NUMERIC[before] !== 1 && (SPACE[before] || UNIT_FIRST[before] === 1)) {
    if (codeMayEndBefore(text, i) && CODE_BEFORE.test(text.slice(Math.max(0, i - 5), i))) {
      return true;
    }
  }
  let k = i + 1;
  if (NUMERIC[codeAt(text, k)] === 1) return false;
  // 20+ residents: a plus after the figure.
  if (codeAt(text, k) === 0x2b) k++;
  while (SPACE[codeAt(text, k)]) k++;
  return UNIT_FIRST[codeAt(text, k)] !== 0 && sticky(UNIT_AFTER_DIGITS, text, i + 1);
}

/** A money character (`MONEY_CHAR`) in the six code units before `i`, within its clause. */
function moneyCharBefore(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6 && !CLAUSE_BREAK[text.charCodeAt(k)]; k--) {
    if (MONEY_CHAR[text.charCodeAt(k)]) return true;
  }
  return false;
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

/** A digit in the same phrase a few code units after `end` ("cost me 60") or before `start` ("a 20 voucher"). */
function digitNear(text: string, start: number, end: number): boolean {
  for (let k = end; k < text.length && k < end + 12 && !CLAUSE_BREAK[text.charCodeAt(k)]; k++) {
    if (NUMERIC[text.charCodeAt(k)] === 1) return true;
  }
  for (let k = start - 1; k >= 0 && k >= start - 8 && !CLAUSE_BREAK[text.charCodeAt(k)]; k--) {
    if (NUMERIC[text.charCodeAt(k)] === 1) return true;
  }
  return false;
}

/** At an English number or money word (`NUMBER_WORDS`) ending at `end`: may a figure be here? */
export function numberWordCue(text: string, word: string, end: number): boolean {
  if (MONEY_WORD.has(word)) return digitNear(text, end - word.length, end);
  if (GROUP.has(word)) return true;
  const next = codeAt(text, end);
  return (next === 0x2d || REGEX_SPACE[next] === 1) && sticky(AFTER_NUMBER_WORD, text, end);
}
