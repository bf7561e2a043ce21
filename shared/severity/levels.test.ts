import { describe, expect, it } from 'vitest';
import { SEVERITY_LEVELS, type SeverityLevel } from '../schema/codes';
import { compareLevels, maxLevel, severityAtLeast } from './levels';

describe('levels', () => {
  it.each<[SeverityLevel, SeverityLevel, number]>([
    ['L0', 'L1', -1],
    ['L3', 'L3', 0],
    ['L4', 'L2', 1],
  ])('compareLevels(%s, %s) has the sign of %d', (a, b, sign) => {
    expect(Math.sign(compareLevels(a, b))).toBe(sign);
  });

  it('sorts levels in code order', () => {
    expect((['L3', 'L0', 'L4', 'L1', 'L2'] as SeverityLevel[]).sort(compareLevels)).toEqual([
      ...SEVERITY_LEVELS,
    ]);
  });

  it.each<[SeverityLevel, SeverityLevel, boolean]>([
    ['L3', 'L3', true],
    ['L4', 'L3', true],
    ['L2', 'L3', false],
    ['L0', 'L0', true],
  ])('severityAtLeast(%s, %s) → %s', (level, min, expected) => {
    expect(severityAtLeast(level, min)).toBe(expected);
  });

  it.each<[SeverityLevel[], SeverityLevel]>([
    [['L1'], 'L1'],
    [['L1', 'L3', 'L2'], 'L3'],
    [['L0', 'L0'], 'L0'],
    [['L4', 'L0'], 'L4'],
  ])('maxLevel(%j) → %s', ([first, ...rest], expected) => {
    expect(maxLevel(first!, ...rest)).toBe(expected);
  });
});
