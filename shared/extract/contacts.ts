import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { DetailProposal } from './types';

// Mainland mobiles (3-4-4 groups optional), landlines with an area code and extension,
// 400/800 service numbers, and + forms; digits on either side reject the match.
const PHONE = new RegExp(
  [
    String.raw`(?:\+|00)86[\s-]?1[3-9]\d(?:[\s-]?\d{4}){2}`,
    String.raw`1[3-9]\d(?:[\s-]?\d{4}){2}`,
    String.raw`(?:(?:\+|00)86[\s-]?\(?0?|\(?0)\d{2,3}\)?[\s-]?\d{3,4}[\s-]?\d{4}(?:\s*(?:-|转|ext\.?|x)\s*\d{1,6})?`,
    String.raw`[48]00[\s-]?\d{3}[\s-]?\d{4}`,
    String.raw`\+[1-9][\d\s().-]{6,18}\d`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
);
// A number right after one of these labels is an order, invoice or account, not a phone.
const NOT_PHONE_BEFORE =
  /(?:单号|订单|编号|号码是订单|发票|账号|帐号|卡号|身份证|order|invoice|tracking|waybill|account|ref)[^\d\n]{0,6}$/i;
const PHONE_BEFORE = /(?:电话|手机|联系|致电|打|call|phone|tel|mobile|cell|contact)[^\d\n]{0,8}$/i;

/** Phone numbers: `value` in the national form for mainland numbers, E.164 otherwise. */
export function extractPhones(text: string): DetailProposal[] {
  const out: DetailProposal[] = [];
  for (const m of text.matchAll(PHONE)) {
    let raw = m[0].replace(/[\s(-]+$/, '');
    const start = m.index!;
    const end = start + raw.length;
    if (/[\dA-Za-z]/.test(text[start - 1] ?? '') || /\d/.test(text[end] ?? '')) continue;
    const before = text.slice(Math.max(0, start - 16), start);
    if (NOT_PHONE_BEFORE.test(before)) continue;
    const ext = /(?:-|转|ext\.?|x)\s*(\d{1,6})$/i.exec(raw);
    const main =
      ext && /^(?:\(?0|(?:\+|00)86)/.test(raw) && raw.replace(/\D/g, '').length > 12
        ? raw.slice(0, ext.index)
        : raw;
    raw = main.replace(/^00/, '+');
    const parsed = parsePhoneNumberFromString(raw, 'CN');
    if (!parsed?.isValid()) continue;
    const cn = parsed.countryCallingCode === '86';
    const national = parsed.nationalNumber;
    const mobile = /^1[3-9]\d{9}$/.test(national) || /^[48]00\d{7}$/.test(national);
    const value = cn ? (mobile ? national : `0${national}`) : parsed.number;
    const labelled = PHONE_BEFORE.test(before);
    out.push({
      kind: 'phone',
      value: ext && main !== m[0] ? `${value}-${ext[1]}` : value,
      text: text.slice(start, end),
      start,
      end,
      confidence: labelled ? 0.95 : 0.8,
    });
  }
  return out;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/g;

/** E-mail addresses, lower-cased. */
export function extractEmails(text: string): DetailProposal[] {
  const out: DetailProposal[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const raw = m[0].replace(/^[.]+/, '');
    const start = m.index! + (m[0].length - raw.length);
    if (/\.\./.test(raw) || raw.startsWith('.')) continue;
    out.push({
      kind: 'email',
      value: raw.toLowerCase(),
      text: raw,
      start,
      end: start + raw.length,
      confidence: 0.95,
    });
  }
  return out;
}
