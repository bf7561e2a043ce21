import type { ComplaintState } from '../schema/complaint';
import type { ComplaintEvent } from '../schema/event';
import type { WorkflowReason } from './reasons';
import { transition } from './transition';
import type { Effect, ReasonParams, WorkflowContext } from './types';

/** An event the fold skipped, with why. */
export interface RejectedEvent {
  event: ComplaintEvent;
  reason: WorkflowReason;
  params?: ReasonParams;
}

/** An effect and the event that caused it, so a shell can run each once (by event id). */
export type FoldEffect = Effect & { eventId: string };

export interface FoldResult {
  state: ComplaintState | undefined;
  rejected: RejectedEvent[];
  effects: FoldEffect[];
}

/**
 * A complaint's state from its event log, in the order given (server order, `seq`). Refused
 * events are skipped and reported, never thrown; a repeated event id is reported as
 * `workflow.event.duplicate` (appends are idempotent). Start from a stored snapshot with
 * `initial` to fold only newer events (duplicates are then detected among those only).
 */
export function fold(
  events: readonly ComplaintEvent[],
  ctx: WorkflowContext = {},
  initial?: ComplaintState,
): FoldResult {
  let state = initial;
  const rejected: RejectedEvent[] = [];
  const effects: FoldEffect[] = [];
  const applied = new Set<string>();
  for (const event of events) {
    if (applied.has(event.id)) {
      rejected.push({ event, reason: 'workflow.event.duplicate' });
      continue;
    }
    const result = transition(state, event, ctx);
    if (!result.ok) {
      rejected.push(
        result.params
          ? { event, reason: result.reason, params: result.params }
          : { event, reason: result.reason },
      );
      continue;
    }
    applied.add(event.id);
    state = result.state;
    for (const effect of result.effects) effects.push({ ...effect, eventId: event.id });
  }
  return { state, rejected, effects };
}
