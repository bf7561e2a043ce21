import {
  type NotificationChannel,
  type Notifications,
  TEAM_EVENTS,
  type TeamEventKind,
} from '../policy/notifications';
import type { Policy } from '../policy/policy';
import type { ClockId, EventType, Role, SeverityLevel } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { isActive } from '../review/queue-views';
import { severityAtLeast } from '../severity/index';
import {
  type BusinessCalendar,
  type DeadlineSummary,
  isWorkingTime,
  nextWorkingStart,
} from '../sla/index';
import type { Effect } from '../workflow/types';
import { type AlertClocks, notificationsDue } from './notifications';

/** Something the team hears about once; the key makes every server enqueue it once. */
export interface TeamEvent {
  /** Stable across restarts and servers: `<event id>:<kind>` or the clock alert's id. */
  key: string;
  kind: TeamEventKind;
  complaintId: string;
  level: SeverityLevel;
  /** When it happened (the event, the warning time, the due time). */
  at: string;
  clock?: ClockId;
  dueAt?: string;
  /** approval: the approver's role; escalated: the tier's overseer. */
  role?: Role;
  tier?: number;
  round?: number;
}

/** The accepted event as the shell stored it. */
export interface SourceEvent {
  id: string;
  type: EventType;
  complaintId: string;
  at: string;
}

/**
 * The team events of one accepted event, from the effects `transition` returned for it.
 * A registration's tier raise is told as the second complaint (or the severe alert), not twice.
 */
export function teamEventsOf(
  event: SourceEvent,
  effects: readonly Effect[],
  state: Pick<ComplaintState, 'severity' | 'secondComplaintOf'>,
): TeamEvent[] {
  const base = { complaintId: event.complaintId, level: state.severity.level, at: event.at };
  const out: TeamEvent[] = [];
  const add = (kind: TeamEventKind, extra: Partial<TeamEvent> = {}) => {
    if (!out.some((e) => e.kind === kind))
      out.push({ key: `${event.id}:${kind}`, kind, ...base, ...extra });
  };
  const registration = event.type === 'registered';
  for (const effect of effects) {
    switch (effect.type) {
      case 'alertSevere':
        add('severe', { level: effect.level });
        break;
      case 'alertOnCall':
        add('onCall');
        break;
      case 'approvalRequired':
        add('approval', { role: effect.role });
        break;
      case 'escalated':
        if (!registration) add('escalated', { role: effect.role, tier: effect.tier });
        break;
      case 'reopened':
        add('reopened', { round: effect.round });
        break;
      case 'supervisorReview':
        break;
    }
  }
  if (registration && state.secondComplaintOf) add('secondComplaint');
  return out;
}

/** Every clock of every level is watched by the server (the extension's choice is per user). */
const ALL_CLOCKS: AlertClocks = {
  L0: ['forward', 'firstContact', 'reply', 'progress', 'close', 'callback'],
  L1: ['forward', 'firstContact', 'reply', 'progress', 'close', 'callback'],
  L2: ['forward', 'firstContact', 'reply', 'progress', 'close', 'callback'],
  L3: ['forward', 'firstContact', 'reply', 'progress', 'close', 'callback'],
  L4: ['forward', 'firstContact', 'reply', 'progress', 'close', 'callback'],
};

/**
 * The clock warnings (75 %) and breaches due for a complaint at `now`, keyed like the
 * extension's alerts (a moved deadline alerts again). The callback clock's warning is told as
 * "callback due". Nothing that became due before `since` (when notifications were switched on).
 */
export function clockTeamEvents(
  state: ComplaintState,
  deadlines: DeadlineSummary,
  now: Date,
  { since, policy }: { since?: Date; policy: Policy },
): TeamEvent[] {
  return notificationsDue(state, deadlines, now, new Set(), {
    clocks: ALL_CLOCKS,
    policy,
    ...(since ? { since } : {}),
  })
    .filter((n) => n.kind === 'warn' || n.kind === 'breach')
    .map((n) => ({
      key: n.id,
      kind: n.kind === 'warn' && n.clock === 'callback' ? 'callbackDue' : n.kind,
      complaintId: n.complaintId,
      level: n.level,
      at: n.at,
      ...(n.clock ? { clock: n.clock } : {}),
      ...(n.dueAt ? { dueAt: n.dueAt } : {}),
      round: n.round,
    }));
}

/**
 * The first moment after `after` at which `clockTeamEvents` would find something new for this
 * complaint: a running clock's warning time (at risk from `warnAt`) or the millisecond after its
 * due time (breached only once past due). Undefined when no clock can alert any more (closed,
 * every clock stopped). Without `after`, the earliest such moment at all: a deadline that moved
 * into the past must still be looked at once. The server stores it per complaint so the clock
 * scan reads only the complaints with something due, not every open one.
 */
export function nextClockAlertAt(
  state: Pick<ComplaintState, 'status'>,
  deadlines: DeadlineSummary,
  after?: Date,
): Date | undefined {
  if (!isActive(state.status)) return undefined;
  const floor = after?.getTime() ?? Number.NEGATIVE_INFINITY;
  let next = Number.POSITIVE_INFINITY;
  for (const d of deadlines.clocks) {
    if (d.stoppedAt) continue;
    for (const moment of [d.warnAt.getTime(), d.dueAt.getTime() + 1])
      if (moment > floor && moment < next) next = moment;
  }
  return next === Number.POSITIVE_INFINITY ? undefined : new Date(next);
}

/** Goes out at once day or night: an L3/L4 case, a breach, the on-call alert. */
export function isImmediate(e: Pick<TeamEvent, 'kind' | 'level'>): boolean {
  return e.kind === 'breach' || e.kind === 'onCall' || severityAtLeast(e.level, 'L3');
}

/** A channel id that is not a policy channel: the on-call contact's email. */
export const ON_CALL_EMAIL = '@on-call';

export interface Route {
  /** A channel id of the policy (or of the server's environment), or `ON_CALL_EMAIL`. */
  channel: string;
  /** Quiet hours: not before the next working start. */
  notBefore: Date;
}

function takes(channel: NotificationChannel, e: TeamEvent): boolean {
  if (channel.enabled === false || channel.type === 'sms') return false;
  if (!(channel.events ?? TEAM_EVENTS).includes(e.kind)) return false;
  if (e.role && channel.roles && !channel.roles.includes(e.role)) return false;
  return !channel.minSeverity || severityAtLeast(e.level, channel.minSeverity);
}

/**
 * Where a team event goes and when (docs/rules.md §1 quiet hours): every enabled channel that takes
 * its kind at its level (an approval or escalation only where its role's tier listens, when a
 * channel names roles); out of working time only immediate events go now, the rest wait for
 * the next working start of the business calendar. The on-call alert also goes to the on-call
 * contact (email and/or their channel), whatever the channel filters say.
 */
export function routeTeamEvent(
  e: TeamEvent,
  channels: readonly NotificationChannel[],
  notifications: Pick<Notifications, 'onCall'> | undefined,
  calendar: BusinessCalendar,
  now: Date,
): Route[] {
  const notBefore =
    isImmediate(e) || isWorkingTime(now, calendar) ? now : nextWorkingStart(now, calendar);
  const ids = new Set(channels.filter((c) => takes(c, e)).map((c) => c.id));
  const onCall = notifications?.onCall;
  if (e.kind === 'onCall' && onCall) {
    const own = channels.find((c) => c.id === onCall.channel && c.enabled !== false);
    if (own) ids.add(own.id);
    if (onCall.email) ids.add(ON_CALL_EMAIL);
  }
  return [...ids].map((channel) => ({ channel, notBefore }));
}
