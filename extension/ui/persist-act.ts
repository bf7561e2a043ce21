import type { ComplaintEvent } from '@shared/schema/event';
import type { ComplaintDb } from '../db/database';
import { type NewEvent, appendEvents } from '../db/log';
import type { ActResult, OnAct } from '../queue/bulk';

/**
 * Persists one action through the same append path registration and capture use: the log, the
 * snapshot (shared fold) and its queue columns in one transaction. A workflow refusal comes
 * back as its message key and parameters; an already stored event (a retry) counts as done.
 */
export function persistAct(db: ComplaintDb, clock: () => Date = () => new Date()): OnAct {
  return async (event: ComplaintEvent): Promise<ActResult> => {
    const result = await appendEvents(db, event.complaintId, [event as unknown as NewEvent], {
      now: clock(),
    });
    const refused = result.rejected[0];
    if (result.appended || !refused) return { ok: true };
    return refused.params
      ? { ok: false, reason: refused.reason, params: refused.params }
      : { ok: false, reason: refused.reason };
  };
}
