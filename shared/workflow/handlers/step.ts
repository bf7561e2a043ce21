import type { EventType } from '../../schema/codes';
import type { ComplaintState } from '../../schema/complaint';
import type { EventOf } from '../../schema/event';
import type { Effect, Refusal, WorkflowEnv } from '../types';

/** An accepted event's outcome before the version and `updatedAt` are stamped. */
export interface Step {
  ok: true;
  state: ComplaintState;
  effects: Effect[];
}

/** What each event's handler receives: `captured` starts a complaint, `registered` may. */
export type StateFor<T extends EventType> = T extends 'captured'
  ? undefined
  : T extends 'registered'
    ? ComplaintState | undefined
    : ComplaintState;

/** Applies one event whose type, role and status `guard` already accepted. */
export type Handler<T extends EventType> = (
  state: StateFor<T>,
  event: EventOf<T>,
  env: WorkflowEnv,
) => Step | Refusal;

export function done(state: ComplaintState, effects: Effect[] = []): Step {
  return { ok: true, state, effects };
}

/** Lifts a severity/tier step (no `ok`) back into a handler step. */
export function lift(step: { state: ComplaintState; effects: Effect[] }): Step {
  return { ok: true, ...step };
}

/** Empty or whitespace only: the schema trims, but transition must not rely on it. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Instants compared as instants (offsets differ between devices). */
export function isBefore(a: string, b: string, toleranceMs = 0): boolean {
  return Date.parse(a) < Date.parse(b) - toleranceMs;
}
