import { normalizeEmail, phoneDigits } from '../contact/contact-key';

/**
 * Search terms: what the extension stores in a multi-entry index (`*terms`) so a search looks up
 * one term instead of scanning. Latin words and digit runs are kept whole (a query matches a
 * term's prefix); Chinese, Japanese and Korean text has no spaces, so it is cut into overlapping
 * pairs of characters (bigrams) and a query's pairs must all be present.
 */

/** Most terms stored per complaint: bounds index size for long descriptions. */
export const MAX_TERMS = 256;
/** Only the start of a long description is indexed. */
const TEXT_INDEXED = 600;

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK = new RegExp(CJK_CLASS, 'u');
// A run of CJK characters, or a run of other letters and digits.
const RUN = new RegExp(`${CJK_CLASS}+|(?:(?!${CJK_CLASS})[\\p{L}\\p{N}])+`, 'gu');

/** NFKC (full-width letters and digits fold), lower-cased. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function cjkTerms(run: string, unigrams: boolean, out: string[]): void {
  const chars = [...run];
  if (chars.length === 1 || unigrams) out.push(...chars);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

/**
 * The terms of a free text: Latin words and numbers of two or more characters, CJK bigrams (a
 * lone CJK character is kept as itself). `unigrams` adds every CJK character too (names).
 */
export function textTerms(text: string, unigrams = false): string[] {
  const out: string[] = [];
  for (const [run] of normalizeText(text).matchAll(RUN)) {
    if (CJK.test(run)) cjkTerms(run, unigrams, out);
    else if (run.length >= 2) out.push(run);
  }
  return out;
}

/** What a complaint is found by (domain fields, not the whole state). */
export interface Searchable {
  caseNumber?: string;
  name?: string;
  phone?: string;
  email?: string;
  /** Subject, description start, complained-about unit… in order of importance. */
  texts: (string | undefined)[];
}

/**
 * The search terms of a complaint, most important first, deduplicated and capped at
 * `MAX_TERMS`: the case number (whole and as digits), the name (every character), the phone's
 * digits (whole and last four), the email (whole, and its words), then text terms.
 */
export function searchTerms(s: Searchable): string[] {
  const terms: string[] = [];
  if (s.caseNumber) {
    const cn = normalizeText(s.caseNumber);
    terms.push(cn, cn.replace(/\D/g, ''), ...textTerms(cn));
  }
  if (s.name) terms.push(...textTerms(s.name, true));
  const phone = phoneDigits(s.phone);
  if (phone) terms.push(phone, phone.slice(-4));
  const email = normalizeEmail(s.email);
  if (email) terms.push(email, ...textTerms(email));
  for (const text of s.texts) if (text) terms.push(...textTerms(text.slice(0, TEXT_INDEXED)));
  const unique = [...new Set(terms.filter((t) => t.length > 0))];
  return unique.slice(0, MAX_TERMS);
}

/**
 * A query as terms: an email or a phone number is kept whole (digits only), anything else is
 * cut like stored text. Empty when the query has nothing searchable.
 */
export function queryTerms(query: string): string[] {
  const q = normalizeText(query).trim();
  if (!q) return [];
  if (/^\S+@\S+$/.test(q)) return [q];
  const digits = q.replace(/[\s\-().+]/g, '');
  if (/^\d{5,}$/.test(digits)) return [phoneDigits(digits) ?? digits];
  return [...new Set(textTerms(q, [...q].filter((c) => CJK.test(c)).length === 1))];
}

/** Whether a term is CJK: looked up whole (a bigram is already a unit), not by prefix. */
export function isCjkTerm(term: string): boolean {
  return CJK.test(term);
}

/** CJK terms must match exactly; others by prefix. */
export function termMatches(stored: string, query: string): boolean {
  return isCjkTerm(query) ? stored === query : stored.startsWith(query);
}

/** Whether every query term matches one of the stored terms. */
export function matchesTerms(stored: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => stored.some((s) => termMatches(s, q)));
}

/** The query term to look up in the index: the longest (usually the rarest). */
export function leadingTerm(query: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const q of query) if (!best || q.length > best.length) best = q;
  return best;
}
