/**
 * The monthly report page (printable): the month's figures against the previous month, the
 * breakdowns, Pareto charts with their data tables, callbacks and SLA compliance per clock;
 * CSV/JSON downloads, print, and the full backup/restore.
 */
import type { Policy } from '@shared/policy/policy';
import { addMonths, isMonth, monthOf } from '@shared/report/month';
import { type MonthlyReport, monthlyReport } from '@shared/report/monthly-report';
import {
  formatPercent,
  percentPoints,
  reportToCsv,
  reportToJson,
  roundHours,
} from '@shared/report/report-csv';
import { CALLBACK_OUTCOMES, CLOCKS, type Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { BusinessCalendar } from '@shared/sla/index';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackupActions } from './backup';
import { BackupPanel } from './backup-panel';
import { CSV_MIME, type Download, JSON_MIME, downloadText } from './download';
import { type Tr, formatDate, formatInstant, translatorFor } from './format';
import { ParetoChart } from './pareto-chart';
import { activePolicy } from '../policy/active-policy';

export interface ReportPageProps {
  locale: Locale;
  /** The snapshots the month needs (`reportComplaints` in the extension). */
  load: (month: string, timeZone: string) => Promise<ComplaintState[]>;
  /** Defaults to the previous month (the one whose report is due). */
  month?: string;
  onMonth?: (month: string) => void;
  clock?: () => Date;
  policy?: Policy;
  calendar?: BusinessCalendar;
  download?: Download;
  print?: () => void;
  backup?: BackupActions;
}

export function ReportPage(props: ReportPageProps) {
  const t = useMemo(() => translatorFor(props.locale), [props.locale]);
  const clock = props.clock ?? (() => new Date());
  const policy = props.policy ?? activePolicy();
  const calendar = props.calendar ?? policy.calendar;
  const [month, setMonth] = useState(
    () => props.month ?? addMonths(monthOf(clock(), calendar.timeZone), -1),
  );
  const [report, setReport] = useState<MonthlyReport>();

  useEffect(() => {
    let live = true;
    setReport(undefined);
    void props.load(month, calendar.timeZone).then((states) => {
      if (live) setReport(monthlyReport(states, month, clock(), policy, calendar));
    });
    return () => {
      live = false;
    };
  }, [month]);

  const download = props.download ?? downloadText;
  return (
    <main class="rv-report" aria-labelledby="rv-report-title">
      <header class="rv-report-head">
        <h1 id="rv-report-title">{t('report.title', { month })}</h1>
        <div class="rv-field rv-no-print">
          <label for="rv-month">{t('report.month')}</label>
          <input
            id="rv-month"
            type="month"
            value={month}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isMonth(v)) {
                setMonth(v);
                props.onMonth?.(v);
              }
            }}
          />
        </div>
        <button
          type="button"
          disabled={!report}
          onClick={() =>
            report &&
            download(
              `complaint-report-${month}.csv`,
              CSV_MIME,
              reportToCsv(report, props.locale, policy),
            )
          }
        >
          {t('report.exportCsv')}
        </button>
        <button
          type="button"
          disabled={!report}
          onClick={() =>
            report && download(`complaint-report-${month}.json`, JSON_MIME, reportToJson(report))
          }
        >
          {t('report.exportJson')}
        </button>
        <button type="button" onClick={() => (props.print ?? (() => window.print()))()}>
          {t('report.print')}
        </button>
      </header>
      {!report ? (
        <p role="status">{t('report.loading')}</p>
      ) : (
        <ReportBody report={report} t={t} policy={policy} timeZone={calendar.timeZone} />
      )}
      {props.backup && (
        <BackupPanel t={t} actions={props.backup} clock={clock} download={download} />
      )}
    </main>
  );
}

function ReportBody({
  report,
  t,
  policy,
  timeZone,
}: {
  report: MonthlyReport;
  t: Tr;
  policy: Policy;
  timeZone: string;
}) {
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
  const summary: [string, string, string, string, preact.ComponentChildren?][] = [
    [
      t('report.registered'),
      String(report.registered),
      String(prev.registered),
      num(report.trend.registered),
    ],
    [
      t('report.handlingRate'),
      pct(report.handling.rate),
      pct(prev.handling.rate),
      pp(report.trend.handlingRate),
      target(report.handling.rate === null ? null : report.handling.rate >= report.handling.target),
    ],
    [
      t('report.satisfactionRate'),
      pct(report.satisfaction.rate),
      pct(prev.satisfaction.rate),
      pp(report.trend.satisfactionRate),
      target(report.satisfaction.meetsTarget),
    ],
    [
      t('report.slaCompliance'),
      pct(report.slaOverall.compliance),
      pct(prev.slaOverall.compliance),
      pp(report.trend.slaCompliance),
    ],
    [
      t('report.secondComplaints'),
      String(report.secondComplaints.total),
      String(prev.secondComplaints.total),
      num(report.trend.secondComplaints),
    ],
    [
      t('report.invalidVerdicts'),
      String(report.invalidVerdicts.total),
      String(prev.invalidVerdicts.total),
      '',
    ],
    [t('report.closedCount'), String(report.timeToClose.count), String(prev.timeToClose.count), ''],
    [
      t('report.meanToClose'),
      hours(report.timeToClose.meanHours),
      hours(prev.timeToClose.meanHours),
      num(report.trend.meanHoursToClose),
    ],
    [
      t('report.p90ToClose'),
      hours(report.timeToClose.p90Hours),
      hours(prev.timeToClose.p90Hours),
      num(report.trend.p90HoursToClose),
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
            start: formatDate(report.period.start, timeZone),
            end: formatDate(end, timeZone),
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
                {t('report.thisMonth')} ({report.month})
              </th>
              <th scope="col" class="rv-num">
                {t('report.previousMonth')} ({prev.month})
              </th>
              <th scope="col" class="rv-num">
                {t('report.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.map(([label, cur, before, change, mark]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td class="rv-num">
                  {cur}
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
          />
        </section>
        <section aria-labelledby="rv-pareto-cause">
          <h2 id="rv-pareto-cause">{t('report.paretoCauses')}</h2>
          <ParetoChart
            id="rv-chart-cause"
            title={t('report.paretoCauses')}
            rows={report.paretoCauses}
            label={(k) => report.causeLabels[k] ?? k}
            t={t}
          />
          <p class="rv-hint">{t('report.causesUnrecorded', { count: report.causesUnrecorded })}</p>
        </section>
      </div>

      <div class="rv-grid2">
        {breakdowns.map(([title, counts, kind]) => (
          <section key={title} aria-labelledby={`rv-${kind}`}>
            <h2 id={`rv-${kind}`}>{t(title)}</h2>
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
                      <td class="rv-num">{n}</td>
                      <td class="rv-num">
                        {pct(report.registered ? n / report.registered : null)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
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
                  <td class="rv-num">{report.satisfaction.byOutcome[o]}</td>
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
                    <td class="rv-num">{f.met}</td>
                    <td class="rv-num">{f.missed}</td>
                    <td class="rv-num">{f.breached}</td>
                    <td class="rv-num">{f.pending}</td>
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
