import type { Channel, ClockId, SeverityLevel, Status } from '../schema/codes';

/** One clock of one complaint as the workflow recorded it (ISO 8601 instants). */
export interface ClockSpan {
  /** When the clock started (e.g. `reply` at registration; `progress` at the last note). */
  startedAt: string;
  /** When its stop event happened; absent while running. */
  stoppedAt?: string;
  /** A customer-agreed due time replacing the computed target (docs/rules.md §4 rule 8). */
  agreedDueAt?: string;
}

/** What `computeDeadlines` needs of a complaint; the workflow's state satisfies it. */
export interface DeadlineInput {
  status: Status;
  receivedAt: string;
  channel: Channel;
  severity: { level: SeverityLevel };
  /** Marked urgent by the receiver out of hours (L3+ always counts as urgent). */
  urgent: boolean;
  clocks: Partial<Record<ClockId, ClockSpan>>;
}
