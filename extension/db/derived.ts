import type { Policy } from '@shared/policy/policy';
import { OPEN_STATUSES } from '@shared/workflow/guard';
import { dueEscalations } from '@shared/workflow/auto-escalation';
import type { ComplaintDb } from './database';
import { appendEvents } from './log';
import { foldOrder } from './fold-order';
import { textRulesReady } from '../policy/active-policy';
import { deriveRow } from './derive';
import { DERIVED, type StoredEvent } from './types';

/**
 * Stores the automatic escalations owed at `now` (shared `dueEscalations`, docs/rules.md
 * R-ESC-LOCAL) for this device's open cases, marked `DERIVED`: folded like any event, never
 * pushed (the server refuses system events from devices). Their ids are the ones the server's job
 * gives the same breach, so its event replaces them at sync (`applyAnswer` keeps one row per id).
 * Returns the events stored.
 */
export async function deriveEscalations(
  db: ComplaintDb,
  now: Date,
  policy: Policy,
): Promise<StoredEvent[]> {
  const open = await db.complaints.where('status').anyOf(OPEN_STATUSES).toArray();
  const stored: StoredEvent[] = [];
  for (const row of open) {
    if (!row.state) continue;
    const due = dueEscalations(row.state, now, { policy });
    if (due.length === 0) continue;
    const r = await appendEvents(db, row.id, due, { now, derived: true });
    if (!r.appended) continue;
    const refused = new Set(r.rejected.map((x) => x.id));
    const ids = due.filter((e) => !refused.has(e.id)).map((e) => e.id);
    for (const e of await db.events.bulkGet(ids)) if (e?.pending === DERIVED) stored.push(e);
  }
  return stored;
}

/**
 * After a complete sync the server is the record: derived events it did not confirm (its job
 * decided otherwise, or has not run yet and will within a minute) are dropped and their cases
 * folded again. Returns how many were dropped.
 */
export async function dropDerived(db: ComplaintDb, now: Date): Promise<number> {
  await textRulesReady();
  return db.transaction('rw', [db.events, db.complaints], async () => {
    const left = await db.events.where('pending').equals(DERIVED).toArray();
    if (left.length === 0) return 0;
    await db.events.bulkDelete(left.map((e) => e.id));
    const ids = [...new Set(left.map((e) => e.complaintId))];
    for (const id of ids) {
      const log = await db.events.where('complaintId').equals(id).toArray();
      await db.complaints.put(deriveRow(id, foldOrder(log), now).row);
    }
    return left.length;
  });
}
