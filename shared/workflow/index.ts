export { SYSTEM_ACTOR, breachKind, dueEscalations } from './auto-escalation';
export {
  type ActionCheck,
  type AvailableAction,
  availableActions,
  canApply,
} from './actions';
export {
  type ApproverResult,
  approvalLimit,
  canApprove,
  requiredApprover,
  roleRank,
  topTierRole,
  withinApprovalLimit,
} from './authority';
export { type FoldEffect, type FoldResult, type RejectedEvent, fold } from './fold';
export { LEGAL_FROM, OPEN_STATUSES, TERMINAL_STATUSES } from './guard';
export {
  REVIEW_REASONS,
  type ReviewReason,
  WORKFLOW_REASONS,
  type WorkflowReason,
} from './reasons';
export { OTHER_CAUSE, lateReplyDue } from './resolution-rules';
export { handledLevel, tierForLevel } from './severity';
export { CLOCK_SKEW_TOLERANCE_MS, transition, workflowEnv } from './transition';
export type {
  Effect,
  ReasonParams,
  Refusal,
  TransitionResult,
  WorkflowContext,
  WorkflowEnv,
} from './types';
