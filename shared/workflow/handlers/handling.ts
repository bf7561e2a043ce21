import type { ComplaintState } from '../../schema/complaint';
import { isRunning, startClock, stopClock, restartClock } from '../clocks';
import { applySeverity, raiseTier, settleLevel } from '../severity';
import { type WorkflowEnv, refuse } from '../types';
import { departmentFor } from './intake';
import { type Handler, done, isBefore, isBlank, lift } from './step';

function knownDepartment(code: string, env: WorkflowEnv): boolean {
  return env.policy.departments.some((d) => d.code === code);
}

/** Names compared as people type them: case, width and spacing do not make a different person. */
function samePerson(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

export const classified: Handler<'classified'> = (state, event, env) => {
  const { category, department, vip } = event.payload;
  if (category === undefined && department === undefined && vip === undefined) {
    return refuse('workflow.classify.empty');
  }
  if (category !== undefined && !env.policy.categories.some((c) => c.code === category)) {
    return refuse('workflow.classify.unknownCategory', { category });
  }
  if (department !== undefined && !knownDepartment(department, env)) {
    return refuse('workflow.unknownDepartment', { department });
  }
  const next: ComplaintState = {
    ...state,
    category: category ?? state.category,
    department: department ?? departmentFor(category, env) ?? state.department,
    vip: vip ?? state.vip,
  };
  return lift(applySeverity({ state: next, effects: [] }, event.at, env));
};

/**
 * Rule 1 (only registered complaints) is the guard's; here rule 2, recusal: the assignee may not
 * be the person complained about. A change of department or handler counts as a reassignment;
 * the second one puts the case in the supervisor queue (buck-passing, 推诿).
 */
export const assigned: Handler<'assigned'> = (state, event, env) => {
  const p = event.payload;
  if (!knownDepartment(p.department, env)) {
    return refuse('workflow.unknownDepartment', { department: p.department });
  }
  const about = state.record.complainedAbout;
  const recused =
    (p.handlerId !== undefined &&
      about?.personId !== undefined &&
      p.handlerId === about.personId) ||
    (p.handlerName !== undefined &&
      about?.personName !== undefined &&
      samePerson(p.handlerName, about.personName));
  if (recused) return refuse('workflow.assign.recusal');

  const prev = state.assignment;
  // A handler is identified by id when one is given, else by name.
  const who = (a: { handlerId?: string; handlerName?: string }) => a.handlerId ?? a.handlerName;
  const changed = prev !== undefined && (prev.department !== p.department || who(prev) !== who(p));
  const reassignCount = state.reassignCount + (changed ? 1 : 0);
  const next: ComplaintState = {
    ...state,
    // A reassignment keeps a contacted case in progress: the customer was already reached.
    status: state.status === 'in_progress' ? 'in_progress' : 'assigned',
    department: p.department,
    assignment: {
      department: p.department,
      handlerId: p.handlerId,
      handlerName: p.handlerName,
      at: event.at,
      by: event.actor,
    },
    reassignCount,
    clocks: startClock(stopClock(state.clocks, 'forward', event.at), 'firstContact', event.at),
  };
  return done(
    next,
    changed && reassignCount >= 2 ? [{ type: 'supervisorReview', why: 'reassigned' }] : [],
  );
};

/**
 * The customer heard from us: the feedback promised earlier is kept, and a new promise made now
 * (`nextFeedbackAt`) starts the feedback clock again (docs/rules.md R-FEEDBACK-1).
 */
function fedBack(
  clocks: ComplaintState['clocks'],
  at: string,
  nextFeedbackAt: string | undefined,
): ComplaintState['clocks'] {
  const stopped = stopClock(clocks, 'feedback', at);
  return nextFeedbackAt
    ? { ...stopped, feedback: { startedAt: at, agreedDueAt: nextFeedbackAt } }
    : stopped;
}

/**
 * The customer reached stops the first-contact clock; an attempt nobody answered is recorded
 * in the log but is no contact (docs/rules.md §5: "customer contacted").
 */
export const contacted: Handler<'contacted'> = (state, event) => {
  const p = event.payload;
  if (p.outcome === 'call_back' && !p.callBackAt) return refuse('workflow.contact.callBackAt');
  if (p.outcome === 'no_answer') return done(state);
  return done({
    ...state,
    status: 'in_progress',
    contactedAt: state.contactedAt ?? event.at,
    clocks: fedBack(
      stopClock(state.clocks, 'firstContact', event.at),
      event.at,
      event.payload.nextFeedbackAt,
    ),
  });
};

/** A progress note restarts the running progress clock (docs/rules.md §5). */
export const noteAdded: Handler<'noteAdded'> = (state, event) => {
  if (isBlank(event.payload.text)) return refuse('workflow.note.empty');
  if (!event.payload.progress) return done({ ...state, notes: state.notes + 1 });
  const clocks = isRunning(state.clocks, 'progress')
    ? restartClock(state.clocks, 'progress', event.at)
    : state.clocks;
  return done({
    ...state,
    notes: state.notes + 1,
    lastProgressAt: event.at,
    clocks: fedBack(clocks, event.at, event.payload.nextFeedbackAt),
  });
};

/** Either way, with a reason; kept across every later re-assessment (docs/rules.md §3). */
export const severityOverridden: Handler<'severityOverridden'> = (state, event, env) => {
  const { level, reason } = event.payload;
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  const next: ComplaintState = {
    ...state,
    severity: {
      ...state.severity,
      override: { level, reason, by: event.actor, at: event.at, round: state.round },
    },
  };
  return lift(settleLevel({ state: next, effects: [] }, state.severity.level, event.at, env));
};

/**
 * One tier up, on demand or by the system on an SLA breach (rule 7); with `to`, up to at least
 * that role's tier (the procedures' named escalations). The guard stops at the top.
 */
export const escalated: Handler<'escalated'> = (state, event, env) => {
  const { reason, auto = false, to, breach } = event.payload;
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  let target = state.tier + 1;
  if (to !== undefined) {
    target = env.policy.escalationTiers.indexOf(to);
    if (target < 0) return refuse('workflow.escalate.unknownRole', { role: to });
  }
  return lift(
    raiseTier({ state, effects: [] }, target, 'event', event.at, env, {
      reason,
      by: event.actor,
      auto,
      ...(breach !== undefined ? { breach } : {}),
    }),
  );
};

/** Rule 8: only with the customer's agreement and a reason; the agreed time replaces the target. */
export const deadlineExtended: Handler<'deadlineExtended'> = (state, event) => {
  const { clock, until, reason, customerAgreed } = event.payload;
  if (customerAgreed !== true) return refuse('workflow.extend.customerAgreement');
  if (isBlank(reason)) return refuse('workflow.reasonRequired');
  if (Number.isNaN(Date.parse(until)) || !isBefore(event.at, until)) {
    return refuse('workflow.extend.untilPast');
  }
  const span = state.clocks[clock];
  if (!span || !isRunning(state.clocks, clock))
    return refuse('workflow.extend.clockNotRunning', { clock });
  return done({
    ...state,
    clocks: { ...state.clocks, [clock]: { ...span, agreedDueAt: until } },
    extensions: [...state.extensions, { clock, until, reason, by: event.actor, at: event.at }],
  });
};
