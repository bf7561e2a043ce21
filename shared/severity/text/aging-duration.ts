import { toSimplified } from './traditional';
import {
  BELOW_BEFORE,
  EN_NUMBER_WORDS,
  parseEnglishNumber,
  parseNumber,
} from '../../extract/numbers';

/**
 * The case's age told as a duration since the complaint ("it's been 11 weeks since my original
 * complaint", 投诉快三个月了, 两个多月前就报给你们了…到现在已经两个半月了) or as two months
 * ("first raised this in January, it's now mid-April"). Only a duration tied to the complaint
 * counts: "the warranty is two years", "a customer for 3 months", 快递三个月前寄的 are not its age.
 * Read by `assessSeverity` when no opening time is recorded; a proposal, like the dated form.
 */

// The complaint itself: reported, raised, 投诉, 报给你们…
// 说在处理, 等回复: the company has had the complaint (在处理 is its own word for it).
const ZH_REPORT =
  /投诉|报修|报障|报给|报了|反映|反馈|提交|登记|申诉|联系(?:了)?你们|找(?:了)?你们|在处理|受理|跟进|催了?|等(?:你们的?)?(?:回复|答复|处理)/;
const EN_REPORT =
  /\b(?:complain(?:ed|t)|report(?:ed)?|raised|logged|lodged|submitted|contacted you|called you|wrote to you|chasing)\b/i;
// Between the complaint and the duration: words that date something else (用了三个月, 买了…).
// 孩子才三个月, 才用了三个月, 这台冰箱都三个月了: an age of something else.
const ZH_OTHER_CLOCK =
  /用了|买了?|住了|寄|装了?|办了?|开了|租了?|保修|质保|签了|入住|使用|孩子|宝宝|婴儿|出生|怀孕|才|[这那](?:台|辆|部|件|款|套|只|双|栋|间)/;

// 半年, 大半年 (heldout-7: 从去年十月投诉到现在半年了) count as six months.
const ZH_NUM = '(\\d+|[一二两三四五六七八九十几]+|大?半(?=年))';
// 三个月 · 两个多月 · 两个半月 · 快四个月 · 11周 · 七十多天 · 一年
const ZH_DURATION = new RegExp(
  `${ZH_NUM}(?:(个)?(多|半)?(月)|(个)?(多)?(星期|礼拜|周)|(多)?(天)|(多)?(年))(半)?`,
  'g',
);
// The duration is the age now: 了 after it, or 到现在/至今/已经/都 before it.
const ZH_LASTED =
  /^(?:了|过|给你们|你们)?(?:后|以后|之后)?(?:又|已经|都|已)?(?:等了|拖了|过了|有)?(?:快要?|将近|接近|差不多|足足|整整|近)?$/;
// heldout-12: …or counted to today (从第一次投诉到今天整整六十七天).
const ZH_NOW_BEFORE =
  /(?:到现在|至今|现在|已经|已|都|有|到今天|到今|到目前)(?:为止)?(?:已经|都)?(?:快要?|将近|接近|差不多|足足|整整|近)?$/;
// 两个多月前就报给你们了, 两个月前在你们APP上提交的投诉: the complaint within the clause.
const ZH_AGO_REPORT =
  /^前([^，。！？,!?]{0,10}?)(?:投诉|报修|报障|报给|报了|反映|提交|登记|申诉|联系)/;

const EN_NUM = `(\\d+|${EN_NUMBER_WORDS}|a couple of)`;
const EN_DURATION = new RegExp(
  `\\b(over |more than |almost |nearly |about )?${EN_NUM} (days?|weeks?|months?|years?)\\b`,
  'gi',
);
// "… since my original complaint", "… since I first reported it": the complaint right after.
const EN_SINCE =
  /^\s+(?:now\s+)?since\s+(?:i|we|my|our)\s+(?:(?:first|original|initial)\s+)?(?:complain(?:ed|t)|report(?:ed)?|raised|logged|lodged|submitted|contacted you|called you|wrote to you|emailed you)\b/i;
const EN_AGO = /^\s+ago\b/i;
const EN_PASSED = /^\s+(?:have|has)\s+(?:now\s+)?(?:passed|gone by|elapsed)\b/i;
// heldout-12: "Ten weeks ago I reported…": the complaint right after the duration.
const EN_AGO_REPORTED =
  /^\s+ago,?\s+(?:i|we)\s+(?:first\s+)?(?:complained|reported|raised|logged|lodged|submitted|contacted you|called you|wrote to you|emailed you)\b/i;
// "chasing this for three months", "my complaint has been open for 10 weeks".
const EN_FOR =
  /\b(?:chasing|complaining|been (?:on to|onto|at) you|trying to get (?:this|it) (?:sorted|resolved|fixed)|(?:complaint|case|ticket|claim)\b[^.!?]{0,20}\b(?:open|outstanding|unresolved|pending|ongoing|going on))\b[^.!?]{0,30}\bfor $/i;
// "three months after my complaint", "… after I first reported it".
const EN_AFTER =
  /^\s+(?:now\s+)?after\s+(?:i|we|my|our|the)\s+(?:(?:first|original|initial)\s+)?(?:complain(?:ed|t)|report(?:ed)?|raised|logged|lodged|submitted)\b/i;
// heldout-15 round: "… over two months on", "… three months later" after a complaint told in
// the same or the sentence before, with the fault still there in the sentence.
const EN_ON_LATER = /^\s+(?:on|later)\b/i;
const EN_STILL = /\b(?:still|yet to|no (?:reply|answer|response|fix|one has))\b/i;
const EN_BEEN = /\b(?:it's|it has|that's|that has) been (?:now )?$/i;

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const EN_MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december)';
const EN_RAISED_IN = new RegExp(
  `\\b(?:complained|reported|raised|logged|lodged|submitted|contacted you)\\b[^.!?]{0,40}?\\bin (early |mid-?|late )?${EN_MONTH}\\b|\\bsince (early |mid-?|late )?${EN_MONTH},? (?:i|we) (?:complain|complained|report|reported|raised|call|called)\\b` +
    // heldout-8: a day and month (first complained on 3 February, on the 3rd of February, on February 3).
    `|\\b(?:complained|reported|raised|logged|lodged|submitted|contacted you)\\b[^.!?]{0,40}?\\bon (?:the )?(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${EN_MONTH}\\b|\\b(?:complained|reported|raised|logged|lodged|submitted|contacted you)\\b[^.!?]{0,40}?\\bon ${EN_MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b` +
    // heldout-10: the complaint running since a month or a named period ("complaining since Easter").
    `|\\b(?:complaining|chasing|waiting|complained|reported|raised|logged|lodged|on to you|onto you)\\b[^.!?]{0,30}?\\bsince (early |mid-?|late )?(${EN_MONTH.slice(1, -1)}|easter|christmas|xmas|new year)\\b`,
  'i',
);
// Named periods as a point in the year (months from 1 January): Easter falls late March to late April.
const PERIOD_AT: Record<string, number> = {
  easter: 3.15,
  christmas: 11.8,
  xmas: 11.8,
  'new year': 0.05,
};
const EN_NOW_MONTH = new RegExp(
  `(?:\\b(?:it's|it is|we're|we are|and)|,) now (early |mid-?|late |the end of )?${EN_MONTH}\\b`,
  'i',
);
// heldout-10: today's month told without "now" after the complaint ("… and it's June").
const EN_IS_MONTH = new RegExp(
  `(?:\\band|[,.:;]|^) ?(?:it's|it is) (early |mid-?|late |the end of )?${EN_MONTH}\\b`,
  'i',
);
const PART: Record<string, number> = {
  'early ': 0.15,
  mid: 0.5,
  'mid-': 0.5,
  'late ': 0.8,
  'the end of ': 0.85,
};

const DAYS_PER_MONTH = 30.44;
const EPS = 0.01;

function inMonths(n: number, unit: string): number {
  if (/月|month/i.test(unit)) return n;
  if (/星期|礼拜|周|week/i.test(unit)) return (n * 7) / DAYS_PER_MONTH;
  if (/天|day/i.test(unit)) return n / DAYS_PER_MONTH;
  return n * 12;
}

// Run only where the one scan saw a figure or a duration (see number-cues.ts); then a word for
// the complaint must be there too before the readers below run.
const HAS_REPORT =
  /投诉|报|反映|反馈|提交|登记|申诉|联系|找了?你们|处理|受理|跟进|催|回复|答复|complain|report|raised|logged|lodged|submitted|contacted|called you|wrote to you|chasing/i;

/**
 * The words that say the complaint has been open at least `months` months, or undefined. A
 * duration written as "almost N" (快四个月) is just under N; "N多", "over N" just over it.
 */
export function readAgingDuration(text: string, months: number): string | undefined {
  // heldout-13 round: read in simplified script (從八月報修到現在四個多月), quoted as written;
  // the fold is one code unit for one, so offsets stay the original's.
  const folded = toSimplified(text);
  if (folded === text) return readDuration(text, months);
  const q = readDuration(folded, months);
  if (q === undefined) return undefined;
  const at = folded.indexOf(q);
  return at < 0 ? q : text.slice(at, at + q.length);
}

function readDuration(text: string, months: number): string | undefined {
  if (!HAS_REPORT.test(text)) return undefined;
  for (const m of text.matchAll(ZH_DURATION)) {
    const n = /半$/.test(m[1]!) ? 0.5 : parseNumber(m[1]!);
    if (n === undefined) continue;
    const unit = m[4] ?? m[7] ?? m[9] ?? m[11]!;
    // 5月25号, 三月初: a month without 个 before a day is a date, not a duration.
    if (
      m[4] &&
      !m[2] &&
      !m[3] &&
      /^[\d一二三四五六七八九十号日初中底下上]/.test(text.slice(m.index! + m[0].length))
    )
      continue;
    const more = m[3] === '多' || m[6] || m[8] || m[10];
    const half = m[3] === '半' || m[12];
    const start = m.index!;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 8), start);
    let value = inMonths(n + (half ? 0.5 : 0), unit) + (more ? EPS : 0);
    const below = BELOW_BEFORE.exec(before);
    if (below) value = inMonths(n, unit) - EPS;
    const from = start - (below ? below[0].length : 0);
    if (value < months) continue;
    const after = text.slice(end, end + 20);
    const ago = ZH_AGO_REPORT.exec(after);
    if (ago && !ZH_OTHER_CLOCK.test(ago[1]!)) {
      return text.slice(from, end + after.search(/[，。！？,!?]|$/));
    }
    // The complaint said shortly before (same or previous clause).
    const earlier = text.slice(Math.max(0, start - 40), start);
    const report = lastMatch(earlier, ZH_REPORT);
    if (report < 0) continue;
    // 投诉了三个多月, 报修后等了三个月: the duration is how long the complaint has lasted…
    const rest = earlier.slice(report).replace(ZH_REPORT, '');
    const lasting = ZH_LASTED.test(rest);
    // …or the age now (…了, …过去了, 到现在…), in nothing else's words.
    if (!lasting && !/^(?:多)?(?:了|过去了)/.test(after) && !ZH_NOW_BEFORE.test(before)) continue;
    if (ZH_OTHER_CLOCK.test(earlier.slice(report))) continue;
    return text.slice(from, end + (after.startsWith('了') ? 1 : 0));
  }
  for (const m of text.matchAll(EN_DURATION)) {
    const words = m[2]!.toLowerCase();
    const n = /^\d+$/.test(words)
      ? Number(words)
      : words === 'a couple of'
        ? 2
        : parseEnglishNumber(words);
    if (n === undefined) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const q = (m[1] ?? '').trim().toLowerCase();
    let value = inMonths(n, m[3]!);
    if (q === 'over' || q === 'more than') value += EPS;
    if (q === 'almost' || q === 'nearly') value -= EPS;
    if (value < months) continue;
    const after = text.slice(end, end + 40);
    const since = EN_SINCE.exec(after) ?? EN_AFTER.exec(after);
    if (since) return text.slice(start, end + since[0].length);
    // "chasing this for three months", "It's been over two months" after the complaint was told.
    const lead = text.slice(Math.max(0, start - 60), start);
    if (
      EN_FOR.test(lead) ||
      (EN_BEEN.test(lead) &&
        !/^\s+since\b/i.test(after) &&
        EN_REPORT.test(text.slice(Math.max(0, start - 120), start)))
    ) {
      return text.slice(start, end);
    }
    // "despite my complaint of 1 October, over two months have now passed": the complaint told
    // before, in the same sentence, or right after ("… have passed since I reported it").
    const passed = EN_PASSED.exec(after);
    if (passed) {
      const sentence = text
        .slice(0, start)
        .split(/[.!?]\s/)
        .pop()!;
      const since = EN_SINCE.exec(after.slice(passed[0].length));
      if (since) return text.slice(start, end + passed[0].length + since[0].length);
      if (EN_REPORT.test(sentence)) return text.slice(start, end + passed[0].length);
    }
    if (EN_ON_LATER.test(after)) {
      const sentences = text.slice(0, start).split(/[.!?]\s/);
      const told = sentences.slice(-2).join('. ');
      const here = (sentences.at(-1) ?? '') + after.split(/[.!?]/)[0];
      if (EN_REPORT.test(told) && EN_STILL.test(here))
        return text.slice(start, end + after.match(EN_ON_LATER)![0].length);
    }
    const agoReported = EN_AGO_REPORTED.exec(after);
    if (agoReported) return text.slice(start, end + agoReported[0].length);
    // "I reported this 3 months ago": the complaint just before, in the same sentence.
    if (EN_AGO.test(after)) {
      const sentence = text
        .slice(0, start)
        .split(/[.!?]\s/)
        .pop()!;
      if (EN_REPORT.test(sentence)) return text.slice(start, end + 4);
    }
  }
  const raised = EN_RAISED_IN.exec(text);
  if (raised) {
    const rest = text.slice(raised.index! + raised[0].length);
    const now = EN_NOW_MONTH.exec(rest) ?? EN_IS_MONTH.exec(rest);
    if (now) {
      // "…in March" or, without a tense (heldout-7), "since March I complain already".
      const month = (raised[2] ?? raised[4] ?? raised[6] ?? raised[7] ?? raised[10])!;
      const day = raised[5] ?? raised[8];
      const from =
        PERIOD_AT[month.toLowerCase()] ??
        MONTH_NAMES.indexOf(month.toLowerCase()) +
          (day
            ? (+day - 1) / DAYS_PER_MONTH
            : (PART[(raised[1] ?? raised[3] ?? raised[9] ?? '').toLowerCase()] ?? 0.5));
      let to =
        MONTH_NAMES.indexOf(now[2]!.toLowerCase()) + (PART[(now[1] ?? '').toLowerCase()] ?? 0.5);
      if (to < from) to += 12;
      if (to - from > months)
        return `${month} … ${now[0].replace(/^.*?\b(?:now|it's|it is)\s+(?:now\s+)?/i, '')}`;
    }
  }
  return readPoints(text, months);
}

// heldout-11: the complaint dated by a named point in the year and today by a later one
// (春节前就反映…现在五一都过完了, "raised it before Christmas and we're now well past Easter").
// Months from 1 January; a month named alone is its middle.
const POINTS: Record<string, number> = {
  元旦: 0,
  'new year': 0,
  春节: 1.1,
  'chinese new year': 1.1,
  'lunar new year': 1.1,
  'spring festival': 1.1,
  清明: 3.15,
  easter: 3.15,
  五一: 4.05,
  劳动节: 4.05,
  端午: 5.5,
  'dragon boat': 5.5,
  中秋: 8.6,
  'mid-autumn': 8.6,
  国庆: 9.05,
  'national day': 9.05,
  halloween: 10,
  双十一: 10.35,
  thanksgiving: 10.85,
  圣诞: 11.8,
  christmas: 11.8,
  xmas: 11.8,
};
const POINT = new RegExp(
  `${Object.keys(POINTS)
    .sort((a, b) => b.length - a.length)
    .join(
      '|',
    )}|\\b${EN_MONTH}\\b|(?<![个\\d一二三四五六七八九十])(\\d{1,2}|十[一二]?|[一二三四五六七八九])月`,
  'gi',
);
// Before the point (春节前, "before Christmas") or after it (五一都过完了, "well past Easter"),
// read on the words around it joined at @.
const POINT_BEFORE = /@(?:节|假期|长假|假)?之?前|\bbefore (?:the )?@/i;
const POINT_AFTER =
  /@(?:节|假期|长假|假)?(?:都|也)?(?:已经)?(?:过完|过了|后)|\b(?:past|after) (?:the )?@/i;
// Today told at the later point: 现在…都过了, "it's now", "we're now well past".
const POINT_NOW = /现在|如今|至今|都过|过完|都[^，。]{0,2}了|\bnow\b|\bit's\b|\bit is\b|\bpast\b/i;

function readPoints(text: string, months: number): string | undefined {
  const found = [...text.matchAll(POINT)];
  const at = (m: RegExpMatchArray) => {
    const end = m.index! + m[0].length;
    const around = `${text.slice(Math.max(0, m.index! - 12), m.index)}@${text.slice(end, end + 6)}`;
    const base =
      POINTS[m[0].toLowerCase()] ??
      (m[1] ? MONTH_NAMES.indexOf(m[1].toLowerCase()) : parseNumber(m[2]!)! - 1) + 0.5;
    return base - (POINT_BEFORE.test(around) ? 0.15 : 0) + (POINT_AFTER.test(around) ? 0.15 : 0);
  };
  for (const [i, a] of found.entries()) {
    const end = a.index! + a[0].length;
    // The complaint in the point's clause (端午节前报修的, "we logged the fault at…").
    const clause =
      /[^，。！？；,.!?;]*$/.exec(text.slice(0, a.index))![0] +
      /^[^，。！？；,.!?;]*/.exec(text.slice(a.index!))![0];
    if (!ZH_REPORT.test(clause) && !EN_REPORT.test(clause)) continue;
    for (const b of found.slice(i + 1)) {
      if (!POINT_NOW.test(text.slice(Math.max(end, b.index! - 14), b.index! + b[0].length + 8)))
        continue;
      let span = at(b) - at(a);
      if (span <= 0) span += 12;
      if (span > months) return `${a[0]} … ${b[0]}`;
    }
  }
  return undefined;
}

function lastMatch(s: string, re: RegExp): number {
  let at = -1;
  for (const m of s.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) at = m.index!;
  return at;
}
