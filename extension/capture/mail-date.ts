// Dates as webmail shows them: RFC 5322, ISO, "Mon, Mar 3, 2025, 10:14 AM", "3/3/2025 10:14 AM",
// "2025年3月3日 (周一) 下午3:42", "2025年03月03日 10:14 (星期一)". Without a zone in the text the
// time is taken as local: webmail renders in the browser's zone, where this code runs.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;

function normalize(raw: string): string {
  return raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/[\u3000\u00a0\u202f]/g, ' ')
    .trim();
}

interface Parts {
  y: number;
  m: number;
  d: number;
}

function dateParts(s: string): { parts: Parts; start: number; end: number } | undefined {
  let m = s.match(/(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/);
  if (m)
    return {
      parts: { y: +m[1]!, m: +m[2]!, d: +m[3]! },
      start: m.index!,
      end: m.index! + m[0].length,
    };
  m = s.match(/\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b/);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    // Dotted dates are day-first (de, fr, ru…); slashed ones US order unless the first number
    // cannot be a month.
    const [month, day] = m[2] === '.' || a > 12 ? [b, a] : [a, b];
    return { parts: { y: +m[4]!, m: month, d: day }, start: m.index!, end: m.index! + m[0].length };
  }
  m = s.match(new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`, 'i'));
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return {
      parts: { y: +m[3]!, m: month, d: +m[2]! },
      start: m.index!,
      end: m.index! + m[0].length,
    };
  }
  m = s.match(new RegExp(String.raw`\b(\d{1,2})\s+${MONTH},?\s+(\d{4})`, 'i'));
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    return {
      parts: { y: +m[3]!, m: month, d: +m[1]! },
      start: m.index!,
      end: m.index! + m[0].length,
    };
  }
  return undefined;
}

function offsetMinutes(s: string): number | undefined {
  const named = s.match(/\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i);
  const numeric = named ?? s.match(/(?:^|\s)([+-])(\d{2}):?(\d{2})\b/);
  if (numeric) {
    const sign = numeric[1] === '-' ? -1 : 1;
    return sign * (+numeric[2]! * 60 + +(numeric[3] ?? 0));
  }
  if (/\b(?:GMT|UTC)\b|\dZ$/i.test(s)) return 0;
  return undefined;
}

/** ISO instant (UTC, `Z`) for a displayed date, or undefined when it cannot be read. */
export function parseMailDate(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const s = normalize(raw);
  const iso = s.match(
    /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/,
  );
  if (iso) {
    const t = Date.parse(iso[3] ? s : `${iso[1]}T${iso[2]}`);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  const date = dateParts(s);
  if (!date) return undefined;
  const { y, m, d } = date.parts;
  // Whatever is not the date: the time may come before it ("10:14 AM, Mar 3, 2025").
  const rest = `${s.slice(0, date.start)} ${s.slice(date.end)}`;
  const time = rest.match(/(\d{1,2}):(\d{2})(?::(\d{2}))?/);
  let h = time ? +time[1]! : 0;
  const min = time ? +time[2]! : 0;
  const sec = time?.[3] ? +time[3] : 0;
  const pm = /(?<![a-z])p\.?m(?![a-z])|下午|晚上|傍晚|中午/i.test(rest);
  const am = /(?<![a-z])a\.?m(?![a-z])|上午|早上|凌晨/i.test(rest);
  if (pm && h < 12 && !(/中午/.test(rest) && h >= 11)) h += 12;
  if (am && h === 12) h = 0;
  if (
    y < 1990 ||
    y > 2100 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > 31 ||
    h > 23 ||
    min > 59 ||
    sec > 59
  ) {
    return undefined;
  }
  const offset = offsetMinutes(s.slice(date.end));
  const when =
    offset === undefined
      ? new Date(y, m - 1, d, h, min, sec)
      : new Date(Date.UTC(y, m - 1, d, h, min, sec) - offset * 60_000);
  // Reject overflow such as 31 February.
  const check =
    offset === undefined ? when.getDate() : new Date(Date.UTC(y, m - 1, d)).getUTCDate();
  if (Number.isNaN(when.getTime()) || check !== d) return undefined;
  return when.toISOString();
}
