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
  /** The same pattern alone, tried at a position where a longer word already matched. */
  sticky: RegExp;
  /** Words that are prefixes of this one: the combined regex reports only one per position. */
  prefixes: number[];
}

interface Matcher {
  rules: readonly KeywordRule[];
  words: CompiledWord[];
  /** One alternation of every word, longest first, one capture group per word. */
  combined: RegExp | null;
}

/** Letters and digits a Latin keyword must not touch (after NFKC + lower-casing). */
const LATIN_WORD_CHAR = '0-9a-z\\u00c0-\\u024f';
const LATIN_WORD_CHAR_RE = /[0-9a-z\u00c0-\u024f]/;
// Han, kana, hangul (and astral Han via surrogates): such words match as substrings.
const CJK_RE = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]|[\ud840-\ud87f]/;

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
  const first = word[0] ?? '';
  const last = word[word.length - 1] ?? '';
  const before = LATIN_WORD_CHAR_RE.test(first) ? `(?<![${LATIN_WORD_CHAR}])` : '';
  // Plurals and third-person -s are tolerated (lawyers, courts, sues); no other inflection.
  const plural = /[a-z]/.test(last) ? '(?:e?s)?' : '';
  const after = LATIN_WORD_CHAR_RE.test(last) ? `(?![${LATIN_WORD_CHAR}])` : '';
  return `${before}${body}${plural}${after}`;
}

function compile(rules: readonly KeywordRule[]): Matcher {
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
  // Longest first, so at one position the longest word wins and shorter ones are re-tried.
  const entries = [...byCanonical.values()].sort((a, b) => b.canon.length - a.canon.length);
  const patterns = entries.map((e) => patternOf(e.canon));
  const words = entries.map<CompiledWord>((e, i) => ({
    source: e.source,
    rules: e.rules,
    sticky: new RegExp(patterns[i]!, 'y'),
    prefixes: entries.flatMap((other, j) =>
      j !== i && other.canon.length <= e.canon.length && e.canon.startsWith(other.canon) ? [j] : [],
    ),
  }));
  const combined = patterns.length ? new RegExp(patterns.map((p) => `(${p})`).join('|'), 'g') : null;
  return { rules, words, combined };
}

// Policies are immutable values: compiled once per keyword list, dropped with it.
const cache = new WeakMap<readonly KeywordRule[], Matcher>();

function matcherFor(rules: readonly KeywordRule[]): Matcher {
  let matcher = cache.get(rules);
  if (!matcher) {
    matcher = compile(rules);
    cache.set(rules, matcher);
  }
  return matcher;
}

/** Records the word's rules; returns how many rules were newly found. */
function record(word: CompiledWord, found: (string | undefined)[]): number {
  let added = 0;
  for (const r of word.rules) {
    if (found[r] === undefined) {
      found[r] = word.source;
      added++;
    }
  }
  return added;
}

/** Scans one text; returns the number of rules found so far. */
function scan(matcher: Matcher, raw: string, found: (string | undefined)[], count: number): number {
  const re = matcher.combined;
  if (!re || !raw) return count;
  const text = normalizeText(raw);
  const total = matcher.rules.length;
  re.lastIndex = 0;
  let m: RegExpExecArray | null = re.exec(text);
  while (m !== null) {
    let g = 1;
    while (m[g] === undefined) g++;
    const word = matcher.words[g - 1]!;
    count += record(word, found);
    for (const p of word.prefixes) {
      const shorter = matcher.words[p]!;
      shorter.sticky.lastIndex = m.index;
      if (shorter.sticky.test(text)) count += record(shorter, found);
    }
    if (count === total) return count;
    // Restart one character later, not after the match: overlapping words are reported too.
    re.lastIndex = m.index + 1;
    m = re.exec(text);
  }
  return count;
}

/**
 * The keyword rules that fire on `texts`, in policy order. Case-insensitive after NFKC;
 * Latin words match whole words only (tolerating a plural -s/-es), CJK words match anywhere;
 * spaces inside a phrase match any run of whitespace. Each text is scanned on its own, so
 * a word never spans two fields. The rules are compiled once per keyword list (WeakMap).
 */
export function matchKeywords(
  texts: readonly (string | undefined)[],
  rules: readonly KeywordRule[],
): KeywordHit[] {
  const matcher = matcherFor(rules);
  const found: (string | undefined)[] = [];
  let count = 0;
  for (const text of texts) {
    if (text) count = scan(matcher, text, found, count);
    if (count === rules.length) break;
  }
  const hits: KeywordHit[] = [];
  if (count === 0) return hits;
  rules.forEach((rule, r) => {
    const word = found[r];
    if (word !== undefined) hits.push({ rule: rule.rule, level: rule.level, word });
  });
  return hits;
}
