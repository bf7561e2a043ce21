import { anonymiseRecord } from '../../privacy/anonymise';
import { refuse } from '../types';
import { type Handler, done, isBlank } from './step';

/**
 * PIPL erasure (docs/rules.md R-PIPL-1): the record is anonymised and the level and tier the case
 * ended at are kept from the payload, since the anonymised texts no longer raise them. The shell
 * rewrites the earlier events with `anonymiseEvent` in the same step.
 */
export const personalDataErased: Handler<'personalDataErased'> = (state, event) => {
  const { kept, reason } = event.payload;
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  return done({
    ...state,
    record: anonymiseRecord(state.record),
    severity: {
      ...state.severity,
      level: kept.level,
      assessed: {
        level: kept.assessedLevel,
        reasons: [{ rule: 'erased', level: kept.assessedLevel }],
      },
    },
    tier: kept.tier,
    erasedAt: event.at,
  });
};
