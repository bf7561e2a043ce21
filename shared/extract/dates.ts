import type { DetailProposal, ExtractOptions } from './types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

type Ymd = [year: number | undefined, month: number, day: number];

// Each pattern with a reader of its groups.
const PATTERNS: [RegExp, (m: RegExpMatchArray) => Ymd][] = [
  [
    /(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g,
    (m) => [+m[1]!, +m[2]!, +m[3]!],
  ],
  // After a written year (2026年) the pattern above reads it; after 去年/今年 the month is ours.
  [/(?<!\d|\d\s*年\s*)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, (m) => [undefined, +m[1]!, +m[2]!]],
  [
    /(?<![\d.])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])/g,
    (m) => [+m[1]!, +m[2]!, +m[3]!],
  ],
  [
    new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:19|20)\\d{2}))?\\b`, 'gi'),
    (m) => [m[3] ? +m[3] : undefined, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, +m[2]!],
  ],
  [
    new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+((?:19|20)\\d{2}))?\\b`,
      'gi',
    ),
    (m) => [m[3] ? +m[3] : undefined, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, +m[1]!],
  ],
];

// Days back from today.
const RELATIVE =
  /大前天|前天|昨天|昨晚|昨日|今天|今早|今晚|今日|the day before yesterday|yesterday|today|this morning|last night|tonight/gi;
const BACK: Record<string, number> = {
  大前天: 3,
  前天: 2,
  昨天: 1,
  昨晚: 1,
  昨日: 1,
  今天: 0,
  今早: 0,
  今晚: 0,
  今日: 0,
  'the day before yesterday': 2,
  yesterday: 1,
  today: 0,
  'this morning': 0,
  'last night': 1,
  tonight: 0,
};

const pad = (n: number) => String(n).padStart(2, '0');

function today(now: Date, timeZone: string): [number, number, number] {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return [get('year'), get('month'), get('day')];
}

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Dates of the incident: `YYYY-MM-DD`. A date without a year takes `now`'s year, or the year
 * before when that would be in the future (complaints are about the past); without `now` it is
 * `--MM-DD` (ISO 8601's year-less form) and relative words are skipped.
 */
export function extractDates(text: string, opts: ExtractOptions = {}): DetailProposal[] {
  const out: DetailProposal[] = [];
  const tz = opts.timeZone ?? 'UTC';
  const now = opts.now && !Number.isNaN(opts.now.getTime()) ? today(opts.now, tz) : undefined;
  const push = (start: number, end: number, value: string, confidence: number) => {
    if (out.some((p) => start < p.end && end > p.start)) return;
    out.push({ kind: 'date', value, text: text.slice(start, end), start, end, confidence });
  };
  for (const [re, read] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      let [y, mo, d] = read(m);
      if (mo < 1 || mo > 12) continue;
      if (y === undefined && now) {
        y = now[0];
        if (mo > now[1] || (mo === now[1] && d > now[2])) y--;
      }
      if (!valid(y ?? 2000, mo, d)) continue;
      const value = y === undefined ? `--${pad(mo)}-${pad(d)}` : `${y}-${pad(mo)}-${pad(d)}`;
      push(m.index!, m.index! + m[0].length, value, y === undefined ? 0.6 : 0.85);
    }
  }
  if (now) {
    for (const m of text.matchAll(RELATIVE)) {
      const back = BACK[m[0].toLowerCase()] ?? BACK[m[0]];
      if (back === undefined) continue;
      const date = new Date(Date.UTC(now[0], now[1] - 1, now[2] - back));
      const value = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
      push(m.index!, m.index! + m[0].length, value, 0.7);
    }
  }
  return out;
}
