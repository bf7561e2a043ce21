import { t, tKey } from '../i18n/alerts';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import { CLOCKS, type ClockId, type Locale, type SeverityLevel } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { isActive, isOpen } from '../review/queue-views';
import { severityAtLeast } from '../severity/index';
import {
  type BusinessCalendar,
  type DeadlineSummary,
  formatDue,
  isWorkingTime,
} from '../sla/index';

/** Which clocks alert, per handled level. */
export type AlertClocks = Partial<Record<SeverityLevel, readonly ClockId[]>>;

/** The default (issue 5): forward, reply and close for every level; every clock for L3+. */
export const DEFAULT_ALERT_CLOCKS: Required<AlertClocks> = {
  L0: ['forward', 'reply', 'close'],
  L1: ['forward', 'reply', 'close'],
  L2: ['forward', 'reply', 'close'],
  L3: CLOCKS,
  L4: CLOCKS,
};

export type AlertKind = 'severe' | 'warn' | 'breach' | 'onCall';

/** A desktop notification to show; `id` is stable, so a restarted worker never repeats it. */
export interface AlertNotification {
  /**
   * `complaintId:topic:kind:round`, where topic is the clock (`warn`, `breach`; then
   * `:dueAt` in epoch ms, so an extended or restarted deadline alerts again), `severity` (kind
   * `severe_L3`/`severe_L4`) or `onCall` (kind `urgent`).
   */
  id: string;
  complaintId: string;
  kind: AlertKind;
  clock?: ClockId;
  level: SeverityLevel;
  round: number;
  /** When the alert became due: registration, the warning time, the due time, receipt. */
  at: string;
  dueAt?: string;
  /** Supervisors, or the on-call leader named in the options. */
  audience: 'supervisor' | 'onCall';
  /** 2 = needs action now (keep on screen), 1 = heads-up. */
  priority: 1 | 2;
  caseNumber?: string;
  subject: string;
  onCallContact?: string;
}

export interface AlertOptions {
  clocks?: AlertClocks;
  /** Named in on-call alerts (options page). */
  onCallContact?: string;
  /** Nothing that became due before this instant alerts (e.g. when alerting was switched on). */
  since?: Date;
  policy?: Policy;
  calendar?: BusinessCalendar;
}

/** The complaint an alert id belongs to. */
export function complaintOfAlert(id: string): string {
  return id.split(':')[0] ?? '';
}

function subjectOf(state: ComplaintState): string {
  const r = state.record;
  return (r.subject || r.description || '').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/**
 * The notifications due for one complaint at `now` that are not in `alreadySent` (docs/rules.md §5,
 * issue 5): a new L3/L4 registration at once; for the clocks chosen for its level, the warning
 * at 75 % and the breach; an urgent (or L3+) complaint received out of hours alerts the on-call
 * leader while it is still out of hours. A clock that went straight past its due time alerts
 * once, for the breach. Most urgent first.
 */
export function notificationsDue(
  complaint: ComplaintState,
  deadlines: DeadlineSummary,
  now: Date,
  alreadySent: ReadonlySet<string>,
  options: AlertOptions = {},
): AlertNotification[] {
  const policy = options.policy ?? defaultPolicy;
  const calendar = options.calendar ?? policy.calendar;
  const since = options.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const level = complaint.severity.level;
  const round = complaint.round;
  const out: AlertNotification[] = [];
  if (!isActive(complaint.status)) return out;
  const base = {
    complaintId: complaint.id,
    level,
    round,
    subject: subjectOf(complaint),
    ...(complaint.caseNumber ? { caseNumber: complaint.caseNumber } : {}),
  };
  const add = (n: Omit<AlertNotification, keyof typeof base>) => {
    if (!alreadySent.has(n.id) && Date.parse(n.at) >= since) out.push({ ...base, ...n });
  };

  if (isOpen(complaint.status) && complaint.registeredAt && severityAtLeast(level, 'L3')) {
    add({
      id: `${complaint.id}:severity:severe_${level}:${round}`,
      kind: 'severe',
      at: complaint.registeredAt,
      audience: 'supervisor',
      priority: 2,
    });
  }

  const urgent = complaint.urgent || severityAtLeast(level, 'L3');
  const receivedOutOfHours = !isWorkingTime(new Date(complaint.receivedAt), calendar);
  if (urgent && receivedOutOfHours && !isWorkingTime(now, calendar)) {
    add({
      id: `${complaint.id}:onCall:urgent:1`,
      kind: 'onCall',
      at: complaint.receivedAt,
      audience: 'onCall',
      priority: 2,
      ...(options.onCallContact ? { onCallContact: options.onCallContact } : {}),
    });
  }

  const chosen = options.clocks?.[level] ?? DEFAULT_ALERT_CLOCKS[level];
  for (const d of deadlines.clocks) {
    if (d.stoppedAt || !chosen.includes(d.clock)) continue;
    const due = d.dueAt.getTime();
    const common = {
      clock: d.clock,
      dueAt: d.dueAt.toISOString(),
      audience: 'supervisor' as const,
    };
    if (d.state === 'breached') {
      add({
        id: `${complaint.id}:${d.clock}:breach:${round}:${due}`,
        kind: 'breach',
        at: common.dueAt,
        priority: 2,
        ...common,
      });
    } else if (d.state === 'at_risk') {
      add({
        id: `${complaint.id}:${d.clock}:warn:${round}:${due}`,
        kind: 'warn',
        at: d.warnAt.toISOString(),
        priority: 1,
        ...common,
      });
    }
  }
  return out.sort((a, b) => b.priority - a.priority || a.at.localeCompare(b.at));
}

/** A notification's title and message in `locale`, the due time relative to `now`. */
export function notificationText(
  n: AlertNotification,
  locale: Locale,
  now: Date,
): { title: string; message: string } {
  const caseLabel = n.caseNumber ?? t(locale, 'alert.unregistered');
  const body = t(locale, 'alert.body', { caseLabel, subject: n.subject });
  const clock = n.clock ? tKey(locale, `clock.${n.clock}`) : '';
  const due = n.dueAt ? ` — ${formatDue(new Date(n.dueAt), now, locale)}` : '';
  switch (n.kind) {
    case 'severe':
      return {
        title: t(locale, 'alert.severe.title', { level: tKey(locale, `severity.${n.level}`) }),
        message: body,
      };
    case 'warn':
      return { title: t(locale, 'alert.warn.title', { clock }), message: body + due };
    case 'breach':
      return { title: t(locale, 'alert.breach.title', { clock }), message: body + due };
    default:
      return {
        title: t(locale, 'alert.onCall.title'),
        message: t(locale, 'alert.onCall.body', {
          contact: n.onCallContact ?? '',
          caseLabel,
          subject: n.subject,
        }),
      };
  }
}
