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
import type { ComplaintState } from '../../shared/schema/complaint';
import { type AuthEnv, requireToken } from '../auth/bearer';
import { requestError, requestLocale } from '../messages';

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
      if ((c.req.header('accept') ?? '').includes('text/csv')) {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="complaints-${month}.csv"`);
        return c.body(reportToCsv(report, locale, policy));
      }
      return c.json(report);
    },
  );
  return app;
}
