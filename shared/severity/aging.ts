import { tzOffset } from '@date-fns/tz/tzOffset';

/**
 * The aging rule (docs/rules.md §3) on its own: `assessSeverity` applies it, and
 * the queue's long-open-with-fault view asks it without loading the text-reading rules.
 */

const MINUTE = 60_000;

/** `instant` plus whole calendar months in `timeZone` (end of month clamps: Jan 31 → Feb 28). */
function addCalendarMonths(instant: number, months: number, timeZone: string | undefined): number {
  const offset = (t: number) => (timeZone ? tzOffset(timeZone, new Date(t)) || 0 : 0) * MINUTE;
  const wall = new Date(instant + offset(instant));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  wall.setUTCFullYear(year, month, Math.min(wall.getUTCDate(), lastDay));
  const target = wall.getTime();
  return target - offset(target - offset(instant));
}

/**
 * Open longer than `months` calendar months (in `timeZone`) with the company at fault: the aging
 * rule's L4. False when a fact is missing or unreadable.
 */
export function isAged(
  input: {
    openedAt?: string | undefined;
    now?: Date | undefined;
    companyFault?: boolean | undefined;
  },
  months: number,
  timeZone: string | undefined,
): boolean {
  if (input.companyFault !== true || !input.openedAt || !input.now) return false;
  const opened = Date.parse(input.openedAt);
  const now = input.now.getTime();
  if (Number.isNaN(opened) || Number.isNaN(now)) return false;
  return now > addCalendarMonths(opened, months, timeZone);
}
