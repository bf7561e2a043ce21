import type { ComplaintState } from '../schema/complaint';
import { computeDeadlines } from '../sla/index';
import { isBefore } from './handlers/step';
import type { WorkflowEnv } from './types';

// Rules of the resolution handlers that the case view and the report ask too, apart from the
// handlers so that asking them does not load the whole workflow (and its severity reader).

/** The code root causes outside the policy's list are filed under; it needs a text. */
export const OTHER_CAUSE = 'other';

/** The running reply clock's due time (agreed or computed), as an ISO instant. */
function replyDueAt(state: ComplaintState, env: WorkflowEnv): string | undefined {
  const span = state.clocks.reply;
  if (!span || span.stoppedAt !== undefined) return undefined;
  const reply = { ...state, clocks: { reply: span } };
  return computeDeadlines(
    reply,
    new Date(span.startedAt),
    env.policy,
    env.calendar,
  ).clocks[0]?.dueAt.toISOString();
}

/**
 * R-REPLY-1: the reply target a reply at `at` comes after (ISO), or undefined when it is in time.
 * The case view asks the same question to show the late-reason field only when it is needed.
 */
export function lateReplyDue(
  state: ComplaintState,
  at: string,
  env: WorkflowEnv,
): string | undefined {
  const due = replyDueAt(state, env);
  return due !== undefined && isBefore(due, at) ? due : undefined;
}
