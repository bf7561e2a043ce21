import type { ComplaintState } from '../schema/complaint';
import type { Actor, EventOf } from '../schema/event';
import { computeDeadlines } from '../sla/index';
import { applyDuration } from '../sla/deadline-for';
import { compileCalendar } from '../sla/compiled-calendar';
import { MS_PER_DAY, fromLocal, toLocal } from '../sla/zoned-time';
import { OPEN_STATUSES } from './guard';
import { stableUuid } from './stable-id';
import { workflowEnv } from './env';
import type { WorkflowContext } from './types';

/** The server (or an offline device on its behalf) acting on a rule, not a person. */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Complaint Desk', role: 'system' };

interface Due {
  /** Identifies the breach: the same breach is escalated once, whoever notices it. */
  breach: string;
  at: number;
  reason: string;
  to?: EventOf<'escalated'>['payload']['to'];
}

/**
 * Booked visits missed on `days` calendar days running (R-ESC-3): a visit is missed once its local
 * day ended without it being made. Each run of `days` consecutive missed days is one breach, due
 * at the end of its last day.
 */
function missedVisits(
  state: ComplaintState,
  now: Date,
  zone: string,
  rule: { days: number; to: Due['to'] },
): Due[] {
  const missed = new Set<number>();
  for (const v of state.visits ?? []) {
    const day = Math.floor(toLocal(zone, Date.parse(v.for)) / MS_PER_DAY);
    const end = fromLocal(zone, (day + 1) * MS_PER_DAY);
    const made = v.madeAt !== undefined && Date.parse(v.madeAt) < end;
    if (!made && now.getTime() > end) missed.add(day);
  }
  const out: Due[] = [];
  for (const first of missed) {
    const last = first + rule.days - 1;
    let run = true;
    for (let d = first; d <= last; d++) run &&= missed.has(d);
    if (!run) continue;
    const date = new Date(first * MS_PER_DAY).toISOString().slice(0, 10);
    out.push({
      breach: `visits@${date}`,
      at: fromLocal(zone, (last + 1) * MS_PER_DAY),
      reason: 'visits missed',
      to: rule.to,
    });
  }
  return out;
}

/**
 * Which rule an automatic escalation answered, from its breach key: a clock name (`reply`…),
 * `unfinished` or `visits` — so a screen can say why in words (the stored reason is a code).
 */
export function breachKind(breach: string): string {
  return breach.split('@')[0] ?? '';
}

/**
 * The `escalated` events the system owes a complaint at `now` (docs/rules.md §4 rule 7, §5), in
 * time order: one per breach of a clock in `policy.autoEscalation.onBreach` (one tier up), and
 * the procedures' named ones (`unfinished`: no reply in the first round `after` the first
 * report → at least `to`'s tier). A breach already answered (`escalations[].breach`) or one
 * with no tier left to raise gives nothing.
 *
 * Pure and deterministic: the event id derives from the complaint and the breach, the time is
 * the breach time, so the server's job and an offline extension produce the same event and
 * the event log's idempotency by id keeps one.
 */
export function dueEscalations(
  state: ComplaintState,
  now: Date,
  ctx: WorkflowContext = {},
): EventOf<'escalated'>[] {
  const { policy, calendar } = workflowEnv(ctx);
  const rules = policy.autoEscalation;
  if (!OPEN_STATUSES.includes(state.status)) return [];
  const due: Due[] = [];
  for (const c of computeDeadlines(state, now, policy, calendar).clocks) {
    if (c.state !== 'breached' || !rules.onBreach.includes(c.clock)) continue;
    due.push({
      breach: `${c.clock}@${c.startedAt.toISOString()}`,
      at: c.dueAt.getTime(),
      reason: `${c.clock} breached`,
    });
  }
  if (rules.unfinished && state.round === 1 && state.repliedAt === undefined) {
    const received = Date.parse(state.receivedAt);
    const track = { unknown: false };
    const at = applyDuration(compileCalendar(calendar), received, rules.unfinished.after, track);
    if (now.getTime() > at) {
      const breach = `unfinished@${new Date(received).toISOString()}`;
      due.push({ breach, at, reason: 'unfinished', to: rules.unfinished.to });
    }
  }
  if (rules.missedVisits)
    due.push(...missedVisits(state, now, calendar.timeZone, rules.missedVisits));
  due.sort((a, b) => a.at - b.at || (a.breach < b.breach ? -1 : 1));

  const answered = new Set(state.escalations.map((e) => e.breach));
  const top = policy.escalationTiers.length - 1;
  let tier = state.tier;
  const events: EventOf<'escalated'>[] = [];
  for (const d of due) {
    if (answered.has(d.breach)) continue;
    const target = d.to !== undefined ? policy.escalationTiers.indexOf(d.to) : tier + 1;
    if (tier >= top || target <= tier) continue;
    tier = Math.min(target, top);
    const payload: EventOf<'escalated'>['payload'] = {
      reason: d.reason,
      auto: true,
      breach: d.breach,
    };
    if (d.to !== undefined) payload.to = d.to;
    events.push({
      id: stableUuid(`${state.id}/escalated/${d.breach}`),
      complaintId: state.id,
      type: 'escalated',
      at: new Date(Math.max(d.at, Date.parse(state.receivedAt))).toISOString(),
      actor: SYSTEM_ACTOR,
      payload,
    });
  }
  return events;
}
