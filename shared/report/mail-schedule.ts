import type { BusinessCalendar } from '../sla/index';
import { nextWorkingStart } from '../sla/index';
import { type Month, addMonths, monthOf, monthRange } from './month';

/**
 * The month whose report should be mailed now, if any: from the start of the first working day
 * of a month (business calendar), the previous month's, unless `lastSent` is already that month.
 * A server that was down that morning sends it when it comes back.
 */
export function reportMailDue(
  now: Date,
  calendar: BusinessCalendar,
  lastSent: string | undefined,
): Month | undefined {
  const month = monthOf(now, calendar.timeZone);
  const previous = addMonths(month, -1);
  if (lastSent !== undefined && lastSent >= previous) return undefined;
  const firstStart = nextWorkingStart(monthRange(month, calendar.timeZone).start, calendar);
  return now.getTime() >= firstStart.getTime() ? previous : undefined;
}
