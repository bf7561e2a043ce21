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
import type { Locale } from '../../shared/schema/codes';
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

async function lateEvents(
  pool: Pool | PoolClient,
  start: Date,
  end: Date,
): Promise<LateEventFigures> {
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

/**
 * The shared monthly report of `month` over the complaints active in it or the month before,
 * with the events recorded late that month beside it (served and mailed alike).
 */
export async function loadMonthlyReport(
  pool: Pool | PoolClient,
  month: string,
  policy: Policy,
  now: Date,
) {
  const timeZone = policy.calendar.timeZone;
  const { start, end } = monthRange(month, timeZone);
  const { start: since } = monthRange(addMonths(month, -1), timeZone);
  // Any event in those months moved updatedAt to or past them (it never moves back).
  const { rows } = await pool.query<{ snapshot: ComplaintState }>(
    `SELECT snapshot FROM complaints WHERE updated_at >= $1 AND (received_at IS NULL OR received_at < $2)`,
    [since, end],
  );
  const report = monthlyReport(
    rows.map((r) => r.snapshot),
    month,
    now,
    policy,
  );
  return { ...report, lateEvents: await lateEvents(pool, start, end) };
}

export type ServerMonthlyReport = Awaited<ReturnType<typeof loadMonthlyReport>>;

/** The report as CSV: the shared figures, then the events recorded late (endpoint and mail). */
export function monthlyReportCsv(report: ServerMonthlyReport, locale: Locale, policy: Policy) {
  const late = report.lateEvents;
  const lateRows = toCsv([
    [],
    [t(locale, 'report.late.title')],
    [t(locale, 'report.late.events'), late.events],
    [t(locale, 'report.late.complaints'), late.complaints],
    [t(locale, 'report.late.clockStops'), late.clockStops],
  ]).slice(BOM.length);
  return reportToCsv(report, locale, policy) + lateRows;
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
      if ((c.req.header('accept') ?? '').includes('text/csv')) {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="complaints-${month}.csv"`);
        return c.body(monthlyReportCsv(report, locale, policy));
      }
      return c.json(report);
    },
  );
  return app;
}
