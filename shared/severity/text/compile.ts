import type { SeverityLevel } from '../../schema/codes';
import type { TextRules, Words } from './types';

/** What a word found in the text is to a trigger. */
export type Role = 'target' | 'act' | 'done' | 'except';

export interface Entry {
  word: string;
  role: Role;
  trigger: number;
  /** Needs Latin word boundaries (and tolerates a plural -s/-es). */
  latin: boolean;
}

/** A small word list searched only around a candidate: intents, negations, markers. */
export interface WordList {
  words: { word: string; latin: boolean }[];
}

export interface CompiledTrigger {
  rule: string;
  level: SeverityLevel;
  done?: { rule: string; level: SeverityLevel; intents: { zh: WordList; en: WordList } };
  intents: { zh: WordList; en: WordList };
}

export interface Compiled {
  triggers: CompiledTrigger[];
  /** Entries by first code unit (lower-cased); `groupOf[c]` indexes `groups`, -1 when none. */
  groupOf: Int32Array;
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
  return {
    words: variants(words ?? [])
      .sort((a, b) => b.length - a.length)
      .map((word) => ({ word, latin: isLatin(word) })),
  };
}

const both = (w: Words | undefined, extra?: Words) => ({
  zh: list([...(w?.zh ?? []), ...(extra?.zh ?? [])]),
  en: list([...(w?.en ?? []), ...(extra?.en ?? [])]),
});

/** Compiles a policy's text rules once; every word keyed by its first character. */
export function compile(rules: TextRules): Compiled {
  const entries: Entry[] = [];
  const add = (w: Words | undefined, role: Role, trigger: number) => {
    for (const word of variants([...(w?.zh ?? []), ...(w?.en ?? [])])) {
      entries.push({ word, role, trigger, latin: isLatin(word) });
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
  entries.sort((a, b) => b.word.length - a.word.length);
  const groupOf = new Int32Array(0x10000).fill(-1);
  const groups: Entry[][] = [];
  for (const e of entries) {
    const c = e.word.charCodeAt(0);
    if (groupOf[c] === -1) {
      groupOf[c] = groups.length;
      groups.push([]);
    }
    groups[groupOf[c]!]!.push(e);
  }
  return {
    triggers,
    groupOf,
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
