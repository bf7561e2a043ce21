/**
 * The one pass over a text (`scan`): every trigger word by the automaton, and the cues that
 * open the number readers, text folded code unit by code unit as it is read — a text with no
 * candidate is never copied or lower-cased. read-text.ts reads the sentence around what it finds.
 */
import { type Automaton, codeAt, foldCodes, step } from './automaton';
import { NUMERIC, numberCueAt, numberWordCue } from './number-cues';

// Flags per code unit (`Compiled.flags`). Declared here, beside the loop that reads them: V8
// folds a module's own constants into its code, not constants imported from another module,
// and the loop ran ~10 % faster with them as literals (docs/severity.md › Cost).
/** A Latin word character (letter or digit), … */
export const WORD_CHAR = 1;
/** … some listed word starts with it, … */
export const STARTS_WORD = 2;
/** … its folding is not plain lower case (full-width forms, odd spaces, ’), … */
export const ODD_FOLD = 8;
/** … a digit, numeral or currency sign (`NUMERIC` kinds 1, 2, 4, shifted left by 4). */
export const NUMERIC_CHAR = 0x70;
/** A unit the loop has more to do at than walk: a number cue, odd folding. */
const CUE_OR_ODD = NUMERIC_CHAR | ODD_FOLD;
/** A plain letter: passed in the tight loop inside a Latin word. */
const LETTER_MASK = WORD_CHAR | NUMERIC_CHAR | ODD_FOLD;

/** A Latin word character, folded: a digit, a-z, or a Latin letter with a mark (é, ł). */
export const isWordCode = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);

/**
 * What a word found in the text is to a trigger; `count` is done with a count before it;
 * `number` words only open the number readers; `now` words may date today (aging); `drop`
 * words drop a threat said before them.
 */
export type Role = 'target' | 'act' | 'done' | 'count' | 'except' | 'number' | 'now' | 'drop';

export interface Entry {
  /** The literal word, folded, its `(a|b)` groups expanded. */
  word: string;
  role: Role;
  /** Index into `Compiled.triggers`; -1 for `number`, `now` and `drop` words. */
  trigger: number;
  /** Needs Latin word boundaries (and tolerates a plural -s/-es). */
  latin: boolean;
}

/** What the scan reads of a compiled policy (`Compiled`, compile.ts). */
export interface ScanTables {
  /** Every word of every trigger (and the number cues), found in one pass. */
  automaton: Automaton;
  /** By the automaton's output index. */
  entries: Entry[];
  /**
   * Per code unit of the text as written: `WORD_CHAR`, `STARTS_WORD`, `ODD_FOLD`, the `NUMERIC`
   * kind << 4.
   */
  flags: Uint8Array;
  /** Per code unit of the text as written: the automaton's state after it (folded). */
  start: Int32Array;
  /** 1 at `pairOf` the first two code units of every listed word (and a few other pairs). */
  pairs: Uint8Array;
}

/** A pair of folded code units hashed to 16 bits (`ScanTables.pairs`). */
export const pairOf = (a: number, b: number) =>
  (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 16;

export interface Span {
  start: number;
  end: number;
}

export interface Found extends Span {
  entry: Entry;
}

/** What one pass over a text found: trigger words, and whether numbers may be written in it. */
export interface Scan {
  found: Found[];
  numbers: boolean;
  /** Where a `now` word with a figure right after it starts ("now 20 June", 至今4月20日); -1 none. */
  now: number;
  /** Droppers found ("sorted it", 觉得没必要), in text order; usually none. */
  drops: Span[] | undefined;
  /** Some code unit folds otherwise than by `toLowerCase` (`ODD_FOLD`): see `foldSlice`. */
  odd: boolean;
}

/** The scan's result as it is built, and whether number cues are still looked for. */
interface Scanning extends Scan {
  cues: boolean;
}

/**
 * The end of a Latin word found to end at `end` once a plural -s/-es is taken in; -1 when the
 * word goes on ("sue" in "suede"). Reads `text` folded, so raw and folded text alike.
 */
export function pluralEnd(text: string, end: number, fold: Uint16Array): number {
  if (!isWordCode(fold[codeAt(text, end - 1)]!)) return end;
  let e = end;
  const next = fold[codeAt(text, e)];
  if (
    next === 0x65 &&
    fold[codeAt(text, e + 1)] === 0x73 &&
    !isWordCode(fold[codeAt(text, e + 2)]!)
  )
    e += 2;
  else if (next === 0x73 && !isWordCode(fold[codeAt(text, e + 1)]!)) e += 1;
  return isWordCode(fold[codeAt(text, e)]!) ? -1 : e;
}

/** A digit or numeral within a few code units after `end`: a `now` word that may date today. */
function figureSoonAfter(text: string, end: number, flags: Uint8Array): boolean {
  const to = Math.min(text.length, end + 10);
  for (let k = end; k < to; k++) if (flags[text.charCodeAt(k)]! & NUMERIC_CHAR) return true;
  return false;
}

/**
 * The one pass. Kept small: what is done where a word ends (`take`, ~400k times on the bench's
 * 100k texts, against 38M code units passed) and at a number cue is out of the loop, so the
 * loop's values stay in registers.
 */
export function scan(c: ScanTables, text: string, wantNumbers: boolean): Scan {
  const fold = foldCodes();
  const { automaton: a, flags, start, pairs } = c;
  const r: Scanning = {
    found: [],
    numbers: false,
    now: -1,
    drops: undefined,
    odd: false,
    cues: wantNumbers,
  };
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const raw = text.charCodeAt(i);
    const f = flags[raw]!;
    if (f === 0) {
      inWord = false;
      continue;
    }
    if (f & CUE_OR_ODD) {
      if (f & ODD_FOLD) r.odd = true;
      if (r.cues && f & NUMERIC_CHAR) cue(text, i, f >> 4, r);
    }
    // Latin words start words: a letter inside one starts nothing.
    const word = (f & WORD_CHAR) !== 0;
    const skip = (f & STARTS_WORD) === 0 || (word && inWord);
    inWord = word;
    if (!skip) {
      let state = start[raw]!;
      let j = i + 1;
      // Most walks from a Chinese character end at their first step: a pair no listed word
      // starts with is known from one table read.
      if (!word && (j >= n || pairs[pairOf(fold[raw]!, fold[text.charCodeAt(j)]!)] === 0)) {
        if (state & 1) take(c, text, i, j, state, r);
      } else
        for (;;) {
          if (state & 1) take(c, text, i, j, state, r);
          if (j >= n) break;
          state = step(a, state, fold[text.charCodeAt(j)]!);
          if (state === 0) break;
          j++;
        }
    }
    // The rest of a Latin word starts nothing: its plain letters are passed in a tight loop
    // (most of an English text), which leaves inWord set.
    if (word) while (i + 1 < n && (flags[text.charCodeAt(i + 1)]! & LETTER_MASK) === WORD_CHAR) i++;
  }
  return r;
}

/**
 * At a digit, numeral or currency sign: may a figure start here (`numberCueAt`)? Inside a run
 * of digits none does (`numberCueAt` is false there), and half the bench's numeric units
 * (order and phone numbers) are passed without asking.
 */
function cue(text: string, i: number, kind: number, r: Scanning): void {
  if (kind === 1 && NUMERIC[codeAt(text, i - 1)] === 1 && NUMERIC[codeAt(text, i + 1)] === 1)
    return;
  if (numberCueAt(text, i, kind)) {
    r.numbers = true;
    r.cues = false;
  }
}

/** The words ending at `state`, at `j`, of a walk from `i`: kept by their role. */
function take(c: ScanTables, text: string, i: number, j: number, state: number, r: Scanning): void {
  const { outStart, outputs } = c.automaton;
  const last = outStart[(state >> 1) + 1]!;
  for (let o = outStart[state >> 1]!; o < last; o++) {
    const entry = c.entries[outputs[o]!]!;
    const end = entry.latin ? pluralEnd(text, j, foldCodes()) : j;
    if (end < 0) continue;
    if (entry.trigger >= 0) r.found.push({ start: i, end, entry });
    else if (entry.role === 'drop') {
      r.drops ??= [];
      r.drops.push({ start: i, end });
    } else if (entry.role === 'now') {
      if (r.now < 0 && figureSoonAfter(text, end, c.flags)) r.now = i;
    } else if (r.cues && numberWordCue(text, entry.word, end)) {
      r.numbers = true;
      r.cues = false;
    }
  }
}
