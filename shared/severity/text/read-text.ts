import type { SeverityLevel } from '../../schema/codes';
import { type Compiled, type Entry, type WordList, compile, pairKey } from './compile';
import type { TextRules } from './types';

/** A trigger that fired, with the words that fired it (quoted from the original text). */
export interface TextHit {
  rule: string;
  level: SeverityLevel;
  quote: string;
  start: number;
  end: number;
}

const cache = /* @__PURE__ */ new WeakMap<TextRules, Compiled>();

function compiled(rules: TextRules): Compiled {
  let c = cache.get(rules);
  if (!c) {
    c = compile(rules);
    cache.set(rules, c);
  }
  return c;
}

const isWordCode = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);

/**
 * The text as it is compared: lower-case, full-width forms folded, whitespace but line breaks
 * as plain spaces — one code unit for one, so offsets are the original's.
 */
const NEEDS_FOLD = /[\uff01-\uff5e\u3000\t\r\f\v\u00a0\u2019]/;

function fold(text: string): string {
  if (!NEEDS_FOLD.test(text)) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) return lower;
  }
  let t = text.replace(/[\uff01-\uff5e\u3000\t\r\f\v\u00a0\u2019]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x2019) return "'";
    return c >= 0xff01 ? String.fromCharCode(c - 0xfee0) : ' ';
  });
  const lower = t.toLowerCase();
  if (lower.length === t.length) return lower;
  t = Array.from(t, (ch) => {
    const l = ch.toLowerCase();
    return l.length === ch.length ? l : ch;
  }).join('');
  return t;
}

/** Whether `word` sits at `i` in `s` as a whole word (Latin), tolerating a plural -s/-es. */
function wordEnd(s: string, i: number, word: string, latin: boolean): number {
  if (!s.startsWith(word, i)) return -1;
  return boundedEnd(s, i, i + word.length, latin);
}

/** The end of a match at [i, end) once Latin word boundaries and a plural are checked; -1 if none. */
function boundedEnd(s: string, i: number, matchEnd: number, latin: boolean): number {
  let end = matchEnd;
  if (!latin) return end;
  if (i > 0 && isWordCode(s.charCodeAt(i - 1)) && isWordCode(s.charCodeAt(i))) return -1;
  if (!isWordCode(s.charCodeAt(end - 1))) return end;
  if (s.startsWith('es', end) && !isWordCode(s.charCodeAt(end + 2))) end += 2;
  else if (s[end] === 's' && !isWordCode(s.charCodeAt(end + 1))) end += 1;
  return isWordCode(s.charCodeAt(end)) ? -1 : end;
}

interface Span {
  start: number;
  end: number;
}

/** The last listed word starting in [from, to) and ending by `to`. */
function lastIn(s: string, from: number, to: number, list: WordList): Span | undefined {
  for (let i = to - 1; i >= from; i--) {
    const code = s.charCodeAt(i);
    if (list.bloom[code & 0xff] === 0) continue;
    const group = list.byFirst.get(code);
    if (!group) continue;
    for (const { word, latin } of group) {
      const end = wordEnd(s, i, word, latin);
      if (end >= 0 && end <= to) return { start: i, end };
    }
  }
  return undefined;
}

/** The first listed word starting in [from, to). */
function firstIn(s: string, from: number, to: number, list: WordList): Span | undefined {
  for (let i = from; i < to; i++) {
    const code = s.charCodeAt(i);
    if (list.bloom[code & 0xff] === 0) continue;
    const group = list.byFirst.get(code);
    if (!group) continue;
    for (const { word, latin } of group) {
      const end = wordEnd(s, i, word, latin);
      if (end >= 0) return { start: i, end };
    }
  }
  return undefined;
}

interface Found extends Span {
  entry: Entry;
}

function scan(c: Compiled, s: string): Found[] {
  const found: Found[] = [];
  const { first, byPair, bySingle, groups } = c;
  const check = (g: number, i: number) => {
    for (const entry of groups[g]!) {
      if (!s.startsWith(entry.prefix, i)) continue;
      let end = i + entry.prefix.length;
      if (entry.sticky) {
        entry.sticky.lastIndex = i;
        if (!entry.sticky.test(s)) continue;
        end = entry.sticky.lastIndex;
      }
      end = boundedEnd(s, i, end, entry.latin);
      if (end >= 0) found.push({ start: i, end, entry });
    }
  };
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (first[code] === 0) continue;
    // Latin entries start words: most letters are inside one.
    if (isWordCode(code) && i > 0 && isWordCode(s.charCodeAt(i - 1))) continue;
    const single = bySingle[code]!;
    if (single >= 0) check(single, i);
    const pair = byPair[pairKey(code, s.charCodeAt(i + 1))]!;
    if (pair >= 0) check(pair, i);
  }
  return found;
}

const CJK_TEXT = /[\u3400-\u9fff]/;
// Characters that end a word before them (a particle, pronoun or ASCII), so no word straddles.
const PARTICLE =
  /[\u0020-\u007e\t\n\r我你他她它们的了在是要会就去找向到把被给和与也都很并还又再才已将让请跟对从]/;
const CLAUSE_END = /[。！？!?；;\n，,]/;

function clauseOf(s: string, at: number, end: number): Span {
  let a = at;
  while (a > 0 && !CLAUSE_END.test(s[a - 1]!) && !(s[a - 1] === ' ' && s[a - 2] === '.')) a--;
  let b = end;
  while (b < s.length && !CLAUSE_END.test(s[b]!) && !(s[b] === '.' && /\s|$/.test(s[b + 1] ?? '')))
    b++;
  return { start: a, end: b };
}

let segmenter: Intl.Segmenter | undefined;

/** For each offset of a Chinese clause, where its word ends (`Intl.Segmenter`, ICU's dictionary). */
function wordEnds(clause: string): Int32Array {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const ends = new Int32Array(clause.length + 1);
  for (const seg of segmenter.segment(clause)) {
    ends.fill(seg.index + seg.segment.length, seg.index, seg.index + seg.segment.length);
  }
  return ends;
}

/** The match starts inside a word that ends within it: 公安 in 办公|安排, 起诉 in 提起|诉讼. */
function straddles(ends: Int32Array, start: number, end: number, wordStart: boolean): boolean {
  if (wordStart) return false;
  const e = ends[start]!;
  return e > start && e < end;
}

/**
 * Reads the sentence around each candidate word: a target needs an intent beside it, nothing
 * counts inside an exception or under a negation, and what already happened (a past marker and
 * no threat) lifts to the trigger's `done` rule. One hit per rule, the first in the text.
 */
export function readText(text: string, rules: TextRules): TextHit[] {
  const c = compiled(rules);
  const s = fold(text);
  const found = scan(c, s);
  if (found.length === 0) return [];
  // At one position the longest reading goes first (返修三次 before 返修).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const excepted = found.filter((f) => f.entry.role === 'except');
  const segments = new Map<number, { ends: Int32Array; starts: Set<number> }>();
  const hits = new Map<string, TextHit>();

  for (const f of found) {
    const { entry } = f;
    if (entry.role === 'except') continue;
    if (excepted.some((x) => f.start < x.end && f.end > x.start)) continue;
    const trigger = c.triggers[entry.trigger]!;
    // One reason per rule: once a rule (and its done rule) fired, later words add nothing.
    if (hits.has(trigger.rule) && (!trigger.done || hits.has(trigger.done.rule))) continue;
    if (hits.has(trigger.rule) && entry.role === 'target') continue;
    // A Latin word amid Chinese (联系ＭＥＤＩＡ, 打12315) is read with the Chinese grammar.
    const lang =
      entry.latin && !CJK_TEXT.test(s.slice(Math.max(0, f.start - 4), f.start)) ? 'en' : 'zh';
    const reach = c.reach[lang];
    const clause = clauseOf(s, f.start, f.end);
    const from = Math.max(clause.start, f.start - reach);
    if (negated(c, s, from, f.start, lang)) continue;

    let quote: Span = f;
    let intent: Span | undefined;
    if (entry.role === 'target') {
      intent = lastIn(s, from, f.start, trigger.intents[lang]);
      const after = intent
        ? undefined
        : firstIn(s, f.end, Math.min(clause.end, f.end + reach), c.after[lang]);
      if (!intent && !after) continue;
      quote = intent ? { start: intent.start, end: f.end } : { start: f.start, end: after!.end };
    }

    // Longer words are specific enough; two characters are where one word hides in two
    // (公安 in 办公安排). After punctuation or a particle nothing straddles: no segmenter needed.
    if (
      !entry.latin &&
      f.end - f.start <= 2 &&
      f.start > clause.start &&
      !PARTICLE.test(s[f.start - 1]!)
    ) {
      let seg = segments.get(clause.start);
      if (!seg) {
        const ends = wordEnds(s.slice(clause.start, clause.end));
        seg = { ends, starts: new Set([0, ...ends]) };
        segments.set(clause.start, seg);
      }
      const at = f.start - clause.start;
      if (straddles(seg.ends, at, f.end - clause.start, seg.starts.has(at))) continue; // checked last: the segmenter is the costly part
    }
    let done = false;
    if (trigger.done) {
      const threat = lastIn(s, clause.start, f.start, c.threats[lang]);
      if (entry.role === 'done') done = !threat;
      else if (
        entry.role === 'act' ||
        (intent && lastIn(s, from, f.start, trigger.done.intents[lang]))
      ) {
        const past = lastIn(s, clause.start, quote.start, c.past[lang]);
        const pastForm = lang === 'en' && entry.role === 'target';
        const tail = lang === 'zh' ? /^.{0,2}?[了过]/.exec(s.slice(quote.end, clause.end)) : null;
        if (past && !lastIn(s, past.start, f.start, c.threats[lang])) {
          quote = { start: past.start, end: quote.end };
          done = true;
        } else if ((tail || pastForm) && !threat) {
          if (tail) quote = { start: quote.start, end: quote.end + tail[0].length };
          done = true;
        }
      }
    }
    const rule = done ? trigger.done!.rule : trigger.rule;
    if (hits.has(rule)) continue;
    hits.set(rule, {
      rule,
      level: done ? trigger.done!.level : trigger.level,
      quote: text.slice(quote.start, quote.end),
      start: quote.start,
      end: quote.end,
    });
  }
  // What already happened subsumes the threat of it: a filed lawsuit is not also "mentions a lawyer".
  for (const t of c.triggers) if (t.done && hits.has(t.done.rule)) hits.delete(t.rule);
  return [...hits.values()];
}

/** A negation scopes over [from, at) unless a condition turns it or a breaker ends it. */
function negated(c: Compiled, s: string, from: number, at: number, lang: 'zh' | 'en'): boolean {
  const neg = lastIn(s, from, at, c.negations[lang]);
  if (!neg) return false;
  // 如果没有…, if nobody…: a condition, not a denial.
  const cond = lastIn(
    s,
    Math.max(0, neg.start - (lang === 'zh' ? 3 : 12)),
    neg.start,
    c.conditions[lang],
  );
  if (cond && neg.start - cond.end <= (lang === 'zh' ? 0 : 1)) return false;
  return !firstIn(s, neg.start, at, c.breakers[lang]);
}
