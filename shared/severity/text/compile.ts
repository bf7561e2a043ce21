import type { SeverityLevel } from '../../schema/codes';
import type { TextRules, Words } from './types';

/** What a word found in the text is to a trigger. */
export type Role = 'target' | 'act' | 'done' | 'except';

export interface Entry {
  /** The literal text every match starts with (the whole word when it has no groups). */
  prefix: string;
  /** For a pattern with `(a|b)` groups after its prefix: the sticky test from the start. */
  sticky?: RegExp;
  role: Role;
  trigger: number;
  /** Needs Latin word boundaries (and tolerates a plural -s/-es). */
  latin: boolean;
}

const escapeRegex = (t: string) => t.replace(/[.*+?^${}[\]\\/]/g, '\\$&');

/** A pattern as a sticky regex: literals escaped, `(a|b|)` groups as alternations. */
function stickyOf(pattern: string): RegExp {
  let src = '';
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('(', i);
    if (open < 0) {
      src += escapeRegex(pattern.slice(i));
      break;
    }
    const close = pattern.indexOf(')', open);
    src += escapeRegex(pattern.slice(i, open));
    const alts = pattern
      .slice(open + 1, close)
      .split('|')
      .sort((a, b) => b.length - a.length);
    src += `(?:${alts.map(escapeRegex).join('|')})`;
    i = close + 1;
  }
  return new RegExp(src, 'y');
}

/** Expands leading groups only, so every variant starts with a literal to index it by. */
function leading(pattern: string): string[] {
  if (!pattern.startsWith('(')) return [pattern];
  const close = pattern.indexOf(')');
  const rest = pattern.slice(close + 1);
  return pattern
    .slice(1, close)
    .split('|')
    .flatMap((alt) => leading(`${alt}${rest}`));
}

/** A small word list searched only around a candidate: intents, negations, markers. */
export interface WordList {
  /** By first code unit, longest first. */
  byFirst: Map<number, { word: string; latin: boolean }[]>;
  /** 1 at the low byte of every first code unit: rules most characters out before `byFirst`. */
  bloom: Uint8Array;
}

export interface CompiledTrigger {
  rule: string;
  level: SeverityLevel;
  done?: { rule: string; level: SeverityLevel; intents: { zh: WordList; en: WordList } };
  intents: { zh: WordList; en: WordList };
}

export interface Compiled {
  triggers: CompiledTrigger[];
  /** 1 where some entry starts with the code unit (64 KB: the hot loop reads only this). */
  first: Uint8Array;
  /** Entries of two or more characters by `pairKey` of their first two; -1 when none. */
  byPair: Int32Array;
  /** Entries of one character by that character; -1 when none. */
  bySingle: Int32Array;
  groups: Entry[][];
  before: { zh: WordList; en: WordList };
  after: { zh: WordList; en: WordList };
  negations: { zh: WordList; en: WordList };
  conditions: { zh: WordList; en: WordList };
  breakers: { zh: WordList; en: WordList };
  past: { zh: WordList; en: WordList };
  threats: { zh: WordList; en: WordList };
  reach: { zh: number; en: number };
}

/** A 16-bit hash of two code units that mixes CJK code points well (low bytes alone collide). */
export const pairKey = (a: number, b: number) => ((a * 0x9e3) ^ (b * 0x3b)) & 0xffff;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** Expands `(a|b|)` groups: `修(了|)两次` → 修了两次, 修两次. */
export function expand(phrase: string): string[] {
  const open = phrase.indexOf('(');
  if (open < 0) return [phrase];
  const close = phrase.indexOf(')', open);
  if (close < 0) return [phrase];
  const head = phrase.slice(0, open);
  const tails = expand(phrase.slice(close + 1));
  return phrase
    .slice(open + 1, close)
    .split('|')
    .flatMap((alt) => tails.map((t) => `${head}${alt}${t}`));
}

function normalizeWord(w: string): string {
  return w.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** Splits on `|` outside parentheses: `sue|sued` is two words, `(a|b) c` one pattern. */
function splitTop(w: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === '(') depth++;
    else if (w[i] === ')') depth--;
    else if (w[i] === '|' && depth === 0) {
      parts.push(w.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(w.slice(from));
  return parts;
}

function variants(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    for (const alt of splitTop(w).flatMap(expand)) {
      const n = normalizeWord(alt);
      if (n) out.add(n);
    }
  }
  return [...out];
}

const isLatin = (w: string) => !CJK.test(w);

function list(words: readonly string[] | undefined): WordList {
  const byFirst = new Map<number, { word: string; latin: boolean }[]>();
  for (const word of variants(words ?? []).sort((a, b) => b.length - a.length)) {
    const c = word.charCodeAt(0);
    let group = byFirst.get(c);
    if (!group) {
      group = [];
      byFirst.set(c, group);
    }
    group.push({ word, latin: isLatin(word) });
  }
  const bloom = new Uint8Array(256);
  for (const c of byFirst.keys()) bloom[c & 0xff] = 1;
  return { byFirst, bloom };
}

const both = (w: Words | undefined, extra?: Words) => ({
  zh: list([...(w?.zh ?? []), ...(extra?.zh ?? [])]),
  en: list([...(w?.en ?? []), ...(extra?.en ?? [])]),
});

/** Compiles a policy's text rules once; every word keyed by its first character. */
export function compile(rules: TextRules): Compiled {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (w: Words | undefined, role: Role, trigger: number) => {
    for (const raw of [...(w?.zh ?? []), ...(w?.en ?? [])]) {
      for (const alt of splitTop(normalizeWord(raw)).flatMap(leading)) {
        const key = `${trigger}:${role}:${alt}`;
        if (!alt || seen.has(key)) continue;
        seen.add(key);
        const open = alt.indexOf('(');
        const prefix = open < 0 ? alt : alt.slice(0, open);
        entries.push({
          prefix,
          ...(open < 0 ? {} : { sticky: stickyOf(alt) }),
          role,
          trigger,
          latin: isLatin(alt),
        });
      }
    }
  };
  const triggers = rules.triggers.map((t, i): CompiledTrigger => {
    add(t.targets, 'target', i);
    add(t.acts, 'act', i);
    add(t.except, 'except', i);
    add(t.done?.acts, 'done', i);
    return {
      rule: t.rule,
      level: t.level,
      intents: both(rules.intents.before, t.intents),
      ...(t.done
        ? { done: { rule: t.done.rule, level: t.done.level, intents: both(t.done.intents) } }
        : {}),
    };
  });
  entries.sort((a, b) => b.prefix.length - a.prefix.length);
  const byPair = new Int32Array(0x10000).fill(-1);
  const bySingle = new Int32Array(0x10000).fill(-1);
  const first = new Uint8Array(0x10000);
  const groups: Entry[][] = [];
  for (const e of entries) {
    const c = e.prefix.charCodeAt(0);
    first[c] = 1;
    const index = e.prefix.length < 2 ? bySingle : byPair;
    const key = e.prefix.length < 2 ? c : pairKey(c, e.prefix.charCodeAt(1));
    if (index[key] === -1) {
      index[key] = groups.length;
      groups.push([]);
    }
    groups[index[key]!]!.push(e);
  }
  return {
    triggers,
    first,
    byPair,
    bySingle,
    groups,
    before: both(rules.intents.before),
    after: both(rules.intents.after),
    negations: both(rules.negations),
    conditions: both(rules.conditions),
    breakers: both(rules.breakers),
    past: both(rules.past),
    threats: both(rules.threats),
    reach: rules.reach,
  };
}
