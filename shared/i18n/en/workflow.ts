import type { EventType } from '../../schema/codes';
import { common } from './common';

/** Messages of shared/workflow. Source catalogue. */
const events = {
  'event.captured': 'Capture',
  'event.draftUpdated': 'Edit draft',
  'event.registered': 'Register',
  'event.caseNumberAssigned': 'Assign case number',
  'event.classified': 'Classify',
  'event.assigned': 'Assign',
  'event.contacted': 'Contact customer',
  'event.noteAdded': 'Add note',
  'event.severityOverridden': 'Override severity',
  'event.resolutionProposed': 'Propose resolution',
  'event.approved': 'Approve',
  'event.approvalRejected': 'Reject proposal',
  'event.replied': 'Reply to customer',
  'event.callbackRecorded': 'Record callback',
  'event.reopened': 'Reopen',
  'event.escalated': 'Escalate',
  'event.markedInvalid': 'Mark invalid',
  'event.invalidConfirmed': 'Confirm invalid verdict',
  'event.withdrawn': 'Record withdrawal',
  'event.transferred': 'Transfer',
  'event.deadlineExtended': 'Extend deadline',
  'event.closed': 'Close',
  'event.personalDataErased': 'Erase personal data',
  'event.visitBooked': 'Book a visit',
  'event.visitMade': 'Visit made',
} as const satisfies Record<`event.${EventType}`, string>;

type Lookup = Record<string, string>;
const name = (catalog: Lookup, key: string) => catalog[key] ?? key;
const eventName = (event: string) => name(events, `event.${event}`);
const statusName = (status: string) => name(common, `status.${status}`).toLowerCase();
const roleName = (role: string) => name(common, `role.${role}`).toLowerCase();

export const workflow = {
  ...events,

  'workflow.event.invalid': (p: { fields?: string }) =>
    p.fields
      ? `This action is malformed and was not recorded. Check: ${p.fields}.`
      : 'This action is malformed and was not recorded.',
  'workflow.event.otherComplaint': 'This action belongs to another complaint.',
  'workflow.event.duplicate': 'This action was already recorded.',
  'workflow.noComplaint': (p: { event: string }) =>
    `“${eventName(p.event)}” needs an existing complaint; capture or register it first.`,
  'workflow.forbidden': (p: { event: string; role: string }) =>
    `The ${roleName(p.role)} role may not “${eventName(p.event)}”.`,
  'workflow.illegal': (p: { event: string; status: string }) =>
    `“${eventName(p.event)}” is not possible while the complaint is ${statusName(p.status)}.`,
  'workflow.time.beforeReceived': 'This action is dated before the complaint was received.',
  'workflow.reasonRequired': 'Give a reason.',
  'workflow.register.invalid': (p: { fields: string }) =>
    `The record is not complete enough to register. Check: ${p.fields}.`,
  'workflow.caseNumber.alreadyIssued':
    'The server has already issued this complaint’s case number.',
  'workflow.classify.empty': 'Choose a category or a department.',
  'workflow.classify.unknownCategory': (p: { category: string }) =>
    `“${p.category}” is not one of the organisation’s categories.`,
  'workflow.unknownDepartment': (p: { department: string }) =>
    `“${p.department}” is not one of the organisation’s departments.`,
  'workflow.assign.notRegistered': 'Register the complaint before assigning it.',
  'workflow.assign.recusal': 'The complaint is about this person; assign it to someone else.',
  'workflow.note.empty': 'Write the note first.',
  'workflow.resolution.contactFirst': 'Contact the customer before proposing a resolution.',
  'workflow.resolution.descriptionRequired': 'Describe the proposed resolution.',
  'workflow.resolution.rootCauseRequired': 'The company is responsible: record the root cause.',
  'workflow.resolution.correctiveActionRequired':
    'The company is responsible: record the corrective action.',
  'workflow.resolution.amountRequired': 'Enter the compensation amount.',
  'workflow.resolution.currency': (p: { currency: string; expected: string }) =>
    `Amounts are approved in ${p.expected}; convert the ${p.currency} amount first.`,
  'workflow.resolution.beyondAuthority': (p: { amount: number }) =>
    `No role may approve an offer of ${p.amount}.`,
  'workflow.approve.insufficient': (p: { role: string }) =>
    `This offer needs approval from the ${roleName(p.role)} role (or someone with a higher limit).`,
  'workflow.reply.resolutionRequired':
    'Record the responsibility and the resolution before replying.',
  'workflow.reply.approvalPending': 'The resolution is still waiting for approval.',
  'workflow.reply.messageRequired': 'Write the reply to the customer.',
  'workflow.callback.attemptRequired':
    'Record when the SMS or email was sent before marking the customer unreachable.',
  'workflow.callback.tooEarly': (p: { days: number }) =>
    `Wait ${p.days} working ${p.days === 1 ? 'day' : 'days'} after the SMS or email before marking the customer unreachable.`,
  'workflow.close.callbackRequired':
    'Record a callback outcome (satisfied, declined or unreachable) before closing.',
  'workflow.reopen.verdictNeedsLead':
    'Only a supervisor or manager may overturn an invalid verdict.',
  'workflow.escalate.top': 'The complaint is already at the highest tier.',
  'workflow.invalid.explanationRequired': 'Write the explanation the customer will receive.',
  'workflow.invalid.alreadyConfirmed': 'This verdict is already confirmed.',
  'workflow.transfer.destinationRequired': 'Say where the complaint is transferred to.',
  'workflow.extend.customerAgreement':
    'A deadline can only be extended with the customer’s agreement.',
  'workflow.extend.untilPast': 'The new deadline must be later than now.',
  'workflow.extend.clockNotRunning': (p: { clock: string }) =>
    `The ${name(common, `clock.${p.clock}`).toLowerCase()} deadline is not running.`,

  'workflow.review.invalidVerdict': 'Invalid verdict to confirm',
  'workflow.review.unsatisfied': 'Customer unsatisfied at callback',
  'workflow.review.unreachable': 'Closed as unreachable',
  'workflow.review.reassigned': 'Reassigned twice or more',
} as const;
