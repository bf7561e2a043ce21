import type { MessageKey } from '../i18n/index';

/**
 * Every reason `transition` can refuse an event with. Each is a message key in both catalogues
 * (a test checks zh-CN; `satisfies` checks en at compile time).
 */
export const WORKFLOW_REASONS = [
  'workflow.event.invalid',
  'workflow.event.otherComplaint',
  'workflow.event.duplicate',
  'workflow.noComplaint',
  'workflow.forbidden',
  'workflow.illegal',
  'workflow.time.beforeReceived',
  'workflow.reasonRequired',
  'workflow.register.invalid',
  'workflow.caseNumber.alreadyIssued',
  'workflow.classify.empty',
  'workflow.classify.unknownCategory',
  'workflow.unknownDepartment',
  'workflow.assign.notRegistered',
  'workflow.assign.recusal',
  'workflow.note.empty',
  'workflow.resolution.contactFirst',
  'workflow.resolution.descriptionRequired',
  'workflow.resolution.rootCauseRequired',
  'workflow.resolution.unknownRootCause',
  'workflow.resolution.sharesNeedCompany',
  'workflow.resolution.sharesInvalid',
  'workflow.resolution.correctiveActionRequired',
  'workflow.resolution.amountRequired',
  'workflow.resolution.currency',
  'workflow.resolution.beyondAuthority',
  'workflow.approve.insufficient',
  'workflow.reply.resolutionRequired',
  'workflow.reply.approvalPending',
  'workflow.reply.messageRequired',
  'workflow.reply.lateReasonRequired',
  'workflow.callback.attemptRequired',
  'workflow.callback.tooEarly',
  'workflow.close.callbackRequired',
  'workflow.reopen.verdictNeedsLead',
  'workflow.escalate.top',
  'workflow.erase.already',
  'workflow.visit.noneBooked',
  'workflow.escalate.unknownRole',
  'workflow.invalid.explanationRequired',
  'workflow.invalid.alreadyConfirmed',
  'workflow.transfer.destinationRequired',
  'workflow.extend.customerAgreement',
  'workflow.extend.untilPast',
  'workflow.extend.clockNotRunning',
  'workflow.contact.callBackAt',
] as const satisfies readonly MessageKey[];

/** Why an event was refused: a message key of the `workflow.*` area. */
export type WorkflowReason = (typeof WORKFLOW_REASONS)[number];

/** Why an invalid verdict, a callback or a reassignment needs a supervisor's eyes (§6). */
export const REVIEW_REASONS = [
  'invalidVerdict',
  'unsatisfied',
  'unreachable',
  'reassigned',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
