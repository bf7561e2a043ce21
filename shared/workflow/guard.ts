import type { ActorRole, EventType, Status } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { canApprove, roleRank } from './authority';
import { OPEN_STATUSES, TERMINAL_STATUSES } from './statuses';
import { type Refusal, type WorkflowEnv, refuse } from './types';

export { OPEN_STATUSES, TERMINAL_STATUSES };

const REGISTERED: readonly Status[] = [...OPEN_STATUSES, ...TERMINAL_STATUSES];

/**
 * The statuses each event may be applied in (docs/rules.md §4). `null` means "only when the
 * complaint does not exist yet". Status-specific refusals with a better reason than
 * `workflow.illegal` are decided in `guard`.
 */
export const LEGAL_FROM: Record<EventType, readonly Status[] | null> = {
  captured: null,
  draftUpdated: ['draft'],
  registered: ['draft'],
  caseNumberAssigned: REGISTERED,
  classified: OPEN_STATUSES,
  assigned: ['registered', 'assigned', 'in_progress'],
  contacted: ['assigned', 'in_progress'],
  // A note changes no status, so it is allowed everywhere, terminal states included.
  noteAdded: ['draft', ...REGISTERED],
  severityOverridden: OPEN_STATUSES,
  resolutionProposed: ['assigned', 'in_progress', 'resolution_proposed'],
  approved: ['awaiting_approval'],
  approvalRejected: ['awaiting_approval'],
  replied: ['resolution_proposed'],
  callbackRecorded: ['replied', 'follow_up'],
  reopened: ['replied', 'follow_up', 'closed', 'invalid'],
  escalated: OPEN_STATUSES,
  markedInvalid: ['assigned', 'in_progress', 'resolution_proposed'],
  invalidConfirmed: ['invalid'],
  withdrawn: OPEN_STATUSES,
  transferred: [
    'registered',
    'assigned',
    'in_progress',
    'resolution_proposed',
    'awaiting_approval',
  ],
  deadlineExtended: OPEN_STATUSES,
  closed: ['follow_up'],
  personalDataErased: TERMINAL_STATUSES,
  visitBooked: OPEN_STATUSES,
  visitMade: OPEN_STATUSES,
};

/**
 * Whether an actor with `role` may append an event of `type` to `state`, judged on everything
 * but the payload: permissions (policy), the status, and the status-dependent rules. `null`
 * when allowed.
 */
export function guard(
  state: ComplaintState | undefined,
  type: EventType,
  role: ActorRole,
  env: WorkflowEnv,
): Refusal | null {
  if (!env.policy.permissions[type]?.includes(role))
    return refuse('workflow.forbidden', { event: type, role });
  if (!state) {
    return type === 'captured' || type === 'registered'
      ? null
      : refuse('workflow.noComplaint', { event: type });
  }
  const { status } = state;
  // An erased case is an anonymised record: nothing more happens to it (docs/rules.md R-PIPL-1).
  if (state.erasedAt) return refuse('workflow.erase.already');
  if (!isLegal(state, type)) return illegalBecause(state, type);

  switch (type) {
    case 'caseNumberAssigned':
      return state.caseNumberIssuer === 'server'
        ? refuse('workflow.caseNumber.alreadyIssued')
        : null;
    case 'resolutionProposed':
      // Anonymous complainants cannot be contacted; investigating is enough.
      return status === 'assigned' && state.replyPossible
        ? refuse('workflow.resolution.contactFirst')
        : null;
    case 'approved': {
      const r = state.resolution;
      if (r && !canApprove(role, r, env.policy)) {
        return refuse('workflow.approve.insufficient', { role: r.requiredRole ?? role });
      }
      return null;
    }
    case 'reopened':
      // Overturning an invalid verdict is a supervisor's decision (docs/rules.md §6).
      return status === 'invalid' && roleRank(role) < roleRank('supervisor')
        ? refuse('workflow.reopen.verdictNeedsLead')
        : null;
    case 'escalated':
      return state.tier >= env.policy.escalationTiers.length - 1
        ? refuse('workflow.escalate.top')
        : null;
    case 'invalidConfirmed':
      return state.verdict?.confirmed ? refuse('workflow.invalid.alreadyConfirmed') : null;
    case 'visitMade':
      // Judged here, not in the handler, so the case page does not offer it (R-ESC-3).
      return pendingVisit(state) < 0 ? refuse('workflow.visit.noneBooked') : null;
    default:
      return null;
  }
}

/** Index of the earliest booked visit not yet made, -1 when there is none. */
export function pendingVisit(state: ComplaintState): number {
  return (state.visits ?? []).findIndex((v) => v.madeAt === undefined);
}

function isLegal(state: ComplaintState, type: EventType): boolean {
  const legal = LEGAL_FROM[type];
  if (legal?.includes(state.status)) return true;
  // Nobody to call back: an anonymous case closes once the outcome is recorded.
  return type === 'closed' && state.status === 'replied' && !state.replyPossible;
}

/** The refusal for an event outside its legal statuses: a rule's own reason where one applies. */
function illegalBecause(state: ComplaintState, type: EventType): Refusal {
  const { status } = state;
  const open = OPEN_STATUSES.includes(status);
  if (type === 'assigned' && status === 'draft') return refuse('workflow.assign.notRegistered');
  if (type === 'closed' && open) return refuse('workflow.close.callbackRequired');
  if (type === 'replied' && status === 'awaiting_approval')
    return refuse('workflow.reply.approvalPending');
  if (type === 'replied' && open && status !== 'replied' && status !== 'follow_up') {
    return refuse('workflow.reply.resolutionRequired');
  }
  return refuse('workflow.illegal', { event: type, status });
}
