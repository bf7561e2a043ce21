import type { ComplaintState } from '../../schema/complaint';
import { addWorkingTime } from '../../sla/index';
import { restartClock, stopAllClocks, stopClock } from '../clocks';
import { applySeverity, hasCompanyFault, raiseTier } from '../severity';
import { type WorkflowEnv, refuse } from '../types';
import { type Handler, type Step, done, isBefore, isBlank, lift } from './step';

/**
 * A new round: back to `assigned` (same assignee), a second complaint (at least L2), the
 * round's facts cleared and the firstContact, reply, progress and close clocks restarted.
 */
function reopen(state: ComplaintState, at: string, env: WorkflowEnv): Step {
  const round = state.round + 1;
  let clocks = stopClock(state.clocks, 'callback', at);
  for (const id of ['firstContact', 'reply', 'progress', 'close'] as const) {
    clocks = restartClock(clocks, id, at);
  }
  const next: ComplaintState = {
    ...state,
    status: 'assigned',
    round,
    secondComplaint: true,
    // The company's fault found in this round still counts for aging after the reopen.
    priorCompanyFault:
      state.priorCompanyFault ??
      (hasCompanyFault(state.resolution) ? { round: state.round, at } : undefined),
    resolution: undefined,
    contactedAt: undefined,
    repliedAt: undefined,
    closedAt: undefined,
    clocks,
  };
  const step = applySeverity({ state: next, effects: [{ type: 'reopened', round }] }, at, env);
  return lift(step);
}

/**
 * Rule 6: satisfied or declined → follow-up; unreachable only once an SMS/email went unanswered
 * for `unreachableAfterWorkingDays`; unsatisfied → reopen, and from the second time one tier up.
 */
export const callbackRecorded: Handler<'callbackRecorded'> = (state, event, env) => {
  const { outcome, note, attemptedAt } = event.payload;
  if (outcome === 'unreachable') {
    if (attemptedAt === undefined || Number.isNaN(Date.parse(attemptedAt))) {
      return refuse('workflow.callback.attemptRequired');
    }
    const days = env.policy.unreachableAfterWorkingDays;
    const due = addWorkingTime(new Date(attemptedAt), { days }, env.calendar).at.toISOString();
    if (isBefore(event.at, due)) return refuse('workflow.callback.tooEarly', { days });
  }
  const recorded: ComplaintState = {
    ...state,
    callbacks: [
      ...state.callbacks,
      { outcome, at: event.at, round: state.round, by: event.actor, note, attemptedAt },
    ],
    clocks: stopClock(state.clocks, 'callback', event.at),
  };
  if (outcome !== 'unsatisfied') {
    const effects =
      outcome === 'unreachable' ? [{ type: 'supervisorReview', why: 'unreachable' } as const] : [];
    return done({ ...recorded, status: 'follow_up' }, effects);
  }
  const unsatisfiedCount = state.unsatisfiedCount + 1;
  let step: Step = reopen({ ...recorded, unsatisfiedCount }, event.at, env);
  step = { ...step, effects: [...step.effects, { type: 'supervisorReview', why: 'unsatisfied' }] };
  if (unsatisfiedCount >= 2) {
    step = lift(raiseTier(step, step.state.tier + 1, 'unsatisfied', event.at, env));
  }
  return step;
};

/**
 * From replied/follow-up/closed, or from invalid by a supervisor or manager (the guard checks
 * the role): reopening an invalid case overturns the verdict, which stays on record.
 */
export const reopened: Handler<'reopened'> = (state, event, env) => {
  const { reason } = event.payload;
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  const verdict =
    state.status === 'invalid' && state.verdict
      ? { ...state.verdict, overturned: { by: event.actor, at: event.at, reason } }
      : state.verdict;
  return reopen({ ...state, verdict }, event.at, env);
};

/** From follow-up only (a callback outcome that is not unsatisfied); the guard checks it. */
export const closed: Handler<'closed'> = (state, event) =>
  done({
    ...state,
    status: 'closed',
    closedAt: event.at,
    clocks: stopAllClocks(state.clocks, event.at),
  });
