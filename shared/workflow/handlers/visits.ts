import { pendingVisit } from '../guard';
import { type Handler, done } from './step';

/** A visit to the customer (上门) booked for a time (docs/rules.md R-ESC-3). */
export const visitBooked: Handler<'visitBooked'> = (state, event) =>
  done({
    ...state,
    visits: [...(state.visits ?? []), { for: event.payload.for, bookedAt: event.at }],
  });

/** The earliest booked visit not yet made took place now (`guard` refuses when there is none). */
export const visitMade: Handler<'visitMade'> = (state, event) => {
  const visits = [...(state.visits ?? [])];
  const i = pendingVisit(state);
  visits[i] = { ...visits[i]!, madeAt: event.at };
  return done({ ...state, visits });
};
