import { localDateTime } from '../i18n/dates';
import { t } from '../i18n/index';
import type { PolicyBase } from '../policy/policy';
import type { Locale, Status } from '../schema/codes';
import { STATUSES } from '../schema/codes';
import { toCsv } from '../report/csv';
import { labelOf } from '../report/labels';
import { type QueueRow, liveSla } from './queue-row';

/** Complaints per status, every status present (0 when none). */
export function countByStatus(rows: Iterable<Pick<QueueRow, 'status'>>): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const row of rows) counts[row.status]++;
  return counts;
}

/**
 * Queue rows as CSV for Excel (UTF-8 with BOM), with the SLA state at `now`; times on the wall
 * clock of the policy's calendar zone (UTC without a policy), the zone named in the header.
 */
export function queueToCsv(
  rows: readonly QueueRow[],
  locale: Locale,
  now: Date,
  policy?: PolicyBase,
): string {
  const zone = policy?.calendar.timeZone ?? 'UTC';
  const head = [
    t(locale, 'review.case.title', { caseLabel: '' }).trim(),
    t(locale, 'review.case.severity'),
    t(locale, 'review.case.subject'),
    t(locale, 'review.case.complainant'),
    t(locale, 'review.case.status'),
    t(locale, 'ws.export.dueAt', { zone }),
    t(locale, 'ws.export.slaState'),
    t(locale, 'review.case.channel'),
    t(locale, 'review.case.category'),
    t(locale, 'review.case.department'),
    t(locale, 'review.case.assignee'),
    t(locale, 'ws.export.receivedAt', { zone }),
    'id',
  ];
  const body = rows.map((r) => {
    const sla = liveSla(r, now);
    return [
      r.caseNumber ?? '',
      r.severity,
      r.subject,
      r.anonymous ? t(locale, 'review.queue.anonymous') : r.customer,
      labelOf('status', r.status, locale),
      localDateTime(r.nextDueAt, zone),
      sla ? t(locale, `sla.state.${sla.state}`) : '',
      labelOf('channel', r.channel, locale),
      r.category ? labelOf('category', r.category, locale, policy) : '',
      r.department ? labelOf('department', r.department, locale, policy) : '',
      r.assigneeName ?? r.assignee ?? '',
      localDateTime(r.receivedAt, zone),
      r.id,
    ];
  });
  return toCsv([head, ...body]);
}

/** Queue rows as JSON, without the search terms (an index detail). */
export function queueToJson(rows: readonly QueueRow[]): string {
  const clean = rows.map(({ terms: _terms, ...rest }) => rest);
  return `${JSON.stringify({ format: 'complaint-desk-queue', formatVersion: 1, rows: clean }, null, 2)}\n`;
}
