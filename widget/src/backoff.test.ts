import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';

describe('backoffMs', () => {
  it.each([
    [1, 1000, 2000],
    [2, 2000, 4000],
    [3, 4000, 8000],
    [6, 32_000, 64_000],
    [20, 300_000, 600_000],
  ])('attempt %i waits between %i and %i ms', (attempt, low, high) => {
    expect(backoffMs(attempt, () => 0)).toBe(low);
    expect(backoffMs(attempt, () => 0.999999)).toBeCloseTo(high, -1);
  });

  it('spreads retries (jitter)', () => {
    const waits = new Set(Array.from({ length: 20 }, () => Math.round(backoffMs(4))));
    expect(waits.size).toBeGreaterThan(10);
  });
});
