import { refuse } from '../types';
import { type Handler, done } from './step';

/** A visit to the customer (上门) booked for a time (docs/rules.md R-ESC-3). */
export const visitBooked: Handler<'visitBooked'> = (state, event) =>
  done({
    ...state,
    visits: [...(state.visits ?? []), { for: event.payload.for, bookedAt: event.at }],
  });

/** The earliest booked visit not yet made took place now. */
export const visitMade: Handler<'visitMade'> = (state, event) => {
  const visits = [...(state.visits ?? [])];
  const i = visits.findIndex((v) => v.madeAt === undefined);
  if (i < 0) return refuse('workflow.visit.noneBooked');
  visits[i] = { ...visits[i]!, madeAt: event.at };
  return done({ ...state, visits });
};
