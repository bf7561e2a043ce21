import { fromLocal, toLocal } from '../sla/zoned-time';

/** A calendar month, `YYYY-MM`. */
export type Month = `${number}-${number}`;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a `YYYY-MM` month. */
export function isMonth(value: string): value is Month {
  return MONTH.test(value);
}

function parts(month: string): [number, number] {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

function format(year: number, month: number): Month {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` as Month;
}

/** The month `n` months after (negative: before) `month`. */
export function addMonths(month: string, n: number): Month {
  const [y, m] = parts(month);
  return format(y, m + n);
}

/** The instants a month covers in `timeZone`: midnight of its first day to that of the next. */
export function monthRange(month: string, timeZone: string): { start: Date; end: Date } {
  const [y, m] = parts(month);
  return {
    start: new Date(fromLocal(timeZone, Date.UTC(y, m - 1, 1))),
    end: new Date(fromLocal(timeZone, Date.UTC(y, m, 1))),
  };
}

/** The month an instant falls in, in `timeZone`. */
export function monthOf(at: Date, timeZone: string): Month {
  const local = new Date(toLocal(timeZone, at.getTime()));
  return format(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/** The local date (`YYYY-MM-DD`) a month's report is due: `dueDay` of the following month. */
export function reportDueDate(month: string, dueDay: number): string {
  return `${addMonths(month, 1)}-${String(dueDay).padStart(2, '0')}`;
}
