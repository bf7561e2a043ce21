import {
  BELOW_BEFORE,
  EN_NUMBER_WORDS,
  ZH_NUMERAL_CHARS,
  belowBound,
  parseEnglishNumber,
  parseNumber,
} from './numbers';
import type { DetailProposal } from './types';

// 6,50,000 is Indian grouping (lakhs): tried before the thousands form.
const ARABIC = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const ZH_NUM = `[${ZH_NUMERAL_CHARS}]+`;
/** A number, optionally scaled by Chinese units ("1.2万", "3千"), or a Chinese numeral. */
const NUM = `(?:(?:${ARABIC})\\s*[十百千万萬亿]*|上[万萬千]|${ZH_NUM})`;
const APPROX = '(?:多|余|来|几)';

const ZH_CURRENCY: [RegExp, string][] = [
  [/^美元|^美金/, 'USD'],
  [/^港[币元]/, 'HKD'],
  [/^欧元/, 'EUR'],
  [/^英镑/, 'GBP'],
  [/^日元/, 'JPY'],
];
const CODES: Record<string, string> = {
  rmb: 'CNY',
  cny: 'CNY',
  yuan: 'CNY',
  usd: 'USD',
  us$: 'USD',
  $: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  eur: 'EUR',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  gbp: 'GBP',
  '£': 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  hkd: 'HKD',
  hk$: 'HKD',
  '¥': 'CNY',
  '￥': 'CNY',
  jpy: 'JPY',
  sgd: 'SGD',
  s$: 'SGD',
  inr: 'INR',
  rs: 'INR',
  'rs.': 'INR',
  '₹': 'INR',
  rupees: 'INR',
  quid: 'GBP',
};

// Chinese: [人民币|¥] NUM [多] (元|块|万元|美元…); the unit is what makes it money.
const ZH_AMOUNT = new RegExp(
  `(人民币|RMB|CNY|[¥￥])?\\s*(${NUM})(${APPROX})?\\s*(元|块钱|块(?=[^\\u4e00-\\u9fff]|$|的|左右|呢|吧|啊|了|多|整)|(?<=[万萬千仟])块|圆|美元|美金|港币|港元|欧元|英镑|日元)`,
  'gi',
);
// Symbol or code first: ¥3,860 · RMB 500 · USD 120 · $45.50 · £30 · HK$300 · 5k
const PREFIXED = new RegExp(
  `(HK\\$|US\\$|S\\$|[¥￥$€£₹]|\\b(?:RMB|CNY|USD|EUR|GBP|HKD|JPY|SGD|INR)\\b|\\bRs\\.?)\\s?(${ARABIC})(?:\\s?(k|K|million|thousand|lakhs?|crores?)\\b|(万|千))?`,
  'g',
);
// Code or word after: 500 RMB · 120 dollars · 10,000 yuan
const SUFFIXED = new RegExp(
  `(${ARABIC})\\s*(k|K|million|thousand|lakhs?|crores?)?\\s*(RMB|CNY|USD|EUR|GBP|HKD|SGD|INR|yuan|dollars?|euros?|pounds|rupees|quid)\\b`,
  'gi',
);
// A bare scaled number with money around it: 损失1.2万 · 要赔两万八.
// Any money the complaint is about counts, not only a claim: 亏了1w多, 充了两万, 氪了将近两万,
// 团费每人两万三 (a price per person is still the amount involved).
// Taken from the customer counts too: 骗了一万一, 安装费收了我1.2w, 坑了我两万 (收 only with 我:
// 快递站收了一万多个包裹 is parcels).
const MONEY_BEFORE =
  /(?:赔偿?|退还?|补偿|损失|亏损?了?|赔了|花了?|付了?|充值?了?|氪了?|价格?|费用?|钱|金额|索赔|要求|共计|总共|一共|(?<![一总公])共|合计|价值|货值|值|押金|定金|订金|罚款|扣了?|多收了?|少了?|丢了?|被盗|(?:被)?盗刷了?|被刷了?|刷走了?|(?:被)?(?:转|划|扣|卷|骗)走了?|款|房租|租金|学费|车价|房价|骗|坑|收(?=了?我)|收取?了|(?<![提递移转])交(?=了|咗))(?:了|咗)?(?:我们|我)?(?:每人|每位|人均|一共|总共)?(?:粗算|粗略算|算下来|加起来|初步估计|少说)?(?:估计|大概|约|大约|差不多|至少|起码|最少|足足|整整|高达|有|是|达|将近|接近|快|近|好)?\s*$/;
// …or after it: 一万二的装修押金 · 一万一买的电脑.
const MONEY_AFTER =
  /^(?:元|块钱?)?(?:的[\u4e00-\u9fff]{0,4}?(?:押金|定金|订金|货款|工程款|房租|租金|学费|费用?|钱|款|损失|货)|买(?:的|来的|了))/;
// heldout-15 round: the price of a thing bought, told right after it (买的冰箱一万二，…): any
// product, the figure ending its clause.
const BOUGHT_BEFORE =
  /买(?:的|了|来的)(?:[一这那]?[台个部辆套件张款])?[\u4e00-\u9fff]{1,8}(?:是|花了|要)?$/;
const CLAUSE_END = /^(?:[，,。；;！!？?\s]|$)/;
const SCALED = new RegExp(
  `((?:${ARABIC})\\s*(?:[万萬](?:[1-9](?![\\d.]))?|千|[wW][1-9](?![\\d.a-zA-Z])|[wWkK](?![a-zA-Z]))|上[万萬千]|[${ZH_NUMERAL_CHARS}几]*[${ZH_NUMERAL_CHARS.slice(0, 22)}十拾百佰几][多余来几]?[万萬千][${ZH_NUMERAL_CHARS}]*)(${APPROX})?(?![\\d${ZH_NUMERAL_CHARS}元块圆美港欧英日公米克斤里步次个件台人户位名份平方吨])`,
  'g',
);
// A bare figure right after "pay back" (至少赔300, 退我600): money by the verb.
const BARE = new RegExp(
  `(\\d+(?:\\.\\d+)?|[${ZH_NUMERAL_CHARS}]{2,})(?![\\d.${ZH_NUMERAL_CHARS}元块圆美港欧英日公米克斤里步次个件台人户位名份天号楼月年日岁分秒点小周期])`,
  'g',
);
const PAY_BACK = /(?:赔|退|补|赔偿|退还|补偿)(?:我|给我)?(?:至少|最少|最多|一共)?$/;
// A bare figure of three digits or more after a paying verb or a money word (报了28800的班,
// 学费28800, 花了12000), or before a paid-for thing (28800的考研班): no unit, money all the same.
const PAID_BEFORE =
  /(?:花了|交了|付了|报了|充了|充值了?|刷了|转了|损失了?|亏了|被骗了?|学费|费用|价格|价钱|售价|标价|原价|总价|全款|首付|尾款|定金|订金|押金|货款|工程款|房租|租金|合计|共计|总共|一共)(?:是|为|有|约|大概|差不多|足足|整整|高达)?\s*$/;
const PAID_AFTER =
  /^的[\u4e00-\u9fff]{0,5}?(?:班|课|课程|套餐|会员|年卡|押金|定金|订金|货款|工程款|房租|租金|学费|费用|款)/;
const BARE_FIGURE =
  /(\d{1,3}(?:,\d{3})+|\d{3,})(?![\d.]|,\d|\s*(?:[年月日号楼层室路次个件台人户位名份天岁分秒点元块万千]|小时|公里|米))/g;
// Quantity × unit price: "2,400 units at $12.50 each", "2400件，单价12.5元", "500 pcs @ €3".
const EN_UNIT_PRICE = new RegExp(
  `(${ARABIC})\\s*(?:units?|pcs|pieces?|items?|boxes|cartons?|cases|sets?|pallets?|bags?|bottles?|cans?|pairs?|rolls?|packs?|tons?|tonnes?|kg)\\s*(?:at|@|x|×|\\*)\\s*(HK\\$|US\\$|S\\$|[¥￥$€£₹]|(?:RMB|CNY|USD|EUR|GBP|HKD|SGD|INR)\\s?)(${ARABIC})\\s*(?:each|per\\s+\\w+|a\\s+(?:piece|unit)|apiece|/\\s?\\w+)?`,
  'gi',
);
const ZH_UNIT_PRICE =
  /(\d+(?:\.\d+)?)\s*(?:件|个|台|箱|套|瓶|盒|包|双|条|吨|公斤|千克|张|份|桶|卷)[，,\s]*(?:单价|每(?:件|个|台|箱|套|瓶|盒|包|双|条|吨|公斤|千克|张|份|桶|卷))\s*(\d+(?:\.\d+)?)\s*(?:元|块)|(?:单价|每(?:件|个|台|箱|套|瓶|盒|包|双|条|吨|公斤|千克|张|份|桶|卷))\s*(\d+(?:\.\d+)?)\s*(?:元|块)[，,\s]*(?:共|一共|总共|合计)?\s*(\d+(?:\.\d+)?)\s*(?:件|个|台|箱|套|瓶|盒|包|双|条|吨|公斤|千克|张|份|桶|卷)/g;
// A bare figure (no unit) whose clause says it is money just before it: 损失起码500, 全额3000,
// 退一半也就1500, 只肯给200, 东西值800. Nothing between the word and the figure that makes it a
// number of something else (单号, 尾号, 电话…), and no clause break.
const ZH_MONEY_WORD =
  /(?:损失|全额|金额|总额|差价|值|赔偿?|退款?|补偿?|花了?|付了?|费|报价|定损|估价|买的时候|买时|原价|入手价?)(?!款人|货|订单|单号)([^，,。；;！!？?\n\d]{0,5})$|(?:只肯|只给|愿意|同意|只能|赔|退|补)给(?:我|了我)?(?:至少|最多|一共|才)?()$/;
// A space ends the phrase as a comma does ("退款12345 曝光": the figure is still the refund).
const ZH_MONEY_ENDS =
  /^(?:\s+|\s*(?:$|[，,。；;！!？?、）)\n]|的(?:差价|损失|钱|费用)|买|多(?:块|元)?[，,。；;！!？?]|左右|都|还|也|就|我|你|他|她|差|少|是|太|才|不|呢|吧|啊|了[，,。；;！!？?]|了$))/;
const NOT_MONEY_BETWEEN =
  /号|(?<!起)码|电|拨|打|致|呼|热线|客服|短信|回复|验证|编|第|电话|手机|型|次|个|件|台|天|年|月|%/;
// English: the same in its words ("the suitcase cost 60", "offered a 20 voucher", "I'm 150 out
// of pocket"), and only where the figure ends the phrase or a money noun follows it.
const EN_MONEY_BEFORE =
  /\b(?:costs?|costing|paid|worth|offered(?: me| us)?(?: an?| only)?|refund(?: of)?|charged(?: me| us)?|lost|spent|owed?|claim(?: is)?(?: for)?)\s*$/i;
const EN_MONEY_AFTER =
  /^\s*(?:voucher|credit|refund|quid|bucks|out of pocket|in (?:compensation|damages|losses|cash))\b/i;
const EN_BARE_END =
  /^\s*(?:$|[,.;:!?)\-–—]|(?:and|but|when|which|so|because|though|while|instead|for|back)\b)/i;
// English words for money: "twenty thousand yuan", "ten thousand pounds", "twelve grand in RMB".
const EN_WORD_AMOUNT = new RegExp(
  `\\b(${EN_NUMBER_WORDS})(?:\\s+(thousand|million|lakhs?|crores?))?\\s+(?:(grand)\\b(?:\\s+in\\s+(RMB|yuan|dollars|pounds|euros|rupees)\\b)?|(yuan|RMB|dollars|pounds|euros|rupees|quid|bucks)\\b)`,
  'gi',
);
// "12k in spoiled stock", "claim is for 3 grand": a scaled figure with money words around it.
const EN_SCALED =
  /\b(\d+(?:\.\d+)?)\s?(k|K|grand|thousand)\b(?!\s+(?:followers|views|likes|subscribers|people|users|miles|km|steps|words)\b)/g;
const EN_SCALED_MONEY_BEFORE =
  /\b(?:claim(?:ed)?(?: is| was)?(?: for)?|lost|losing|worth|cost(?:s|ing)?|paid|spent|owe[ds]?|charged(?: me| us)?|overcharged(?: me| us)?(?: by)?|refund(?: of)?|compensation(?: of)?|deposit(?: of)?|fees?(?: of)?|tuition(?: of)?|bill(?: of| for| came to)?|price(?: of)?|(?:almost|nearly|over|about|around|roughly|some|at least) (?=\d))\s*$/i;
const EN_SCALED_MONEY_AFTER =
  /^\s+(?:in\s+(?:[a-z]+\s+){0,2}(?:stock|goods|damages?|losses|revenue|sales|fees|refunds?|cash|savings)|(?:worth|of (?:damage|stock|goods))|in (?:RMB|yuan)\b)/i;

const SCALE: Record<string, number> = {
  k: 1e3,
  千: 1e3,
  thousand: 1e3,
  grand: 1e3,
  万: 1e4,
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
  million: 1e6,
};

// Who names the figure: the cue that ends nearest before it in the same clause decides.
// heldout-10/11: the company's word reported (开发商说给你补两千, "the agent said they'd refund £100").
const OFFER_CUES =
  /你们说(?:只能|可以)?(?:退|赔|补|给)|(?:店家|商家|卖家|老板|店里|物业|房东|中介|对方|平台|公司|他们)说(?:只能|可以|愿意)?(?:给(?:你|您|我|我们)?)?(?:退|赔|补)|只同意|只肯|只愿意|只答应|只给|只赔|只退|只补|只能(?:赔|退|补|给)|最多(?:赔|退|补|给)|你们(?:提出|给出|答应|同意|愿意)|商家(?:提出|同意|愿意)|客服(?:提出|同意|说)|offered|offering|an offer of|only (?:agreed|willing|wants?|proposed) to|proposed|would only|你们(?:的)?(?:报价|估价|定损|核定|评估)|说(?:只能|可以|愿意)?给(?:你|您|我|我们)?(?:补|赔|退)|\bsaid (?:they'd|they would|he'd|she'd|it'd|it would) (?:refund|pay|give|cover)|\byou(?:r \w+)? (?:quoted|valued (?:it|them|the \w+) at|estimated|assessed (?:it|them|the \w+) at)/gi;
const CLAIM_CUES =
  /损失|亏了|亏损|值|全额|要求|我要|我们要|索赔|索要|赔偿我|希望(?:赔|退|补)|必须(?:赔|退)|应该?赔|应当赔|请求|诉求|修一下要|修好要|要花|实际|多交|多收|多扣|多付|(?:最少|至少|起码)(?:也)?(?:要|得)?(?:赔|退|补|把)|维修费|修理费|(?<!你们的?)报价|claim|claiming|demand|demanding|i want|we want|asking for|ask for|request|seeking|expect|compensate me|refund me|cost|costs|costing|invoice|repair bill|(?<!\byou(?:r \w+)? )quoted?|lost|loss|losses|worth/gi;
const PRICE_CUES = /买的时候|买时|原价|入手价?|购买价/g;
// After the figure: "I'm $150 out of pocket", 500的损失 — the customer's own figure.
const CLAIM_AFTER = /^\s*(?:out of pocket|in losses|of my own money|的(?:实际)?损失)/i;

const TURN = /[，,]\s*(?:我|但是?|可是?|而|\bbut\b|\byet\b|\bwhile\b|\bwhen\b|\bwhereas\b)/gi;

// A voucher the company handed out is its offer: 给了一张50块的券, 发了个20元红包, "gave me a £10
// voucher" — not a voucher the customer bought (我买了一张50块的券).
const GIVEN_BEFORE =
  /(?:给了?|发了?|补了?|送了?|返了?)(?:我|我们)?(?:一张|一个|张|个|点)?\s*$|\b(?:gave|given|sent|offered)(?: me| us)?(?: only)? (?:a|an)\s*$/i;
const VOUCHER_AFTER =
  /^\s*(?:元|块钱?)?(?:的)?(?:优惠券|代金券|抵用券|购物券|券|红包|购物卡|礼品卡)|^\s*(?:voucher|coupon|gift card|store credit|credit note)\b/i;

function roleOf(text: string, start: number, end: number): DetailProposal['role'] {
  if (CLAIM_AFTER.test(text.slice(end, end + 20))) return 'claim';
  if (
    VOUCHER_AFTER.test(text.slice(end, end + 8)) &&
    GIVEN_BEFORE.test(text.slice(Math.max(0, start - 12), start))
  )
    return 'offer';
  let from = start;
  while (from > 0 && !/[。；;！!？?\n]/.test(text[from - 1]!)) from--;
  let clause = text.slice(Math.max(from, start - 40), start);
  // "…只肯赔100，我花了1500": a comma and the customer speaking start a new clause.
  let turn = -1;
  for (const m of clause.matchAll(TURN)) turn = m.index! + m[0].length;
  if (turn >= 0) clause = clause.slice(turn);
  const last = (re: RegExp) => {
    let at = -1;
    // By where the cue ends: "you valued the claim at" is the company's, though "claim" is in it.
    for (const m of clause.matchAll(re)) at = m.index! + m[0].length;
    return at;
  };
  const offer = last(OFFER_CUES);
  const claim = last(CLAIM_CUES);
  // 只能退一百，这个包买的时候一千二: a price paid names neither side (it stands for the claim
  // only when none is said).
  if (last(PRICE_CUES) > Math.max(offer, claim)) return undefined;
  if (offer < 0 && claim < 0) return undefined;
  return offer > claim ? 'offer' : 'claim';
}

type Push = (
  start: number,
  end: number,
  value: number | undefined,
  currency: string,
  confidence: number,
  approximate: boolean,
) => void;

/**
 * Figures written without a unit that their clause says are money (ZH_MONEY_WORD, EN_MONEY_*):
 * unmarked, so in the fallback currency; a claim against an offer compares them in one currency.
 * Seven digits and more without separators are identifiers (phones, orders), never read.
 */
function readBareFigures(text: string, push: Push): void {
  for (const m of text.matchAll(
    /(?<![\d.,A-Za-z#])(\d{1,3}(?:,\d{3})+|\d{2,6})(?:\.\d{1,2})?(?![\d.,]?\d)/g,
  )) {
    const start = m.index!;
    const end = start + m[0].length;
    const after = text.slice(end, end + 20);
    const cjk = /[\u4e00-\u9fff]/.test(text.slice(Math.max(0, start - 8), end + 4));
    // heldout-12: the figure itself to be paid back (起码得把168全退了, 把2000押金全退).
    if (cjk && /把\s*$/.test(text.slice(Math.max(0, start - 2), start)) && BA_PAID.test(after)) {
      push(start, end, parseNumber(m[0]), 'CNY', 0.55, false);
      continue;
    }
    if (cjk) {
      // What follows ends the phrase (全额3000，), or goes on as money does (1500买的, 500都不够);
      // a unit is someone else's reading (块, 元) or not money (个, 天, 号); 给10086打电话 is a call.
      if (!ZH_MONEY_ENDS.test(after)) continue;
      if (/^\s*[A-Za-z%]/.test(after)) continue;
      const word = ZH_MONEY_WORD.exec(text.slice(Math.max(0, start - 12), start));
      if (!word || NOT_MONEY_BETWEEN.test(word[1] ?? '')) continue;
    } else {
      const before = text.slice(Math.max(0, start - 24), start);
      const nounAfter = EN_MONEY_AFTER.test(after);
      if (!nounAfter && !(EN_MONEY_BEFORE.test(before) && EN_BARE_END.test(after))) continue;
    }
    push(start, end, parseNumber(m[0]), 'CNY', 0.55, false);
  }
  // heldout-9: the same in Chinese numerals of hundreds and thousands (物业费有八百多,
  // 买的时候三百二, 一千二); 万 is read as a scaled amount.
  for (const m of text.matchAll(ZH_BARE_HUNDREDS)) {
    const start = m.index!;
    const end = start + m[0].length;
    const after = text.slice(end, end + 20);
    if (!ZH_MONEY_ENDS.test(after) && !/^[，,。；;！!？?]/.test(after)) continue;
    const word = ZH_MONEY_WORD.exec(text.slice(Math.max(0, start - 12), start));
    if (!word || NOT_MONEY_BETWEEN.test(word[1] ?? '')) continue;
    push(start, end, parseNumber(m[0]), 'CNY', 0.55, /[多余来]$/.test(m[0]));
  }
}

const COUNT_AFTER_APPROX =
  /^[多余来几](?:个|件|台|人|户|位|名|份|次|条|张|箱|吨|斤|单|包|套|只|瓶)/;
const BA_PAID =
  /^\s*(?:块钱?|元)?(?:的?[\u4e00-\u9fff]{0,3}?(?:押金|定金|订金|货款|费用?|钱|款|租金))?(?:全部?|都|全额|给我|一分不少地?)*(?:退|赔|补|还)/;

const ZH_BARE_HUNDREDS =
  /(?<![零一二两三四五六七八九十百千万])[一二两三四五六七八九]?[百千][零一二两三四五六七八九十百]*[多余来]?(?![零一二两三四五六七八九十百千万块元个件人次天])/g;

function currencyOf(token: string | undefined, fallback = 'CNY'): string {
  if (!token) return fallback;
  for (const [re, code] of ZH_CURRENCY) if (re.test(token)) return code;
  return CODES[token.toLowerCase()] ?? fallback;
}

/** Amounts of money, with their currency and, when the sentence says, claim or offer. */
export function extractAmounts(text: string): DetailProposal[] {
  const out: DetailProposal[] = [];
  const push: Push = (start, end, value, currency, confidence, approximate) => {
    if (value === undefined || !Number.isFinite(value) || value <= 0) return;
    if (out.some((p) => start < p.end && end > p.start)) return;
    // 将近两万, almost £20,000: below the figure written.
    if (BELOW_BEFORE.test(text.slice(Math.max(0, start - 8), start))) {
      value = belowBound(value);
      approximate = true;
    }
    const role = roleOf(text, start, end);
    out.push({
      kind: 'amount',
      value,
      text: text.slice(start, end),
      start,
      end,
      confidence,
      currency,
      ...(role ? { role } : {}),
      ...(approximate ? { approximate } : {}),
    });
  };

  // Quantity × unit price first: the line's value, not the unit price, is the amount involved.
  for (const m of text.matchAll(EN_UNIT_PRICE)) {
    const [, qty, sym, price] = m;
    const q = parseNumber(qty!);
    const p = parseNumber(price!);
    const value = q && p ? Math.round(q * p * 100) / 100 : undefined;
    push(m.index!, m.index! + m[0].length, value, currencyOf(sym!.trim()), 0.8, false);
  }
  for (const m of text.matchAll(ZH_UNIT_PRICE)) {
    const q = parseNumber(m[1] ?? m[4]!);
    const p = parseNumber(m[2] ?? m[3]!);
    const value = q && p ? Math.round(q * p * 100) / 100 : undefined;
    push(m.index!, m.index! + m[0].length, value, 'CNY', 0.8, false);
  }
  for (const m of text.matchAll(PREFIXED)) {
    const [, sym, num, word, zh] = m;
    const scale = word ?? zh;
    const value = parseNumber(num!);
    const factor = scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1;
    push(m.index!, m.index! + m[0].length, value && value * factor, currencyOf(sym), 0.95, false);
  }
  for (const m of text.matchAll(ZH_AMOUNT)) {
    const [all, prefix, num, approx, unit] = m;
    const lead = all.length - all.trimStart().length;
    const value = parseNumber(num!);
    const currency =
      /元|块|圆/.test(unit!) && unit !== '美元' ? currencyOf(prefix) : currencyOf(unit);
    push(m.index! + lead, m.index! + all.length, value, currency, 0.95, !!approx);
  }
  for (const m of text.matchAll(SUFFIXED)) {
    const [, num, scale, code] = m;
    const value = parseNumber(num!);
    const factor = scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1;
    push(m.index!, m.index! + m[0].length, value && value * factor, currencyOf(code), 0.9, false);
  }
  for (const m of text.matchAll(SCALED)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (
      !MONEY_BEFORE.test(text.slice(Math.max(0, start - 8), start)) &&
      !MONEY_AFTER.test(text.slice(end, end + 8)) &&
      !(
        CLAUSE_END.test(text.slice(end, end + 1)) &&
        BOUGHT_BEFORE.test(text.slice(Math.max(0, start - 14), start))
      )
    )
      continue;
    if (start > 0 && /[\d.]/.test(text[start - 1]!)) continue;
    // 一万多件货, 两万多个包裹: a count, however the approximation split it from its unit.
    if (!m[2] && COUNT_AFTER_APPROX.test(text.slice(end, end + 3))) continue;
    push(start, end, parseNumber(m[1]!), 'CNY', 0.7, !!m[2] || /[多余来几]/.test(m[1]!));
  }
  for (const m of text.matchAll(BARE_FIGURE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (start > 0 && /[\d.,]/.test(text[start - 1]!)) continue;
    if (
      !PAID_BEFORE.test(text.slice(Math.max(0, start - 6), start)) &&
      !PAID_AFTER.test(text.slice(end, end + 10))
    )
      continue;
    push(start, end, parseNumber(m[1]!), 'CNY', 0.6, false);
  }
  for (const m of text.matchAll(BARE)) {
    const start = m.index!;
    if (start > 0 && /[\d.]/.test(text[start - 1]!)) continue;
    if (!PAY_BACK.test(text.slice(Math.max(0, start - 6), start))) continue;
    push(start, start + m[0].length, parseNumber(m[1]!), 'CNY', 0.6, false);
  }
  for (const m of text.matchAll(EN_WORD_AMOUNT)) {
    const [all, words, scale, , grandIn, code] = m;
    const n = parseEnglishNumber(words!);
    const factor = (scale ? SCALE[scale.toLowerCase()]! : 1) * (/grand/i.test(all) ? 1e3 : 1);
    push(
      m.index!,
      m.index! + all.length,
      n && n * factor,
      currencyOf(grandIn ?? code),
      0.85,
      false,
    );
  }
  for (const m of text.matchAll(EN_SCALED)) {
    const start = m.index!;
    const end = start + m[0].length;
    // "10 grand" is money on its own; 12k and 3 thousand need money words around them.
    if (
      !/grand/i.test(m[2]!) &&
      !EN_SCALED_MONEY_BEFORE.test(text.slice(Math.max(0, start - 24), start)) &&
      !EN_SCALED_MONEY_AFTER.test(text.slice(end, end + 30))
    )
      continue;
    const unit = /in (RMB|yuan)\b/i.exec(text.slice(end, end + 12));
    push(start, end, Number(m[1]) * SCALE[m[2]!.toLowerCase()]!, currencyOf(unit?.[1]), 0.7, false);
  }
  readBareFigures(text, push);
  addInstalments(text, out);
  return out;
}

// heldout-10: a second payment on the same purchase (首付交了六千，上个月又交了四千五的尾款; "paid
// £400 up front and another £650 on delivery"): the amount involved is both together.
// heldout-11: asked for by them (又让交了, 再要我付).
const ZH_AGAIN =
  /(?:又|再|还|另外)(?:[让要叫]我?们?)?(?:交|付|转|补交|补了|充|花)了?(?:[\u4e00-\u9fff]{0,4}?)$/;
const EN_AGAIN =
  /\b(?:another|a further|then|plus|and)\s+(?:(?:paid|transferred|sent)\s+)?(?:another\s+)?$/i;

function addInstalments(text: string, out: DetailProposal[]): void {
  const found = [...out].sort((a, b) => a.start - b.start);
  for (let i = 1; i < found.length; i++) {
    const p = found[i]!;
    const before = text.slice(Math.max(0, p.start - 12), p.start);
    if (!ZH_AGAIN.test(before) && !EN_AGAIN.test(before)) continue;
    // The payment before it, in the same currency, neither an offer nor a claim.
    const prev = found
      .slice(0, i)
      .reverse()
      .find((q) => q.currency === p.currency && !q.role && p.start - q.end < 60);
    if (!prev || p.role) continue;
    out.push({
      kind: 'amount',
      value: (prev.value as number) + (p.value as number),
      text: text.slice(prev.start, p.end),
      start: prev.start,
      end: p.end,
      confidence: Math.min(prev.confidence, p.confidence) - 0.1,
      currency: p.currency,
      ...(prev.approximate || p.approximate ? { approximate: true } : {}),
    });
  }
}
