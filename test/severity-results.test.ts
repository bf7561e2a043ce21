import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE, type Results, computeResults } from './severity-results';

// The reader is tuned for speed (docs/severity.md "Cost"); no such change may move a result.
// The fixture was written by the reader before the speed work, so this cannot pass by
// agreeing with itself: every bench input and corpus sentence must be assessed as it was.
describe('severity results stay as they were', () => {
  const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Results;
  const actual = computeResults();

  it('assesses the same bench inputs (the generator did not change)', () => {
    expect(actual.benchInputs).toBe(expected.benchInputs);
  });

  it('gives the same level and reasons on every bench input', () => {
    // Counts first: a readable hint of what moved before the per-chunk digests.
    expect(actual.benchLevels).toEqual(expected.benchLevels);
    expect(actual.benchRules).toEqual(expected.benchRules);
    expect(actual.bench).toEqual(expected.bench);
    // Guards against a fixture of nothing: the bench has L3+ and L4 texts, and text reasons.
    expect(expected.benchLevels.L4).toBeGreaterThan(1000);
    expect(expected.benchRules.repeated_repair).toBeGreaterThan(1000);
  });

  it('gives the same assessment of every corpus sentence, as written and folded', () => {
    expect(Object.keys(actual.corpus).length).toBeGreaterThan(1000);
    expect(actual.corpus).toEqual(expected.corpus);
    expect(actual.variants).toEqual(expected.variants);
  });
});
