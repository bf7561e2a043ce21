import type { Status } from '../schema/codes';

// Their own file: the queue's views ask which statuses are open without loading the guards.

/** Registered and still being handled. */
export const OPEN_STATUSES: readonly Status[] = [
  'registered',
  'assigned',
  'in_progress',
  'resolution_proposed',
  'awaiting_approval',
  'replied',
  'follow_up',
];

/** Statuses a case leaves only as stated: `closed` and `invalid` by `reopened`, the rest never. */
export const TERMINAL_STATUSES: readonly Status[] = [
  'closed',
  'invalid',
  'withdrawn',
  'transferred',
];
