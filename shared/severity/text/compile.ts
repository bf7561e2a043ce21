import type { SeverityLevel } from '../../schema/codes';
import { buildAutomaton, foldCodes, oddFolds } from './automaton';
import { NUMBER_WORDS, NUMERIC } from './number-cues';
import {
  type Entry,
  ODD_FOLD,
  type Role,
  STARTS_WORD,
  type ScanTables,
  WORD_CHAR,
  isWordCode,
  pairOf,
} from './scan';
import type { TextRules, Words } from './types';

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
  done?: {
    rule: string;
    level: SeverityLevel;
    intents: { zh: WordList; en: WordList };
    countOf: { zh: WordList; en: WordList };
  };
  intents: { zh: WordList; en: WordList };
  /** Words after a target that aim at it: the shared after-intents and its own, or its `states`. */
  after: { zh: WordList; en: WordList };
  /** Whether an own after-word may tell it done (`after` and `done.intents` both given). */
  doneAfter: boolean;
  /** A thing and its state (`states`): its `after` words are those states. */
  composed: boolean;
  /** `needs`: words one of which must stand before the word in its clause. */
  needs?: { zh: WordList; en: WordList };
  /** `initials`: a body's initials must follow the word. */
  initials?: boolean;
}

/** A policy's text rules compiled: the scan's tables (scan.ts), and word lists for the reading. */
export interface Compiled extends ScanTables {
  triggers: CompiledTrigger[];
  before: { zh: WordList; en: WordList };
  after: { zh: WordList; en: WordList };
  negations: { zh: WordList; en: WordList };
  conditions: { zh: WordList; en: WordList };
  breakers: { zh: WordList; en: WordList };
  denials: { zh: WordList; en: WordList };
  revivers: { zh: WordList; en: WordList };
  similes: { zh: WordList; en: WordList };
  continuations: { zh: WordList; en: WordList };
  /** Counterfactuals (`TextRules.counterfactuals`). */
  cfConditions: { zh: WordList; en: WordList };
  cfMoods: { zh: WordList; en: WordList };
  cfOpeners: { zh: WordList; en: WordList };
  cfEnds: { zh: WordList; en: WordList };
  /** Words that date the first report (aging read from the text). */
  opened: { zh: WordList; en: WordList };
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

/** A word as the text is compared (`foldCodes`), after NFKC. */
function normalizeWord(w: string): string {
  const fold = foldCodes();
  const n = w.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
  let out = '';
  for (let i = 0; i < n.length; i++) out += String.fromCharCode(fold[n.charCodeAt(i)]!);
  return out;
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

/**
 * heldout-13 round: the small words Chinese puts inside a phrase without changing it, added to
 * every Chinese act when compiled, so no rule lists them: 差点 as 差一点 / 差点儿 (差一点就咽下去),
 * 没 before a noun as 没什么 / 没啥 (活着没什么意思). Only acts: a target's intent is read apart.
 */
export function fillers(words: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const w of words ?? []) {
    for (const alt of splitTop(w).flatMap(expand)) {
      if (alt.includes('差点') && !alt.includes('差点儿')) {
        out.push(alt.replace('差点', '差一点'), alt.replace('差点', '差点儿'));
      }
      const m = /没(?![有什啥])([\u4e00-\u9fff])/.exec(alt);
      if (m && alt.length - m.index <= 4) {
        const head = alt.slice(0, m.index + 1);
        const tail = alt.slice(m.index + 1);
        out.push(`${head}什么${tail}`, `${head}啥${tail}`);
      }
    }
  }
  return out;
}

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

/** Compiles a policy's text rules once: every trigger word into one automaton. */
export function compile(rules: TextRules): Compiled {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (words: readonly string[], role: Role, trigger: number) => {
    for (const word of variants(words)) {
      const key = `${trigger}:${role}:${word}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ word, role, trigger, latin: isLatin(word) });
    }
  };
  const all = (w: Words | undefined) => [...(w?.zh ?? []), ...(w?.en ?? [])];
  const triggers = rules.triggers.map((t, i): CompiledTrigger => {
    add(all(t.targets), 'target', i);
    add(all(t.acts), 'act', i);
    add(fillers(t.acts?.zh), 'act', i);
    add(all(t.except), 'except', i);
    add(all(t.done?.acts), 'done', i);
    add(all(t.done?.counts), 'count', i);
    return {
      rule: t.rule,
      level: t.level,
      // A composed trigger (states) reads only its own words around its targets.
      intents: t.states ? both(t.intents) : both(rules.intents.before, t.intents),
      after: t.states ? both(t.states) : both(rules.intents.after, t.after),
      doneAfter: !!(t.after && t.done?.intents),
      composed: !!t.states,
      ...(t.needs ? { needs: both(t.needs) } : {}),
      ...(t.initials ? { initials: true } : {}),
      ...(t.done
        ? {
            done: {
              rule: t.done.rule,
              level: t.done.level,
              intents: both(t.done.intents),
              countOf: both(t.done.countOf),
            },
          }
        : {}),
    };
  });
  add(NUMBER_WORDS, 'number', -1);
  add(all(rules.aging?.now), 'now', -1);
  // Droppers are found in the same pass: a text without one pays nothing for them.
  add(all(rules.droppers), 'drop', -1);
  const automaton = buildAutomaton(entries.map((e) => e.word));
  const fold = foldCodes();
  const odd = oddFolds();
  const flags = new Uint8Array(0x10000);
  const start = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c]!;
    start[c] = automaton.root[f]!;
    flags[c] =
      (isWordCode(f) ? WORD_CHAR : 0) |
      (start[c] ? STARTS_WORD : 0) |
      (odd[c] ? ODD_FOLD : 0) |
      (NUMERIC[f]! << 4);
  }
  const pairs = new Uint8Array(0x10000);
  for (const { word } of entries)
    if (word.length > 1) pairs[pairOf(word.charCodeAt(0), word.charCodeAt(1))] = 1;
  return {
    triggers,
    automaton,
    pairs,
    entries,
    flags,
    start,
    before: both(rules.intents.before),
    after: both(rules.intents.after),
    negations: both(rules.negations),
    conditions: both(rules.conditions),
    breakers: both(rules.breakers),
    denials: both(rules.denials),
    revivers: both(rules.revivers),
    similes: both(rules.similes),
    continuations: both(rules.continuations),
    cfConditions: both(rules.counterfactuals?.conditions),
    cfMoods: both(rules.counterfactuals?.moods),
    cfOpeners: both(rules.counterfactuals?.openers),
    cfEnds: both(rules.counterfactuals?.ends),
    opened: both(rules.aging?.opened),
    past: both(rules.past),
    threats: both(rules.threats),
    reach: rules.reach,
  };
}
