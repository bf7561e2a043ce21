import { expect, it } from 'vitest';
import type { SeverityLevel } from '../schema/codes';
import { assessSeverity } from './assess-severity';
import { type SeverityOverride, effectiveLevel } from './override';

it.each<[SeverityLevel, SeverityOverride | null | undefined, SeverityLevel]>([
  ['L3', undefined, 'L3'],
  ['L3', null, 'L3'],
  ['L3', { level: 'L1', reason: 'customer withdrew the threat' }, 'L1'],
  ['L1', { level: 'L4', reason: 'VIP account' }, 'L4'],
])('effectiveLevel(%s, %j) → %s', (level, override, expected) => {
  expect(effectiveLevel({ level }, override)).toBe(expected);
});

it('re-assessing never touches the override: it keeps winning over the new assessment', () => {
  const override: SeverityOverride = Object.freeze({
    level: 'L2',
    reason: 'checked with the customer',
  });
  const assessed = assessSeverity({ text: '我已起诉' });
  expect(assessed.level).toBe('L4');
  expect(effectiveLevel(assessed, override)).toBe('L2');
});
