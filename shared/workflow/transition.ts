import * as z from 'zod/mini';
import { ACTOR_ROLES, EVENT_TYPES, type EventType } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { type ComplaintEvent, EventSchema } from '../schema/event';
import { workflowEnv } from './env';
import { guard } from './guard';
import { captured, caseNumberAssigned, draftUpdated, registered } from './handlers/intake';
import {
  assigned,
  classified,
  contacted,
  deadlineExtended,
  escalated,
  noteAdded,
  severityOverridden,
} from './handlers/handling';
import { callbackRecorded, closed, reopened } from './handlers/follow-up';
import { approvalRejected, approved, replied, resolutionProposed } from './handlers/resolution';
import { personalDataErased } from './handlers/privacy';
import { visitBooked, visitMade } from './handlers/visits';
import { invalidConfirmed, markedInvalid, transferred, withdrawn } from './handlers/side-states';
import { type Handler, isBefore } from './handlers/step';
import { type TransitionResult, type WorkflowContext, refuse } from './types';

/**
 * How far an event may predate the complaint's receipt: devices' clocks disagree a little, and
 * refusing a colleague's note over a skewed clock would lose work. Anything earlier is an error.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

const HANDLERS: { [T in EventType]: Handler<T> } = {
  captured,
  draftUpdated,
  registered,
  caseNumberAssigned,
  classified,
  assigned,
  contacted,
  noteAdded,
  severityOverridden,
  resolutionProposed,
  approved,
  approvalRejected,
  replied,
  callbackRecorded,
  reopened,
  escalated,
  markedInvalid,
  invalidConfirmed,
  withdrawn,
  transferred,
  deadlineExtended,
  closed,
  personalDataErased,
  visitBooked,
  visitMade,
};

const IsoInstant = z.iso.datetime({ offset: true });

export { workflowEnv };

/** The envelope `guard` relies on; payloads are checked by the rules, then by the schema. */
function isWellFormed(event: ComplaintEvent): boolean {
  const e = event as Partial<Record<keyof ComplaintEvent, unknown>> | null;
  if (typeof e !== 'object' || e === null) return false;
  const actor = e.actor as { id?: unknown; role?: unknown } | null | undefined;
  return (
    EVENT_TYPES.includes(e.type as EventType) &&
    typeof e.id === 'string' &&
    typeof e.complaintId === 'string' &&
    IsoInstant.safeParse(e.at).success &&
    typeof actor === 'object' &&
    actor !== null &&
    typeof actor.id === 'string' &&
    ACTOR_ROLES.includes(actor.role as never) &&
    typeof e.payload === 'object' &&
    e.payload !== null
  );
}

/**
 * Applies one event to a complaint (docs/rules.md §4). Pure: time comes from `event.at`, policy and
 * calendar from `ctx`; the effects are returned for the shell to perform. Refusals carry a
 * `workflow.*` message key. `state` is `undefined` before the first event (`captured`, or
 * `registered` for web-form intake and manual entry).
 *
 * The event is also checked against `EventSchema` (after the rules, whose reasons are more
 * specific), so an unparsed event cannot put an unknown value into the state.
 *
 * Event times may arrive out of order (offline devices), so only one time rule applies: no
 * event may be dated before the complaint was received (beyond `CLOCK_SKEW_TOLERANCE_MS`).
 */
export function transition(
  state: ComplaintState | undefined,
  event: ComplaintEvent,
  ctx: WorkflowContext = {},
): TransitionResult {
  if (!isWellFormed(event)) return refuse('workflow.event.invalid');
  if (state && event.complaintId !== state.id) return refuse('workflow.event.otherComplaint');
  const env = workflowEnv(ctx);
  const refused = guard(state, event.type, event.actor.role, env);
  if (refused) return refused;

  const handler = HANDLERS[event.type] as Handler<EventType>;
  let result: ReturnType<Handler<EventType>>;
  try {
    result = handler(state as ComplaintState, event as never, env);
  } catch {
    // A malformed payload that slipped past the boundary: refuse it rather than break a fold.
    return refuse('workflow.event.invalid');
  }
  if (!result.ok) return result;
  // Rules above give the specific reasons; the schema catches what no rule looks at.
  const parsed = EventSchema.safeParse(event);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    return refuse('workflow.event.invalid', { fields });
  }
  if (isBefore(event.at, result.state.receivedAt, CLOCK_SKEW_TOLERANCE_MS)) {
    return refuse('workflow.time.beforeReceived');
  }
  const updatedAt = state && isBefore(event.at, state.updatedAt) ? state.updatedAt : event.at;
  return {
    ok: true,
    state: { ...result.state, version: (state?.version ?? 0) + 1, updatedAt },
    effects: result.effects,
  };
}
