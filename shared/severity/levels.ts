import type { SeverityLevel } from '../schema/codes';

const RANK: Record<SeverityLevel, number> = { L0: 0, L1: 1, L2: 2, L3: 3, L4: 4 };

/** Orders levels for `Array.prototype.sort`: negative when `a` is lower than `b`. */
export function compareLevels(a: SeverityLevel, b: SeverityLevel): number {
  // The digit of 'L0'…'L4' is the rank (as in RANK): read, not looked up by string, because
  // assessSeverity orders every reason with this.
  return a.charCodeAt(1) - b.charCodeAt(1);
}

/** Whether `level` is `min` or higher, e.g. `severityAtLeast(level, 'L3')` for escalation. */
export function severityAtLeast(level: SeverityLevel, min: SeverityLevel): boolean {
  return RANK[level] >= RANK[min];
}

/** The highest of the given levels. */
export function maxLevel(first: SeverityLevel, ...rest: SeverityLevel[]): SeverityLevel {
  let max = first;
  for (const level of rest) if (RANK[level] > RANK[max]) max = level;
  return max;
}
