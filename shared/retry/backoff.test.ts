import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it.each([
    [1, 1000, 2000],
    [2, 2000, 4000],
    [3, 4000, 8000],
    [6, 32_000, 64_000],
    [20, 300_000, 600_000],
  ])('attempt %i waits between %i and %i ms', (attempt, low, high) => {
    expect(backoffDelay(attempt, () => 0)).toBe(low);
    expect(backoffDelay(attempt, () => 0.999999)).toBeCloseTo(high, -1);
  });

  it('spreads retries (jitter)', () => {
    const waits = new Set(Array.from({ length: 20 }, () => Math.round(backoffDelay(4))));
    expect(waits.size).toBeGreaterThan(10);
  });

  it('takes its own first wait and ceiling (options), and never overflows', () => {
    expect(backoffDelay(1, () => 0, { baseMs: 100, maxMs: 1_000 })).toBe(50);
    expect(backoffDelay(10, () => 0.999999, { baseMs: 100, maxMs: 1_000 })).toBe(1_000);
    expect(backoffDelay(10_000, () => 0)).toBe(300_000);
    expect(backoffDelay(0, () => 0)).toBe(1_000);
  });
});
