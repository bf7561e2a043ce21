import { formatMonth, localDate, localDateTime } from '../i18n/dates';
import { t } from '../i18n/index';
import type { Policy } from '../policy/policy';
import { CALLBACK_OUTCOMES, CLOCKS, type Locale } from '../schema/codes';
import { type Cell, toCsv } from './csv';
import { type CodeKind, labelOf } from './labels';
import type { MonthFigures, MonthlyReport } from './monthly-report';
import type { ParetoRow } from './pareto';

/** A 0–1 rate as a percentage with one decimal (`95.2%`), or the "n/a" text. */
export function formatPercent(rate: number | null, locale: Locale): string {
  return rate === null ? t(locale, 'report.none') : `${(rate * 100).toFixed(1)}%`;
}

/** A rate difference in percentage points, one decimal; null stays null. */
export function percentPoints(delta: number | null): number | null {
  return delta === null ? null : Math.round(delta * 1000) / 10;
}

/** Hours to one decimal; null stays null. */
export function roundHours(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 10) / 10;
}

type Row = Cell[];

function breakdown(
  title: string,
  counts: Record<string, number>,
  kind: CodeKind,
  total: number,
  locale: Locale,
  policy?: Policy,
): Row[] {
  const rows: Row[] = [
    [title],
    [t(locale, 'report.figure'), t(locale, 'report.count'), t(locale, 'report.share')],
  ];
  const entries = Object.entries(counts).sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb));
  for (const [code, n] of entries) {
    rows.push([
      labelOf(kind, code, locale, policy),
      n,
      formatPercent(total ? n / total : null, locale),
    ]);
  }
  return rows;
}

function paretoRows(
  title: string,
  rows: ParetoRow[],
  label: (key: string) => string,
  locale: Locale,
): Row[] {
  return [
    [title],
    [
      t(locale, 'report.figure'),
      t(locale, 'report.count'),
      t(locale, 'report.share'),
      t(locale, 'report.cumulative'),
      t(locale, 'report.vital'),
    ],
    ...rows.map((r) => [
      label(r.key),
      r.count,
      formatPercent(r.share, locale),
      formatPercent(r.cumulative, locale),
      r.vital ? '✓' : '',
    ]),
  ];
}

/** The summary lines: this month, the previous month, and the change. */
function summary(report: MonthlyReport, locale: Locale): Row[] {
  const cur: MonthFigures = report;
  const prev = report.previous;
  const pct = (r: number | null) => formatPercent(r, locale);
  const d = report.trend;
  return [
    [t(locale, 'report.summary')],
    [
      t(locale, 'report.figure'),
      `${t(locale, 'report.thisMonth')} (${cur.month})`,
      `${t(locale, 'report.previousMonth')} (${prev.month})`,
      t(locale, 'report.change'),
    ],
    [t(locale, 'report.registered'), cur.registered, prev.registered, d.registered],
    [
      t(locale, 'report.handlingRate'),
      pct(cur.handling.rate),
      pct(prev.handling.rate),
      percentPoints(d.handlingRate),
    ],
    [
      t(locale, 'report.satisfactionRate'),
      pct(cur.satisfaction.rate),
      pct(prev.satisfaction.rate),
      percentPoints(d.satisfactionRate),
    ],
    [
      t(locale, 'report.slaCompliance'),
      pct(cur.slaOverall.compliance),
      pct(prev.slaOverall.compliance),
      percentPoints(d.slaCompliance),
    ],
    [
      t(locale, 'report.secondComplaints'),
      cur.secondComplaints.total,
      prev.secondComplaints.total,
      d.secondComplaints,
    ],
    [
      t(locale, 'report.secondNew'),
      cur.secondComplaints.newComplaints,
      prev.secondComplaints.newComplaints,
      null,
    ],
    [
      t(locale, 'report.secondReopened'),
      cur.secondComplaints.reopened,
      prev.secondComplaints.reopened,
      null,
    ],
    [
      t(locale, 'report.invalidVerdicts'),
      cur.invalidVerdicts.total,
      prev.invalidVerdicts.total,
      d.invalidVerdicts,
    ],
    [t(locale, 'report.closedCount'), cur.timeToClose.count, prev.timeToClose.count, d.closed],
    [
      t(locale, 'report.meanToClose'),
      roundHours(cur.timeToClose.meanHours),
      roundHours(prev.timeToClose.meanHours),
      roundHours(d.meanHoursToClose),
    ],
    [
      t(locale, 'report.p90ToClose'),
      roundHours(cur.timeToClose.p90Hours),
      roundHours(prev.timeToClose.p90Hours),
      roundHours(d.p90HoursToClose),
    ],
  ];
}

/**
 * The report as a CSV document for Excel (UTF-8 with BOM): a header, the summary with the
 * previous month and the change (rates in percentage points), the breakdowns, both Pareto
 * tables, callbacks and SLA compliance per clock; blocks separated by an empty line.
 */
export function reportToCsv(report: MonthlyReport, locale: Locale, policy?: Policy): string {
  const total = report.registered;
  const blocks: Row[][] = [
    [
      [t(locale, 'report.title', { month: formatMonth(report.month, locale) })],
      [
        t(locale, 'report.periodLabel'),
        // The period's end is exclusive: its last day is the day before.
        t(locale, 'report.period', {
          start: localDate(report.period.start, report.timeZone),
          end: localDate(new Date(Date.parse(report.period.end) - 1), report.timeZone),
          zone: report.timeZone,
        }),
      ],
      [t(locale, 'report.dueDate'), report.dueDate],
      [
        t(locale, 'report.generatedAt'),
        `${localDateTime(report.generatedAt, report.timeZone)} (${report.timeZone})`,
      ],
    ],
    summary(report, locale),
    breakdown(t(locale, 'report.byCategory'), report.byCategory, 'category', total, locale, policy),
    breakdown(
      t(locale, 'report.byDepartment'),
      report.byDepartment,
      'department',
      total,
      locale,
      policy,
    ),
    breakdown(
      t(locale, 'report.byResponsibility'),
      report.byResponsibility,
      'responsibility',
      total,
      locale,
    ),
    breakdown(t(locale, 'report.bySeverity'), report.bySeverity, 'severity', total, locale),
    breakdown(t(locale, 'report.byChannel'), report.byChannel, 'channel', total, locale),
    paretoRows(
      t(locale, 'report.paretoCategories'),
      report.paretoCategories,
      (k) => labelOf('category', k, locale, policy),
      locale,
    ),
    [
      ...paretoRows(
        t(locale, 'report.paretoCauses'),
        report.paretoCauses,
        (k) => labelOf('cause', k, locale, policy),
        locale,
      ),
      [t(locale, 'report.causesUnrecorded', { count: report.causesUnrecorded })],
    ],
    paretoRows(
      t(locale, 'report.otherCauses'),
      report.otherCauses,
      (k) => report.causeLabels[k] ?? k,
      locale,
    ),
    [
      [t(locale, 'report.byResponsibleDepartment')],
      [t(locale, 'report.figure'), t(locale, 'report.count')],
      ...Object.entries(report.byResponsibleDepartment)
        .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb))
        .map(([code, n]) => [
          labelOf('department', code, locale, policy),
          Math.round(n * 100) / 100,
        ]),
    ],
    [
      [t(locale, 'report.vip')],
      [t(locale, 'report.registered'), report.vip.registered],
      [t(locale, 'report.handled'), report.vip.handled],
      [t(locale, 'report.handlingRate'), formatPercent(report.vip.handlingRate, locale)],
      [t(locale, 'report.secondComplaints'), report.vip.secondComplaints],
    ],
    [
      [t(locale, 'report.satisfaction')],
      [t(locale, 'report.outcome'), t(locale, 'report.count')],
      ...CALLBACK_OUTCOMES.map((o) => [
        labelOf('callback', o, locale),
        report.satisfaction.byOutcome[o],
      ]),
      [t(locale, 'report.satisfactionRate'), formatPercent(report.satisfaction.rate, locale)],
      [t(locale, 'report.anonymousExcluded', { count: report.satisfaction.anonymousExcluded })],
    ],
    [
      [t(locale, 'report.sla')],
      [
        t(locale, 'review.case.clock'),
        t(locale, 'report.met'),
        t(locale, 'report.missed'),
        t(locale, 'report.breached'),
        t(locale, 'report.pending'),
        t(locale, 'report.compliance'),
      ],
      ...CLOCKS.map((c) => {
        const f = report.sla[c];
        return [
          labelOf('clock', c, locale),
          f.met,
          f.missed,
          f.breached,
          f.pending,
          formatPercent(f.compliance, locale),
        ];
      }),
    ],
  ];
  const rows: Row[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) rows.push([]);
    rows.push(...block);
  });
  return toCsv(rows);
}

/** The report as JSON (the figures as computed; codes, not labels). */
export function reportToJson(report: MonthlyReport): string {
  return `${JSON.stringify({ format: 'complaint-desk-monthly-report', formatVersion: 1, ...report }, null, 2)}\n`;
}
