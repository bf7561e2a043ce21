/**
 * One pass over a text finds every listed word at once: a trie over folded code units, walked
 * from each position where some word can start. The first step is a 64K table look-up (most
 * characters stop there); a state with one way on compares one code; a state with several
 * reads a row of ASCII columns (English words, walked through most) or, for other code units,
 * one open-addressing hash table. A walk costs a few array reads and no allocation.
 */

import { foldTraditional } from './traditional';

/**
 * How text is compared, per UTF-16 code unit: lower-case, full-width ASCII folded, spacing
 * (tab, no-break, ideographic) as a plain space, ’ as '. One unit for one, so offsets stay the
 * original's; a letter whose lower case is longer (İ) stays as it is.
 */
let foldTable: Uint16Array | undefined;

export function foldCodes(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(0x10000);
  const block = new Uint16Array(256);
  for (let base = 0; base < 0x10000; base += 256) {
    for (let k = 0; k < 256; k++) t[base + k] = block[k] = base + k;
    // Surrogates lower-case as pairs only; whole blocks without case (most of CJK) are skipped.
    if (base >= 0xd800 && base < 0xe000) continue;
    const text = String.fromCharCode(...block);
    if (text.toLowerCase() === text) continue;
    for (let c = base; c < base + 256; c++) {
      const lower = String.fromCharCode(c).toLowerCase();
      if (lower.length === 1) t[c] = lower.charCodeAt(0);
    }
  }
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const ascii = String.fromCharCode(c - 0xfee0).toLowerCase();
    t[c] = ascii.charCodeAt(0);
  }
  for (const c of [0x09, 0x0b, 0x0c, 0x0d, 0xa0, 0x3000]) t[c] = 0x20;
  t[0x2019] = 0x27;
  // Traditional characters as simplified (跳樓 as 跳楼): every Chinese word matches in both.
  foldTraditional(t);
  foldTable = t;
  return t;
}

/**
 * Per code unit, 1 when `foldCodes` folds it otherwise than `toLowerCase` does (full-width
 * forms, odd spaces, ’): a text without one is folded by `toLowerCase` alone.
 */
let oddTable: Uint8Array | undefined;

export function oddFolds(): Uint8Array {
  if (oddTable) return oddTable;
  const fold = foldCodes();
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c]!;
    if (f !== c && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(f)) t[c] = 1;
  }
  oddTable = t;
  return t;
}

/**
 * The code unit at `k`, 0 outside the text. Readers look a unit or two past a word's ends;
 * `charCodeAt` there gives NaN, and a table read at NaN makes V8 recompile that read site as
 * possibly out of bounds, a slower path for every text. 0 is in no table (no word character,
 * space, unit or numeral), as the `undefined` such a read gave.
 */
export const codeAt = (text: string, k: number): number =>
  k >= 0 && k < text.length ? text.charCodeAt(k) : 0;

/**
 * A built automaton. A state is a number: its index × 2, plus 1 when some word ends there (so a
 * walk reads the outputs only of those); 0 is the root, and "no transition".
 */
export interface Automaton {
  /** From the root by folded code unit: the next state, 0 when no word starts with it. */
  root: Int32Array;
  /**
   * Per state index, [code, next] of its only transition; code -1 when it has none. Code -2 when
   * it has several: then next is where its row starts in `ascii` (-1 when no ASCII code goes
   * on), and other codes are in the hash below.
   */
  single: Int32Array;
  /**
   * Rows of next states by ASCII column (`asciiColumn`), one per state with several
   * transitions and some ASCII one: stepping through an English word without hashing, which
   * was a sixth of the bench's time. Column 0 is for codes no word holds, always 0.
   */
  ascii: Int32Array;
  /** Per code below 128, its column in `ascii`; 0 when no word holds it there. */
  asciiColumn: Uint8Array;
  /**
   * Hash of (state, code ≥ 128) → next state, for states with several transitions: per slot
   * [state (-1: empty), code, next, unused], side by side so a probe reads one cache line.
   */
  hash: Int32Array;
  /** Slots - 1. */
  mask: number;
  shift: number;
  /** Per state index (state >> 1), the words ending there: `outputs.slice(outStart[i], outStart[i + 1])`. */
  outStart: Int32Array;
  outputs: Int32Array;
}

// Multiplicative hashing: the high bits mix state and code best.
const hashOf = (state: number, code: number, shift: number) =>
  (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> shift;

/** The state after `code` from `state` (not the root); 0 when none. */
export function step(a: Automaton, state: number, code: number): number {
  const at = state & ~1;
  const only = a.single[at]!;
  if (only !== -2) return only === code ? a.single[at + 1]! : 0;
  if (code < 0x80) {
    const row = a.single[at + 1]!;
    return row < 0 ? 0 : a.ascii[row + a.asciiColumn[code]!]!;
  }
  const { hash, mask } = a;
  let h = hashOf(state, code, a.shift);
  for (;;) {
    const s = hash[h * 4]!;
    if (s === state && hash[h * 4 + 1] === code) return hash[h * 4 + 2]!;
    if (s === -1) return 0;
    h = (h + 1) & mask;
  }
}

/** Builds the automaton of `words` (already folded); a word's output is its index. */
export function buildAutomaton(words: readonly string[]): Automaton {
  const trie: Map<number, number>[] = [new Map()];
  const trieEnds: number[][] = [[]];
  words.forEach((word, index) => {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let next = trie[state]!.get(code);
      if (next === undefined) {
        next = trie.length;
        trie[state]!.set(code, next);
        trie.push(new Map());
        trieEnds.push([]);
      }
      state = next;
    }
    trieEnds[state]!.push(index);
  });
  // States numbered breadth first: the few thousand near the root, where nearly every walk
  // ends (most at its first or second step), share a few cache lines instead of being spread
  // over the tables as the words were added (with the hash slots below, ~5 % of the bench).
  const order = [0];
  for (let k = 0; k < order.length; k++)
    for (const next of trie[order[k]!]!.values()) order.push(next);
  const renumbered = new Int32Array(trie.length);
  order.forEach((old, k) => {
    renumbered[old] = k;
  });
  // Renumbered in place, without a new map per state (the build runs on every extension page).
  for (const out of trie) for (const [code, old] of out) out.set(code, renumbered[old]!);
  const children = order.map((old) => trie[old]!);
  const ends = order.map((old) => trieEnds[old]!);
  const id = (index: number) => index * 2 + (ends[index]!.length > 0 ? 1 : 0);
  const root = new Int32Array(0x10000);
  for (const [code, next] of children[0]!) root[code] = id(next);
  // Columns for the ASCII codes words go on with (column 0: none).
  const asciiColumn = new Uint8Array(0x80);
  let width = 1;
  for (let s = 1; s < children.length; s++) {
    for (const code of children[s]!.keys()) {
      if (code < 0x80 && asciiColumn[code] === 0) asciiColumn[code] = width++;
    }
  }
  const single = new Int32Array(children.length * 2).fill(-1);
  const rows: number[] = [];
  let transitions = 0;
  for (let s = 1; s < children.length; s++) {
    const out = children[s]!;
    if (out.size === 1) {
      const [code, next] = [...out][0]!;
      single[s * 2] = code;
      single[s * 2 + 1] = id(next);
    } else if (out.size > 1) {
      single[s * 2] = -2;
      let row = -1;
      for (const [code, next] of out) {
        if (code >= 0x80) {
          transitions++;
          continue;
        }
        if (row < 0) {
          row = rows.length;
          for (let k = 0; k < width; k++) rows.push(0);
        }
        rows[row + asciiColumn[code]!] = id(next);
      }
      single[s * 2 + 1] = row;
    }
  }
  let bits = 4;
  while (1 << bits < transitions * 2) bits++;
  const size = 1 << bits;
  const mask = size - 1;
  const shift = 32 - bits;
  const hash = new Int32Array(size * 4);
  for (let h = 0; h < size; h++) hash[h * 4] = -1;
  for (let s = 1; s < children.length; s++) {
    if (children[s]!.size < 2) continue;
    for (const [code, next] of children[s]!) {
      if (code < 0x80) continue;
      let h = hashOf(id(s), code, shift);
      while (hash[h * 4] !== -1) h = (h + 1) & mask;
      hash[h * 4] = id(s);
      hash[h * 4 + 1] = code;
      hash[h * 4 + 2] = id(next);
    }
  }
  const outStart = new Int32Array(children.length + 1);
  const outputs: number[] = [];
  for (let s = 0; s < children.length; s++) {
    outStart[s] = outputs.length;
    // Longest word first is the trie's own order; several words may end at one state.
    outputs.push(...ends[s]!);
  }
  outStart[children.length] = outputs.length;
  return {
    root,
    single,
    ascii: Int32Array.from(rows),
    asciiColumn,
    hash,
    mask,
    shift,
    outStart,
    outputs: Int32Array.from(outputs),
  };
}
