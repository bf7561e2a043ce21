import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../policy/default-policy';
import { foldCodes } from './automaton';
import { compile } from './compile';
import { isWordCode, pluralEnd, scan } from './scan';

const c = compile(defaultPolicy.severity.text);

/**
 * What the scan must find, the slow way: every listed word at every position where one may
 * start (not inside a Latin word), compared on the folded text, a Latin word whole or with a
 * plural -s/-es. The scan's shortcuts (the start and pair tables, the tight loop through a
 * Latin word) must find exactly these.
 */
function naive(text: string): string[] {
  const fold = foldCodes();
  const s = Array.from(text, (ch) =>
    ch.length === 1 ? String.fromCharCode(fold[ch.charCodeAt(0)]!) : ch,
  ).join('');
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (isWordCode(s.charCodeAt(i)) && i > 0 && isWordCode(s.charCodeAt(i - 1))) continue;
    c.entries.forEach((entry) => {
      if (entry.trigger < 0 || !s.startsWith(entry.word, i)) return;
      const end = entry.latin
        ? pluralEnd(text, i + entry.word.length, fold)
        : i + entry.word.length;
      if (end >= 0) out.push(`${i}-${end} ${entry.word} ${entry.role} ${entry.trigger}`);
    });
  }
  return out.sort();
}

const found = (text: string) =>
  scan(c, text, false)
    .found.map((f) => `${f.start}-${f.end} ${f.entry.word} ${f.entry.role} ${f.entry.trigger}`)
    .sort();

// Listed words (some upper-cased or run together), pieces that start many and end few, noise.
const words = c.entries.filter((e) => e.trigger >= 0).map((e) => e.word);
const pieces = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(...words).map((w) => w.toUpperCase()),
  fc.constantFrom(...words).map((w) => w.slice(0, Math.max(1, w.length - 1))),
  fc.constantFrom(' ', '，', '。', 's', 'es', 'ed', '了', '的', '我', 'the ', 'a', '1'),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);

describe('scan', () => {
  it('finds what a walk from every position finds', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(found(text)).toEqual(naive(text));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a word at the text’s end, a plural, and nothing inside a Latin word', () => {
    expect(found('我要起诉')).toEqual(naive('我要起诉'));
    expect(found('our lawyers')).toContainEqual(expect.stringMatching(/^4-11 lawyer /));
    expect(found('a pursuer').join()).not.toMatch(/ sue /);
  });
});
