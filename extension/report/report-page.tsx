/**
 * The monthly report page (printable): the month's figures against the previous month, the
 * breakdowns, Pareto charts with their data tables, callbacks and SLA compliance per clock;
 * CSV/JSON downloads, print, and the full backup/restore.
 */
import { formatMonth } from '@shared/i18n/dates';
import { activePolicy } from '../policy/active-policy';
import type { Policy } from '@shared/policy/policy';
import { addMonths, monthOf } from '@shared/report/month';
import { type MonthlyReport, monthlyReport, reportCases } from '@shared/report/monthly-report';
import { reportToCsv, reportToJson } from '@shared/report/report-csv';
import type { Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { BusinessCalendar } from '@shared/sla/index';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackupActions } from '../backup/backup';
import { BackupPanel } from '../backup/backup-panel';
import { CSV_MIME, type Download, JSON_MIME, downloadText } from '../ui/download';
import { translatorFor } from '../ui/format';
import { MonthPicker } from './month-picker';
import { type Drill, DrillList } from './drill-list';
import { ReportBody } from './report-body';

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
  const [states, setStates] = useState<ComplaintState[]>([]);
  const [cases, setCases] = useState<Record<string, string[]>>({});
  const [drill, setDrill] = useState<Drill>();

  useEffect(() => {
    let live = true;
    setReport(undefined);
    setDrill(undefined);
    void props.load(month, calendar.timeZone).then((states) => {
      if (!live) return;
      const now = clock();
      setStates(states);
      setCases(reportCases(states, month, now, policy, calendar));
      setReport(monthlyReport(states, month, now, policy, calendar));
    });
    return () => {
      live = false;
    };
  }, [month]);

  const download = props.download ?? downloadText;
  return (
    <main class="rv-report" aria-labelledby="rv-report-title">
      <header class="rv-report-head">
        <h1 id="rv-report-title">
          {t('report.title', { month: formatMonth(month, props.locale) })}
        </h1>
        <div class="rv-no-print">
          <MonthPicker
            id="rv-month"
            month={month}
            t={t}
            lastYear={Number(monthOf(clock(), calendar.timeZone).slice(0, 4))}
            onChange={(v) => {
              setMonth(v);
              props.onMonth?.(v);
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
        <>
          {drill && (
            <DrillList drill={drill} states={states} t={t} onClose={() => setDrill(undefined)} />
          )}
          <ReportBody
            report={report}
            t={t}
            policy={policy}
            timeZone={calendar.timeZone}
            cases={cases}
            onShow={setDrill}
          />
        </>
      )}
      {props.backup && (
        <BackupPanel
          t={t}
          actions={props.backup}
          clock={clock}
          timeZone={calendar.timeZone}
          download={download}
        />
      )}
    </main>
  );
}
