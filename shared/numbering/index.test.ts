import { expect, it } from 'vitest';
import * as numbering from './index';

// The public surface grows only on purpose: update this list together with index.ts.
it('exports exactly the numbering API', () => {
  expect(Object.keys(numbering).sort()).toEqual([
    'DEFAULT_CASE_NUMBER_FORMAT',
    'caseNumberPeriod',
    'checkCaseNumberFormat',
    'formatCaseNumber',
    'parseCaseNumber',
  ]);
});
