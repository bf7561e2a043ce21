import { addMonths, monthRange } from '@shared/report/month';
import type { ComplaintState } from '@shared/schema/complaint';
import type { ComplaintDb } from '../db/database';
import { hasReviewIndexes } from '../db/queue-columns';

/**
 * The snapshots a monthly report for `month` (and its previous month) needs: every complaint
 * changed since the previous month began (registered, called back, reopened, closed…), plus
 * open ones with a deadline before the month's end (clocks due in the month with no event since).
 */
export async function reportComplaints(
  db: ComplaintDb,
  month: string,
  timeZone: string,
): Promise<ComplaintState[]> {
  const { start } = monthRange(addMonths(month, -1), timeZone);
  const { end } = monthRange(month, timeZone);
  const index = hasReviewIndexes(db) ? 'dueKey' : 'nextDueAt';
  const [changed, due] = await Promise.all([
    db.complaints.where('updatedAt').aboveOrEqual(start.toISOString()).toArray(),
    db.complaints.where(index).below(end.toISOString()).toArray(),
  ]);
  const byId = new Map<string, ComplaintState>();
  for (const row of [...changed, ...due]) if (row.state) byId.set(row.id, row.state);
  return [...byId.values()];
}
