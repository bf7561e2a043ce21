import { describe, expect, it } from 'vitest';
import { CORPUS_NAMES, FLOORS, UNSEEN, loadCorpus, scoreCorpus } from './severity-corpus';

// Goals of issue #13 on the text alone. heldout.tsv was written after the rules, in another
// style; heldout-2…heldout-11 blind, by people who had not read them, and train-extra for the
// learned-reader experiment; each is held here once a round tuned on it reached the goals.
// docs/severity.md gives each one's first, untuned score (each is held to the goals once it was
// looked at, so these figures are optimistic; the next blind set is the honest measure).
const GOALS = { recall: 0.97, precision: 0.95, l4: 0.9 };

const HELD = CORPUS_NAMES.filter((name) => !UNSEEN.includes(name));

describe.each(HELD)('severity corpus: %s.tsv', (name) => {
  const cases = loadCorpus(name);
  const score = scoreCorpus(cases);
  const report = score.misses
    .map(
      (m) => `${m.c.level}→${m.got} ${name}.tsv:${m.c.line} ${m.c.text} [${m.reasons.join(', ')}]`,
    )
    .join('\n');

  it('is labelled in both languages with every kind of case', () => {
    // The later sets have levels only (their kind follows the level).
    const all =
      name === 'corpus' || name === 'heldout'
        ? ['major', 'near_miss', 'negation', 'numbers', 'ordinary', 'special']
        : ['major', 'ordinary', 'special'];
    for (const lang of ['zh', 'en'] as const) {
      const kinds = new Set(cases.filter((c) => c.lang === lang).map((c) => c.kind));
      expect([...kinds].sort()).toEqual(all);
    }
  });

  const held = FLOORS[name] ?? GOALS;
  it(`meets ${FLOORS[name] ? 'what its round reached' : 'the goals'} (recall ≥ ${held.recall}, precision ≥ ${held.precision}, L4 ≥ ${held.l4})`, () => {
    expect(score.recall, report).toBeGreaterThanOrEqual(held.recall);
    expect(score.precision, report).toBeGreaterThanOrEqual(held.precision);
    expect(score.l4, report).toBeGreaterThanOrEqual(held.l4);
  });
});

// The blind sets nobody has tuned on: scored in `npm run bench` (their first-sight score is the
// honest one, docs/severity.md), only checked well formed here.
describe.each(UNSEEN)('severity corpus: %s.tsv', (name) => {
  it('is labelled in both languages, with ordinary, major and special-major texts', () => {
    const cases = loadCorpus(name);
    for (const lang of ['zh', 'en'] as const) {
      const levels = new Set(cases.filter((c) => c.lang === lang).map((c) => c.level));
      for (const level of ['L1', 'L3', 'L4'] as const) expect(levels).toContain(level);
    }
  });
});

it('the corpus holds at least 400 labelled sentences', () => {
  expect(loadCorpus('corpus').length + loadCorpus('heldout').length).toBeGreaterThanOrEqual(400);
});
