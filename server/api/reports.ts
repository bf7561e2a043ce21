import { Hono } from 'hono';
import type { Pool, PoolClient } from 'pg';
import type { Policy } from '../../shared/policy/policy';
import {
  addMonths,
  isMonth,
  monthRange,
  monthlyReport,
  reportToCsv,
} from '../../shared/report/index';
import { t } from '../../shared/i18n/index';
import { BOM, toCsv } from '../../shared/report/csv';
import type { ComplaintState } from '../../shared/schema/complaint';
import { type AuthEnv, requireToken } from '../auth/bearer';
import { requestError, requestLocale } from '../messages';

/** Events that can stop a deadline clock: recorded late, they may make a missed deadline look met. */
const CLOCK_STOPPING = ['assigned', 'contacted', 'replied', 'callbackRecorded', 'closed'];

/** Events received in the month whose device time predates receipt beyond the offline allowance. */
export interface LateEventFigures {
  events: number;
  complaints: number;
  /** Of `events`, those that can stop a clock: the deadlines they met rest on a device's word. */
  clockStops: number;
}

async function lateEvents(pool: Pool, start: Date, end: Date): Promise<LateEventFigures> {
  const { rows } = await pool.query<{ events: string; complaints: string; clock_stops: string }>(
    `SELECT count(*) AS events, count(DISTINCT complaint_id) AS complaints,
       count(*) FILTER (WHERE type = ANY($3::text[])) AS clock_stops
     FROM events WHERE late AND received_at >= $1 AND received_at < $2`,
    [start, end, CLOCK_STOPPING],
  );
  const r = rows[0]!;
  return {
    events: Number(r.events),
    complaints: Number(r.complaints),
    clockStops: Number(r.clock_stops),
  };
}

export interface ReportDeps {
  pool: Pool;
  policy: () => Policy;
  now: () => Date;
}

/** The shared monthly report of `month` over the complaints active in it or the month before. */
export async function loadMonthlyReport(
  pool: Pool | PoolClient,
  month: string,
  policy: Policy,
  now: Date,
) {
  const timeZone = policy.calendar.timeZone;
  const { end } = monthRange(month, timeZone);
  const { start: since } = monthRange(addMonths(month, -1), timeZone);
  // Any event in those months moved updatedAt to or past them (it never moves back).
  const { rows } = await pool.query<{ snapshot: ComplaintState }>(
    `SELECT snapshot FROM complaints WHERE updated_at >= $1 AND (received_at IS NULL OR received_at < $2)`,
    [since, end],
  );
  return monthlyReport(
    rows.map((r) => r.snapshot),
    month,
    now,
    policy,
  );
}

/**
 * `GET /reports/monthly?month=YYYY-MM` (supervisors, managers, admins): the shared monthly report
 * over the complaints active in that month or the one before (its comparison). JSON, or CSV
 * with `Accept: text/csv` (labels in the Accept-Language).
 */
export function reportRoutes(deps: ReportDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get(
    '/reports/monthly',
    requireToken(deps.pool, ['supervisor', 'manager', 'admin']),
    async (c) => {
      const locale = requestLocale(c.req.header('accept-language'));
      const month = c.req.query('month') ?? '';
      if (!isMonth(month))
        return c.json(requestError(locale, 'request.invalidQuery', undefined, 'month'), 400);
      const policy = deps.policy();
      const report = await loadMonthlyReport(deps.pool, month, policy, deps.now());
      const { start, end } = monthRange(month, policy.calendar.timeZone);
      const late = await lateEvents(deps.pool, start, end);
      if ((c.req.header('accept') ?? '').includes('text/csv')) {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="complaints-${month}.csv"`);
        const lateRows = toCsv([
          [],
          [t(locale, 'report.late.title')],
          [t(locale, 'report.late.events'), late.events],
          [t(locale, 'report.late.complaints'), late.complaints],
          [t(locale, 'report.late.clockStops'), late.clockStops],
        ]).slice(BOM.length);
        return c.body(reportToCsv(report, locale, policy) + lateRows);
      }
      return c.json({ ...report, lateEvents: late });
    },
  );
  return app;
}
