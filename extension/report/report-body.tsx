import type { Policy } from '@shared/policy/policy';
import { formatMonth, localDate } from '@shared/i18n/dates';
import type { MonthlyReport } from '@shared/report/monthly-report';
import { formatPercent, percentPoints, roundHours } from '@shared/report/report-csv';
import { CALLBACK_OUTCOMES, CLOCKS } from '@shared/schema/codes';
import { type Tr, formatInstant } from '../ui/format';
import type { Drill } from './drill-list';
import { ParetoChart } from './pareto-chart';

/**
 * The report's figures: the summary against the previous month, both Pareto charts, the
 * breakdowns, callbacks and SLA per clock; every non-zero count opens the complaints behind it.
 */
export function ReportBody({
  report,
  t,
  policy,
  timeZone,
  cases,
  onShow,
}: {
  report: MonthlyReport;
  t: Tr;
  policy: Policy;
  timeZone: string;
  /** The complaints behind each figure (`reportCases`). */
  cases: Record<string, string[]>;
  onShow: (drill: Drill) => void;
}) {
  const behind = (keys: string[]) => [...new Set(keys.flatMap((k) => cases[k] ?? []))];
  const showCases = (label: string, ...keys: string[]) => onShow({ label, ids: behind(keys) });
  /** A figure that opens the list of the complaints behind it (none: plain text). */
  const link = (value: string | number, label: string, ...keys: string[]) =>
    behind(keys).length === 0 ? (
      value
    ) : (
      <button type="button" class="rv-link" onClick={() => showCases(label, ...keys)}>
        {value}
      </button>
    );
  const pct = (r: number | null) => formatPercent(r, t.locale);
  const pp = (d: number | null) =>
    d === null
      ? t('report.none')
      : t('report.pp', { value: `${d > 0 ? '+' : ''}${percentPoints(d)}` });
  const num = (d: number | null) =>
    d === null ? t('report.none') : `${d > 0 ? '+' : ''}${roundHours(d)}`;
  const hours = (h: number | null) => (h === null ? t('report.none') : String(roundHours(h)));
  const prev = report.previous;
  const target = (ok: boolean | null) =>
    ok === null ? null : (
      <span class={ok ? 'rv-target-ok' : 'rv-target-miss'}>{ok ? ' ✓' : ' ✗'}</span>
    );
  const end = new Date(Date.parse(report.period.end) - 1);
  // label, this month, the previous month, the change, a target mark, the cases behind it
  const summary: [string, string, string, string, preact.ComponentChildren, string[]][] = [
    [
      t('report.registered'),
      String(report.registered),
      String(prev.registered),
      num(report.trend.registered),
      null,
      ['registered'],
    ],
    [
      t('report.handlingRate'),
      pct(report.handling.rate),
      pct(prev.handling.rate),
      pp(report.trend.handlingRate),
      target(report.handling.rate === null ? null : report.handling.rate >= report.handling.target),
      ['handled'],
    ],
    [
      t('report.satisfactionRate'),
      pct(report.satisfaction.rate),
      pct(prev.satisfaction.rate),
      pp(report.trend.satisfactionRate),
      target(report.satisfaction.meetsTarget),
      ['callback:satisfied', 'callback:unsatisfied'],
    ],
    [
      t('report.slaCompliance'),
      pct(report.slaOverall.compliance),
      pct(prev.slaOverall.compliance),
      pp(report.trend.slaCompliance),
      null,
      ['sla'],
    ],
    [
      t('report.secondComplaints'),
      String(report.secondComplaints.total),
      String(prev.secondComplaints.total),
      num(report.trend.secondComplaints),
      null,
      ['second'],
    ],
    [
      t('report.invalidVerdicts'),
      String(report.invalidVerdicts.total),
      String(prev.invalidVerdicts.total),
      num(report.trend.invalidVerdicts),
      null,
      ['invalid'],
    ],
    [
      t('report.closedCount'),
      String(report.timeToClose.count),
      String(prev.timeToClose.count),
      num(report.trend.closed),
      null,
      ['closed'],
    ],
    [
      t('report.meanToClose'),
      hours(report.timeToClose.meanHours),
      hours(prev.timeToClose.meanHours),
      num(report.trend.meanHoursToClose),
      null,
      ['closed'],
    ],
    [
      t('report.p90ToClose'),
      hours(report.timeToClose.p90Hours),
      hours(prev.timeToClose.p90Hours),
      num(report.trend.p90HoursToClose),
      null,
      ['closed'],
    ],
  ];
  const breakdowns = [
    ['report.byDepartment', report.byDepartment, 'department'],
    ['report.byResponsibility', report.byResponsibility, 'responsibility'],
    ['report.bySeverity', report.bySeverity, 'severity'],
    ['report.byChannel', report.byChannel, 'channel'],
  ] as const;
  return (
    <>
      <dl class="rv-fields">
        <dt>{t('report.periodLabel')}</dt>
        <dd>
          {t('report.period', {
            start: localDate(report.period.start, timeZone),
            end: localDate(end, timeZone),
            zone: timeZone,
          })}
        </dd>
        <dt>{t('report.dueDate')}</dt>
        <dd>{report.dueDate}</dd>
        <dt>{t('report.generatedAt')}</dt>
        <dd>{formatInstant(report.generatedAt, t.locale, timeZone)}</dd>
      </dl>

      <section aria-labelledby="rv-summary">
        <h2 id="rv-summary">{t('report.summary')}</h2>
        <table class="rv-table">
          <thead>
            <tr>
              <th scope="col">{t('report.figure')}</th>
              <th scope="col" class="rv-num">
                {t('report.thisMonth')} ({formatMonth(report.month, t.locale)})
              </th>
              <th scope="col" class="rv-num">
                {t('report.previousMonth')} ({formatMonth(prev.month, t.locale)})
              </th>
              <th scope="col" class="rv-num">
                {t('report.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.map(([label, cur, before, change, mark, keys]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td class="rv-num">
                  {link(cur, label, ...keys)}
                  {mark}
                </td>
                <td class="rv-num">{before}</td>
                <td class="rv-num">{change}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div class="rv-grid2">
        <section aria-labelledby="rv-pareto-cat">
          <h2 id="rv-pareto-cat">{t('report.paretoCategories')}</h2>
          <ParetoChart
            id="rv-chart-cat"
            title={t('report.paretoCategories')}
            rows={report.paretoCategories}
            label={(k) => t.code('category', k, policy)}
            t={t}
            onSelect={(k) => showCases(t.code('category', k, policy), `category:${k}`)}
          />
        </section>
        <section aria-labelledby="rv-pareto-cause">
          <h2 id="rv-pareto-cause">{t('report.paretoCauses')}</h2>
          <ParetoChart
            id="rv-chart-cause"
            title={t('report.paretoCauses')}
            rows={report.paretoCauses}
            label={(k) => t.code('cause', k, policy)}
            t={t}
            onSelect={(k) => showCases(t.code('cause', k, policy), `cause:${k}`)}
          />
          <p class="rv-hint">
            {link(
              t('report.causesUnrecorded', { count: report.causesUnrecorded }),
              t('report.causesUnrecorded', { count: report.causesUnrecorded }),
              'causeUnrecorded',
            )}
          </p>
        </section>
      </div>

      <div class="rv-grid2">
        {breakdowns.map(([title, counts, kind]) => (
          <section key={title} aria-labelledby={`rv-${kind}`}>
            <h2 id={`rv-${kind}`}>{t(title)}</h2>
            {/* A table of headers alone reads as broken: an empty month says so instead. */}
            {Object.keys(counts).length === 0 ? (
              <p class="cd-help">{t('report.noneThisMonth')}</p>
            ) : (
              <table class="rv-table">
                <thead>
                  <tr>
                    <th scope="col">{t('report.figure')}</th>
                    <th scope="col" class="rv-num">
                      {t('report.count')}
                    </th>
                    <th scope="col" class="rv-num">
                      {t('report.share')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(counts as Record<string, number>)
                    .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb))
                    .map(([code, n]) => (
                      <tr key={code}>
                        <th scope="row">{t.code(kind, code, policy)}</th>
                        <td class="rv-num">
                          {link(n, t.code(kind, code, policy), `${kind}:${code}`)}
                        </td>
                        <td class="rv-num">
                          {pct(report.registered ? n / report.registered : null)}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>

      <div class="rv-grid2">
        <section aria-labelledby="rv-callbacks">
          <h2 id="rv-callbacks">{t('report.satisfaction')}</h2>
          <table class="rv-table">
            <thead>
              <tr>
                <th scope="col">{t('report.outcome')}</th>
                <th scope="col" class="rv-num">
                  {t('report.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {CALLBACK_OUTCOMES.map((o) => (
                <tr key={o}>
                  <th scope="row">{t.code('callback', o)}</th>
                  <td class="rv-num">
                    {link(report.satisfaction.byOutcome[o], t.code('callback', o), `callback:${o}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="rv-hint">
            {t('report.anonymousExcluded', { count: report.satisfaction.anonymousExcluded })}
          </p>
        </section>
        <section aria-labelledby="rv-sla">
          <h2 id="rv-sla">{t('report.sla')}</h2>
          <table class="rv-table">
            <thead>
              <tr>
                <th scope="col">{t('review.case.clock')}</th>
                <th scope="col" class="rv-num">
                  {t('report.met')}
                </th>
                <th scope="col" class="rv-num">
                  {t('report.missed')}
                </th>
                <th scope="col" class="rv-num">
                  {t('report.breached')}
                </th>
                <th scope="col" class="rv-num">
                  {t('report.pending')}
                </th>
                <th scope="col" class="rv-num">
                  {t('report.compliance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {CLOCKS.map((c) => {
                const f = report.sla[c];
                return (
                  <tr key={c}>
                    <th scope="row">{t.code('clock', c)}</th>
                    {(['met', 'missed', 'breached', 'pending'] as const).map((state) => (
                      <td key={state} class="rv-num">
                        {link(
                          f[state],
                          `${t.code('clock', c)} · ${t(`report.${state}`)}`,
                          `sla:${c}:${state}`,
                        )}
                      </td>
                    ))}
                    <td class="rv-num">{pct(f.compliance)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>

      <details class="rv-definitions" open>
        <summary>{t('report.definitions')}</summary>
        <ul>
          {(['base', 'handling', 'satisfaction', 'sla', 'close'] as const).map((k) => (
            <li key={k}>{t.key(`report.def.${k}`)}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
