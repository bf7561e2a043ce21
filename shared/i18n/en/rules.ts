/** Messages of the procedures' rules added in round two (docs/rules.md). Source catalogue. */
export const rules = {
  'workflow.reply.lateReasonRequired': (p: { due: string }) =>
    `The reply target (${p.due}) has passed: write why the reply is late.`,
  'workflow.resolution.unknownRootCause': (p: { code: string }) =>
    `${p.code} is not one of this organisation's root causes.`,
  'workflow.resolution.sharesNeedCompany':
    'Only the company’s own fault can be shared between departments.',
  'workflow.resolution.sharesInvalid':
    'Name each department once; their shares must add up to 100 %.',
  'workflow.erase.already':
    'The personal data of this complaint were erased: it is an anonymised record now.',
  'severity.rule.erased': 'Level kept when the personal data were erased',
  'privacy.stillOpen':
    'Still being handled: close, withdraw or transfer it before erasing the personal data.',
  'ext.policy.server': (p: { version: string }) =>
    `Rules in force: the team server’s policy, version ${p.version}`,
  'ext.policy.default': 'Rules in force: the built-in defaults',
  'workflow.visit.noneBooked': 'No visit is booked that has not taken place yet.',
  'clock.feedback': 'Promised feedback',
  'report.otherCauses': 'Causes filed under “other”, as written',
  'report.byResponsibleDepartment': 'Company fault by responsible department (shares by ratio)',
  'report.vip': 'Important customers (VIP)',
  'report.handled': 'Handled',
  'cause.design': 'Design',
  'cause.material': 'Material',
  'cause.manufacturing': 'Manufacturing',
  'cause.inspection': 'Inspection missed it',
  'cause.transport': 'Transport and storage',
  'cause.installation': 'Installation',
  'cause.service_process': 'Service process',
  'cause.staff_conduct': 'Staff conduct',
  'cause.communication': 'Communication',
  'cause.supplier': 'Supplier',
  'cause.other': 'Other',
  'review.view.vip': 'Important customers',
  'review.form.lateReason': 'Why the reply is late (the reply target has passed)',
  'review.form.rootCauseCode': 'Root cause',
  'review.form.shares': 'Responsibility shared between departments (%)',
  'review.form.sharesHint':
    'Optional. Give each responsible department its share; together 100 %. Left empty, the handling department is responsible.',
  'review.form.vip': 'Important customer (VIP)',
  'review.form.nextFeedbackAt': 'Next feedback promised to the customer',
  'review.form.visitFor': 'Visit booked for',
  'workflow.escalate.unknownRole': (p: { role: string }) =>
    `${p.role} is not an escalation tier of this organisation.`,
};
