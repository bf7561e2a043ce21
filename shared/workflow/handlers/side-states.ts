import { stopAllClocks } from '../clocks';
import { refuse } from '../types';
import { type Handler, done, isBlank } from './step';

/** A verdict after investigation, never a refusal: reason + explanation, then supervisor review. */
export const markedInvalid: Handler<'markedInvalid'> = (state, event) => {
  const { reason, explanation } = event.payload;
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  if (isBlank(explanation)) return refuse('workflow.invalid.explanationRequired');
  return done(
    {
      ...state,
      status: 'invalid',
      verdict: { reason, explanation, by: event.actor, at: event.at, confirmed: false },
      clocks: stopAllClocks(state.clocks, event.at),
    },
    [{ type: 'supervisorReview', why: 'invalidVerdict' }],
  );
};

export const invalidConfirmed: Handler<'invalidConfirmed'> = (state, event) => {
  if (!state.verdict)
    return refuse('workflow.illegal', { event: event.type, status: state.status });
  return done({
    ...state,
    verdict: { ...state.verdict, confirmed: true, confirmedBy: event.actor, confirmedAt: event.at },
  });
};

export const withdrawn: Handler<'withdrawn'> = (state, event) => {
  const { reason } = event.payload;
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  return done({
    ...state,
    status: 'withdrawn',
    withdrawn: { reason, by: event.actor, at: event.at },
    clocks: stopAllClocks(state.clocks, event.at),
  });
};

export const transferred: Handler<'transferred'> = (state, event) => {
  const { to, reason } = event.payload;
  if (isBlank(to)) return refuse('workflow.transfer.destinationRequired');
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  return done({
    ...state,
    status: 'transferred',
    transferred: { to, reason, by: event.actor, at: event.at },
    clocks: stopAllClocks(state.clocks, event.at),
  });
};
