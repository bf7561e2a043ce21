import * as z from 'zod/mini';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const TimeRangeSchema = z.object({
  start: z.string().check(z.regex(LOCAL_TIME)),
  end: z.string().check(z.regex(LOCAL_TIME)),
});

/**
 * A business calendar as data: working hours in an IANA time zone, weekly rest days, public
 * holidays and make-up working days (调休). Dates are local `YYYY-MM-DD` in `timeZone`.
 * `years` lists the years whose holidays are known; outside them only rest days apply and
 * deadlines carry `calendarUnknown`.
 */
export const BusinessCalendarSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  workingHours: TimeRangeSchema,
  lunchBreak: z.optional(TimeRangeSchema),
  /** 0 = Sunday … 6 = Saturday. */
  restDays: z.array(z.number().check(z.int(), z.gte(0), z.lte(6))).check(z.maxLength(7)),
  holidays: z.array(z.string().check(z.regex(LOCAL_DATE))).check(z.maxLength(2000)),
  makeUpDays: z.array(z.string().check(z.regex(LOCAL_DATE))).check(z.maxLength(2000)),
  years: z.array(z.number().check(z.int(), z.gte(1970), z.lte(2200))).check(z.maxLength(200)),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;
