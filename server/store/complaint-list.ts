import type { Pool } from 'pg';
import { SEVERITY_LEVELS, STATUSES } from '../../shared/schema/codes';
import type { ComplaintState } from '../../shared/schema/complaint';

export interface ListFilter {
  status?: string[];
  severity?: string[];
  /** true: a running clock is past due now; false: none is. */
  overdue?: boolean;
  /** The assigned handler's id. */
  assignee?: string;
  /** Case-insensitive text in the case number, names, contacts, subject, description, demand. */
  q?: string;
  limit: number;
  /** Keyset position: the last row of the previous page. */
  after?: { updatedAt: string; id: string };
  now: Date;
}

export interface ListPage {
  items: ComplaintState[];
  /** Where the next page starts; null on the last page. */
  next: { updatedAt: string; id: string } | null;
}

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The team queue, most recently updated first, keyset-paginated on (updated_at, id).
 *
 * With a status or severity filter, each (status, severity) pair is read from the
 * `complaints_queue` index in order and the pairs are merged: a page costs at most a page per
 * pair, however rare the matches, instead of a scan and sort of every matching row.
 */
export async function listComplaints(pool: Pool, f: ListFilter): Promise<ListPage> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.overdue === true) where.push(`next_due_at < ${p(f.now)}`);
  if (f.overdue === false) where.push(`(next_due_at IS NULL OR next_due_at >= ${p(f.now)})`);
  if (f.assignee) where.push(`assignee = ${p(f.assignee)}`);
  if (f.q) where.push(`search LIKE ${p(likePattern(f.q))}`);
  if (f.after)
    where.push(`(updated_at, id) < (${p(f.after.updatedAt)}::timestamptz, ${p(f.after.id)}::uuid)`);
  const limit = p(f.limit + 1);

  let sql: string;
  if (f.status?.length || f.severity?.length) {
    const statuses = p(f.status?.length ? f.status : STATUSES);
    const levels = p(f.severity?.length ? f.severity : SEVERITY_LEVELS);
    sql = `WITH page AS (
        SELECT c.id, c.updated_at
        FROM unnest(${statuses}::text[]) AS st(status)
        CROSS JOIN unnest(${levels}::text[]) AS sv(severity)
        CROSS JOIN LATERAL (
          SELECT id, updated_at FROM complaints
          WHERE status = st.status AND severity = sv.severity
            ${where.map((w) => `AND ${w}`).join(' ')}
          ORDER BY updated_at DESC, id DESC LIMIT ${limit}
        ) c
        ORDER BY c.updated_at DESC, c.id DESC LIMIT ${limit}
      )
      SELECT x.id, x.updated_at, x.snapshot FROM page JOIN complaints x ON x.id = page.id
      ORDER BY x.updated_at DESC, x.id DESC`;
  } else {
    sql = `SELECT id, updated_at, snapshot FROM complaints
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY updated_at DESC, id DESC LIMIT ${limit}`;
  }
  const { rows } = await pool.query<{ id: string; updated_at: Date; snapshot: ComplaintState }>(
    sql,
    params,
  );
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => r.snapshot),
    next:
      rows.length > f.limit && last
        ? { updatedAt: last.updated_at.toISOString(), id: last.id }
        : null,
  };
}
