import fc from 'fast-check';
import { TRADITIONAL_CHARS } from './traditional';
import { describe, expect, it } from 'vitest';
import { buildAutomaton, foldCodes, oddFolds, step } from './automaton';

/** Every (start, word index) the automaton finds, walking from each position. */
function findAll(words: string[], text: string): [number, number][] {
  const a = buildAutomaton(words);
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    let state = a.root[text.charCodeAt(i)]!;
    let j = i + 1;
    while (state !== 0) {
      // A state is its index × 2, plus 1 when words end there.
      const at = state >> 1;
      expect(state & 1).toBe(a.outStart[at + 1]! > a.outStart[at]! ? 1 : 0);
      for (let o = a.outStart[at]!; o < a.outStart[at + 1]!; o++) out.push([i, a.outputs[o]!]);
      if (j >= text.length) break;
      state = step(a, state, text.charCodeAt(j++));
    }
  }
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** The same, by brute force. */
function naive(words: string[], text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    words.forEach((w, k) => {
      if (text.startsWith(w, i)) out.push([i, k]);
    });
  }
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

describe('automaton', () => {
  it('finds every word at every position, overlapping and nested ones too', () => {
    const words = ['起诉', '已起诉', '诉讼', '律师', '律师函', 'the press', 'the'];
    const text = '我已起诉，律师函已发。the press';
    expect(findAll(words, text)).toEqual(naive(words, text));
    expect(findAll(words, text)).toContainEqual([1, 1]);
    expect(findAll(words, text)).toContainEqual([2, 0]);
  });

  it('agrees with a brute-force search on random words and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '媒', '体', '诉', ' ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 30 }),
        fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')),
        (words, text) => {
          expect(findAll(words, text)).toEqual(naive(words, text));
        },
      ),
    );
  });

  it('has no transition for a character no word continues with', () => {
    const a = buildAutomaton(['媒体']);
    const after = a.root['媒'.charCodeAt(0)]!;
    expect(after).toBeGreaterThan(0);
    expect(step(a, after, '介'.charCodeAt(0))).toBe(0);
    expect(a.root['体'.charCodeAt(0)]).toBe(0);
  });
});

describe('foldCodes: text compared one code unit for one', () => {
  it.each([
    ['A', 'a'],
    ['Ｍ', 'm'],
    ['１', '1'],
    ['\u3000', ' '],
    ['\u00a0', ' '],
    ['\t', ' '],
    ['’', "'"],
    ['É', 'é'],
    ['媒', '媒'],
    ['\n', '\n'],
  ])('%j → %j', (from, to) => {
    expect(String.fromCharCode(foldCodes()[from.charCodeAt(0)]!)).toBe(to);
  });

  it('keeps a letter whose lower case is longer (İ) as it is', () => {
    expect(foldCodes()[0x130]).toBe(0x130);
  });

  it('marks as odd exactly what toLowerCase folds otherwise: full-width forms, spacing, ’, traditional characters', () => {
    // The set the reader once named in a regex before lower-casing a clause natively.
    const named = new RegExp(
      `[\\uff01-\\uff5e\\u3000\\t\\r\\f\\v\\u00a0\\u2019${TRADITIONAL_CHARS}]`,
    );
    const odd = oddFolds();
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if ((odd[c] === 1) !== named.test(String.fromCharCode(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
