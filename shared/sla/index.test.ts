import { expect, it } from 'vitest';
import * as sla from './index';

// The public surface grows only on purpose: update this list together with index.ts.
it('exports exactly the SLA API', () => {
  expect(Object.keys(sla).sort()).toEqual([
    'BusinessCalendarSchema',
    'SLA_STATES',
    'addWorkingTime',
    'chinaCalendar',
    'computeDeadlines',
    'deadlineFor',
    'formatDue',
    'formatDuration',
    'isOutOfHours',
    'isWorkingDay',
    'isWorkingTime',
    'nextWorkingStart',
  ]);
});
