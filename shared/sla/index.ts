export { type WorkingAmount, type CalendarResult, addWorkingTime } from './add-working-time';
export { type BusinessCalendar, chinaCalendar } from './calendar-data';
export { BusinessCalendarSchema } from './calendar-schema';
export type { ClockSpan, DeadlineInput } from './clock-span';
export {
  type ClockDeadline,
  type DeadlineSummary,
  type SlaState,
  SLA_STATES,
  computeDeadlines,
} from './compute-deadlines';
export {
  type Deadline,
  type DeadlineContext,
  type DeadlineEffect,
  deadlineFor,
} from './deadline-for';
export { formatDue, formatDuration } from './format-duration';
export { isWorkingDay, isWorkingTime, nextWorkingStart } from './working-time';
