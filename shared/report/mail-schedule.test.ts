import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../sla/index';
import { shanghai } from '../../test/support/workflow';
import { reportMailDue } from './mail-schedule';

describe('reportMailDue (first working day of the month)', () => {
  it.each([
    // October 2026: 1–7 are the National Day holidays; the 8th (Thursday) is the first working day.
    ['on a holiday, 1 October', '2026-10-01 10:00', undefined, undefined],
    ['before work on the first working day', '2026-10-08 08:59', undefined, undefined],
    ['at the working start of the first working day', '2026-10-08 09:00', undefined, '2026-09'],
    ['already sent', '2026-10-08 09:30', '2026-09', undefined],
    ['a server down that day catches up', '2026-10-12 11:00', '2026-08', '2026-09'],
    // November 2026: Sunday the 1st, so Monday the 2nd.
    ['a Sunday first of the month', '2026-11-01 10:00', '2026-09', undefined],
    ['the Monday after', '2026-11-02 09:00', '2026-09', '2026-10'],
  ])('%s', (_, local, lastSent, expected) => {
    expect(reportMailDue(new Date(shanghai(local)), chinaCalendar, lastSent)).toBe(expected);
  });
});
