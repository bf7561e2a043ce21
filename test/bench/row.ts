/**
 * One line of `npm run bench`. Every row has a budget: a number nobody checks drifts unnoticed.
 * Where no target was set, the budget is the measured value with headroom for a loaded 2-core
 * machine, and the comment beside it says so.
 */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  budget: number;
  /** 'max' (default): value ≤ budget is ok; 'min': value ≥ budget is ok. */
  kind?: 'max' | 'min';
}

/** Milliseconds taken by `fn`, best of `runs` (the least disturbed by the other core's load). */
export async function timeIt(fn: () => unknown | Promise<unknown>, runs = 3): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
