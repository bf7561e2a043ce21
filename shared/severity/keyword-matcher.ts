import type { KeywordRule } from '../policy/policy';
import type { SeverityLevel } from '../schema/codes';

/** A keyword rule that fired, with the first of its words found (spelt as in the policy). */
export interface KeywordHit {
  rule: string;
  level: SeverityLevel;
  word: string;
}

interface CompiledWord {
  /** The word as the policy spells it, reported as the reason's detail. */
  source: string;
  /** Indexes into the rule list: one word may belong to several rules. */
  rules: number[];
  /** Case-folded code units after the first, up to the first space: a cheap pre-check. */
  head: number[];
  /** The exact test (case, word boundaries, whitespace runs, plurals) at a candidate index. */
  sticky: RegExp;
}

interface Matcher {
  ruleCount: number;
  /** Words by first character (case-folded), longest first. */
  groups: CompiledWord[][];
  /** Per UTF-16 code unit, the flags below (64 KB: the hot loop reads only this). */
  table: Uint8Array;
  /** Per code unit that starts a word: the index of its group. */
  groupOf: Int32Array;
  /** First and second character (folded, low bytes) of some word: a one-look-up pre-check. */
  pairs: Uint8Array;
}

/** Some word starts with this character. */
const FIRST = 1;
/** Every word starting with it needs a Latin word boundary before it. */
const WORD_START = 2;
/** Some word starting with it is one character long or a phrase: skip the pair pre-check. */
const ANY_SECOND = 4;
/** NFKC may change how the text matches: fold the text first. */
const DIRTY = 8;

const pairKey = (first: number, second: number) => ((first & 0xff) << 8) | (second & 0xff);

/** Letters and digits a Latin keyword must not touch. */
const LATIN_WORD_CHAR = '0-9a-z\\u00c0-\\u024f\\u1e00-\\u1eff';
// Han, kana, hangul (and astral Han via surrogates): such words match as substrings.
const CJK_RE = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\ud840-\ud87f]/;
const MARK_RE = /\p{M}/u;

function isLatinWordCode(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/**
 * How text is compared: NFKC folds full-width forms (`ＭＥＤＩＡ`, `１２３１５`) and other
 * compatibility characters, then lower-casing makes matching case-insensitive.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function canonical(word: string): string {
  return normalizeText(word).trim().replace(/\s+/g, ' ');
}

function patternOf(word: string): string {
  const body = word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
  if (CJK_RE.test(word)) return body;
  const before = isLatinWordCode(word.charCodeAt(0)) ? `(?<![${LATIN_WORD_CHAR}])` : '';
  const last = word.charCodeAt(word.length - 1);
  // Plurals and third-person -s are tolerated (lawyers, courts, sues); no other inflection.
  const plural = isLatinWordCode(last) && !(last >= 48 && last <= 57) ? '(?:e?s)?' : '';
  const after = isLatinWordCode(last) ? `(?![${LATIN_WORD_CHAR}])` : '';
  return `${before}${body}${plural}${after}`;
}

interface CharData {
  /** Case folding exactly as a non-Unicode `i` regex compares code units. */
  fold: Uint16Array;
  /** Surrogates, combining marks and jamo: they compose with a neighbour under NFKC. */
  composing: Uint8Array;
  /** Code units NFKC changes on their own, with what they become. */
  changed: [code: number, folded: string][];
}

// Computed on first use and shared by every policy. Whole blocks that neither case nor NFKC
// change (most of CJK) are skipped, so this costs a few milliseconds, not 65,536 look-ups.
let charData: CharData | undefined;

function chars(): CharData {
  if (charData) return charData;
  const fold = new Uint16Array(0x10000);
  const composing = new Uint8Array(0x10000);
  const changed: [number, string][] = [];
  composing.fill(1, 0xd800, 0xe000);
  composing.fill(1, 0x1100, 0x1200);
  const block = new Uint16Array(256);
  for (let base = 0; base < 0x10000; base += 256) {
    for (let k = 0; k < 256; k++) fold[base + k] = block[k] = base + k;
    if (base >= 0xd800 && base < 0xe000) continue;
    const text = String.fromCharCode(...block);
    if (text.toUpperCase() === text && text.normalize('NFKC') === text && !MARK_RE.test(text)) {
      continue;
    }
    for (let c = base; c < base + 256; c++) {
      const ch = String.fromCharCode(c);
      const upper = ch.toUpperCase();
      const u = upper.charCodeAt(0);
      if (upper.length === 1 && !(c >= 128 && u < 128)) fold[c] = u;
      if (c < 0x80) continue;
      if (MARK_RE.test(ch)) composing[c] = 1;
      const folded = ch.normalize('NFKC');
      if (folded !== ch) changed.push([c, folded]);
    }
  }
  charData = { fold, composing, changed };
  return charData;
}

/**
 * Marks the code units that send a text through NFKC first: composing ones, and those NFKC
 * turns into something a keyword could see (a letter, digit, space or a keyword's character).
 * The rest — full-width punctuation ，：！, ellipses… — become inert punctuation, so most
 * Chinese text skips NFKC yet matches exactly as if folded.
 */
function markDirty(table: Uint8Array, keywordChars: Set<string>): void {
  const { composing, changed } = chars();
  for (let c = 0; c < 0x10000; c++) if (composing[c]) table[c]! |= DIRTY;
  const visible = (ch: string) => {
    const lower = ch.toLowerCase();
    return /\s/.test(ch) || isLatinWordCode(lower.charCodeAt(0)) || keywordChars.has(lower);
  };
  for (const [c, folded] of changed) {
    if (isLatinWordCode(c) || [...folded].some(visible)) table[c]! |= DIRTY;
  }
}

function compile(rules: readonly KeywordRule[]): Matcher {
  const { fold } = chars();
  const byCanonical = new Map<string, { canon: string; source: string; rules: number[] }>();
  rules.forEach((rule, r) => {
    for (const source of rule.words) {
      const canon = canonical(source);
      if (!canon) continue;
      const entry = byCanonical.get(canon);
      if (!entry) byCanonical.set(canon, { canon, source: source.trim(), rules: [r] });
      else if (!entry.rules.includes(r)) entry.rules.push(r);
    }
  });
  const entries = [...byCanonical.values()].sort((a, b) => b.canon.length - a.canon.length);

  const groups: CompiledWord[][] = [];
  const keywordChars = new Set<string>();
  // Keyed by the folded first code unit; a group needs a word start only if all its words do.
  const heads = new Map<number, { index: number; wordStart: boolean; anySecond: boolean }>();
  const pairs = new Uint8Array(0x10000);
  for (const e of entries) {
    for (const ch of e.canon) keywordChars.add(ch);
    const key = fold[e.canon.charCodeAt(0)]!;
    let head = heads.get(key);
    if (!head) {
      head = { index: groups.length, wordStart: true, anySecond: false };
      heads.set(key, head);
      groups.push([]);
    }
    const space = e.canon.indexOf(' ');
    const prefix = e.canon.slice(1, space < 0 ? undefined : space);
    groups[head.index]!.push({
      source: e.source,
      rules: e.rules,
      head: Array.from(prefix, (ch) => fold[ch.charCodeAt(0)]!),
      sticky: new RegExp(patternOf(e.canon), 'iy'),
    });
    if (CJK_RE.test(e.canon) || !isLatinWordCode(key)) head.wordStart = false;
    const second = groups[head.index]!.at(-1)!.head[0];
    if (second === undefined) head.anySecond = true;
    else pairs[pairKey(key, second)] = 1;
  }
  const table = new Uint8Array(0x10000);
  const groupOf = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const head = heads.get(fold[c]!);
    if (!head) continue;
    groupOf[c] = head.index;
    table[c] = FIRST | (head.wordStart ? WORD_START : 0) | (head.anySecond ? ANY_SECOND : 0);
  }
  markDirty(table, keywordChars);
  return { ruleCount: rules.length, groups, table, groupOf, pairs };
}

// Policies are immutable values: compiled once per keyword list, dropped with it.
const cache = /* @__PURE__ */ new WeakMap<readonly KeywordRule[], Matcher>();

function matcherFor(rules: readonly KeywordRule[]): Matcher {
  let matcher = cache.get(rules);
  if (!matcher) {
    matcher = compile(rules);
    cache.set(rules, matcher);
  }
  return matcher;
}

/**
 * Scans one text, recording in `found[rule]` the first word of each rule; returns how many
 * rules are found so far. One pass over code units with a table look-up each; only a first
 * character at a word start whose next characters agree reaches the exact regex.
 */
function scan(
  m: Matcher,
  text: string,
  folded: boolean,
  found: (string | undefined)[],
  count: number,
): number {
  const { table, groupOf, groups, pairs, ruleCount } = m;
  const { fold } = charData!;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = table[c]!;
    if (v === 0) continue;
    // Restart on the folded text; rules found so far stay found.
    if (v & DIRTY && !folded) return scan(m, text.normalize('NFKC'), true, found, count);
    if (!(v & FIRST)) continue;
    if (v & WORD_START && i > 0 && isLatinWordCode(text.charCodeAt(i - 1))) continue;
    if (!(v & ANY_SECOND) && !pairs[pairKey(fold[c]!, fold[text.charCodeAt(i + 1)] ?? 0)]) continue;
    for (const word of groups[groupOf[c]!]!) {
      const { head } = word;
      let k = 0;
      while (k < head.length && fold[text.charCodeAt(i + 1 + k)] === head[k]) k++;
      if (k < head.length) continue;
      word.sticky.lastIndex = i;
      if (!word.sticky.test(text)) continue;
      // The boundary look-ahead saw a character NFKC may change ("fireｕ"): fold, then decide.
      if (!folded && table[text.charCodeAt(word.sticky.lastIndex)]! & DIRTY) {
        return scan(m, text.normalize('NFKC'), true, found, count);
      }
      for (const r of word.rules) {
        if (found[r] === undefined) {
          found[r] = word.source;
          count++;
        }
      }
    }
    if (count === ruleCount) return count;
  }
  return count;
}

/**
 * The keyword rules that fire on `texts`, in policy order, each with its first word found.
 * The text is compared after NFKC (full-width forms fold) and case-insensitively; Latin words
 * (and numbers such as 12315) match whole words only, tolerating a plural -s/-es but no other
 * inflection; CJK words match anywhere; a space in a phrase matches any run of whitespace.
 * Each text is scanned on its own, so a word never spans two fields. The keyword list is
 * compiled once (cached per array: treat policies as immutable).
 */
export function matchKeywords(
  texts: readonly (string | undefined)[],
  rules: readonly KeywordRule[],
): KeywordHit[] {
  const matcher = matcherFor(rules);
  const found: (string | undefined)[] = [];
  let count = 0;
  for (const text of texts) {
    if (text) count = scan(matcher, text, false, found, count);
    if (count === matcher.ruleCount) break;
  }
  const hits: KeywordHit[] = [];
  if (count === 0) return hits;
  rules.forEach((rule, r) => {
    const word = found[r];
    if (word !== undefined) hits.push({ rule: rule.rule, level: rule.level, word });
  });
  return hits;
}
