import { expect, it } from 'vitest';
import * as severity from './index';

// The public surface grows only on purpose: update this list together with index.ts.
it('exports exactly the severity API', () => {
  expect(Object.keys(severity).sort()).toEqual([
    'SEVERITY_RULES',
    'assessSeverity',
    'compareLevels',
    'effectiveLevel',
    'isSecondComplaint',
    'matchKeywords',
    'maxLevel',
    'normalizeEmail',
    'normalizePhone',
    'severityAtLeast',
  ]);
});
