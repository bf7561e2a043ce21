import { describe, expect, it } from 'vitest';
import { pareto } from './pareto';

describe('pareto', () => {
  it('largest first, cumulative share, vital few up to the first reaching 80 %', () => {
    expect(pareto({ a: 1, b: 6, c: 2, d: 1, e: 0 })).toEqual([
      { key: 'b', count: 6, share: 0.6, cumulative: 0.6, vital: true },
      { key: 'c', count: 2, share: 0.2, cumulative: 0.8, vital: true },
      { key: 'a', count: 1, share: 0.1, cumulative: 0.9, vital: false },
      { key: 'd', count: 1, share: 0.1, cumulative: 1, vital: false },
    ]);
  });

  it('a cumulative share a hair under 0.8 by float arithmetic still counts as reaching it', () => {
    const rows = pareto({ a: 7, b: 1, c: 1, d: 1 });
    expect(rows.map((r) => r.vital)).toEqual([true, true, false, false]);
  });

  it('nothing to chart', () => {
    expect(pareto({})).toEqual([]);
    expect(pareto({ a: 0 })).toEqual([]);
  });
});
