/** Messages of the supervisor queue, alerts and the monthly report (shared/review, shared/alerts,
 * shared/report, extension queue/case/report). Source catalogue. */

type Count = { count: number };
/** Parameters of the customer-facing reply templates. */
type Tpl = { name: string; caseNumber: string; resolution: string };
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const review = {
  // Queue views (docs/rules.md §6)
  'review.view.all': 'All complaints',
  'review.view.severe': 'Major and special major (L3/L4)',
  'review.view.invalidVerdict': 'Invalid verdicts to confirm',
  'review.view.secondComplaint': 'Second complaints',
  'review.view.pendingApproval': 'Waiting for approval',
  'review.view.reassigned': 'Reassigned twice or more (buck-passing)',
  'review.view.unreachable': 'Closed as unreachable',
  'review.view.unsatisfied': 'Unsatisfied at callback',
  'review.view.sla': 'At risk or overdue',
  'review.view.aging': 'Open for too long',
  'review.view.longOpenFault': 'Open over 2 months, company at fault',

  // Queue list
  'review.queue.title': 'Review queue',
  'review.queue.counts': 'Complaints by status',
  'review.queue.countItem': ({ status, count }: { status: string; count: number }) =>
    `${status}: ${count}`,
  'review.queue.list': 'Complaints',
  'review.queue.empty': 'No complaint matches these filters.',
  'review.queue.none':
    'No complaints yet. Capture a page, start a phone, walk-in or letter complaint, or connect a team server in the options.',
  'review.queue.loading': 'Loading…',
  'review.queue.shown': ({ count, more }: { count: number; more: boolean }) =>
    `${count}${more ? '+' : ''} ${plural(count, 'complaint', 'complaints')} shown.`,
  'review.queue.truncated': ({ count }: Count) =>
    `Showing the first ${count} matches: refine the search to see the rest.`,
  'review.queue.anonymous': 'Anonymous',
  'review.queue.noCustomer': 'No name given',
  'review.queue.untitled': '(no subject)',
  'review.queue.noCaseNumber': 'not registered',
  'review.queue.nothingDue': 'Nothing due',
  'review.queue.unassigned': 'Unassigned',
  'review.queue.select': ({ caseLabel }: { caseLabel: string }) => `Select ${caseLabel}`,
  'review.queue.selected': ({ count }: Count) => `${count} selected`,
  'review.queue.clearSelection': 'Clear selection',

  // Filters
  'review.filter.legend': 'Filters',
  'review.filter.view': 'View',
  'review.filter.status': 'Status',
  'review.filter.severity': 'Severity',
  'review.filter.channel': 'Channel',
  'review.filter.category': 'Category',
  'review.filter.department': 'Department',
  'review.filter.assignee': 'Assignee (id or name)',
  'review.filter.any': 'Any',
  'review.filter.mine': 'Assigned to me',
  'review.filter.atRisk': 'At risk',
  'review.filter.breached': 'Overdue',
  'review.filter.search': 'Search',
  'review.filter.searchHint': 'Case number, name, phone, email or words of the complaint',
  'review.filter.sort': 'Sort by',
  'review.filter.reset': 'Reset filters',
  'review.sort.due': 'Next due',
  'review.sort.received': 'Received (newest first)',
  'review.sort.severity': 'Severity (highest first)',

  // Keyboard
  'review.keys.title': 'Keyboard shortcuts',
  'review.keys.move': '↑ ↓ or j k: move',
  'review.keys.open': 'Enter: open',
  'review.keys.select': 'Space or x: select',
  'review.keys.selectAll': 'Ctrl+A: select all shown',
  'review.keys.search': '/: search',
  'review.keys.assign': 'a: assign the selection',
  'review.keys.escalate': 'e: escalate the selection',
  'review.keys.clear': 'Esc: clear the selection',

  // SLA chip
  'review.sla.chip': ({ state, due }: { state: string; due: string }) => `${state} · ${due}`,

  // Bulk actions
  'review.bulk.title': 'Selected complaints',
  'review.bulk.assign': 'Assign',
  'review.bulk.escalate': 'Escalate',
  'review.bulk.exportCsv': 'Export CSV',
  'review.bulk.exportJson': 'Export JSON',
  'review.bulk.apply': 'Apply to selection',
  'review.bulk.cancel': 'Cancel',
  'review.bulk.done': ({ done, refused }: { done: number; refused: number }) =>
    refused === 0
      ? `Done for ${done} ${plural(done, 'complaint', 'complaints')}.`
      : `Done for ${done}; refused for ${refused}:`,
  'review.bulk.refusedItem': ({ caseLabel, reason }: { caseLabel: string; reason: string }) =>
    `${caseLabel}: ${reason}`,
  'review.bulk.nothingSelected': 'Select complaints first (Space or x).',

  // Case view
  'review.case.title': ({ caseLabel }: { caseLabel: string }) => `Complaint ${caseLabel}`,
  'review.case.back': 'Back to the queue',
  'review.case.record': 'Registration',
  'review.case.channel': 'Channel',
  'review.case.receivedAt': 'Received',
  'review.case.registeredAt': 'Registered',
  'review.case.firstResponder': 'First responder',
  'review.case.complainant': 'Complainant',
  'review.case.phone': 'Phone',
  'review.case.email': 'Email',
  'review.case.address': 'Address',
  'review.case.subject': 'Subject',
  'review.case.description': 'Description',
  'review.case.demand': 'Demand',
  'review.case.category': 'Category',
  'review.case.department': 'Department',
  'review.case.assignee': 'Handler',
  'review.case.complainedAbout': 'Complained about',
  'review.case.amountClaimed': 'Amount claimed',
  'review.case.headcount': 'Complainants',
  'review.case.status': 'Status',
  'review.case.round': 'Round',
  'review.case.tier': 'Escalation tier',
  'review.case.urgent': 'Marked urgent out of hours',
  'review.case.resolution': 'Resolution',
  'review.case.noResolutionYet': ({ round }: { round: number }) =>
    `No resolution proposed yet in round ${round}; earlier proposals are in the history.`,
  'review.case.responsibility': 'Responsibility',
  'review.case.rootCause': 'Root cause',
  'review.case.correctiveAction': 'Corrective action',
  'review.case.requiredRole': ({ role }: { role: string }) => `Needs approval by: ${role}`,
  'review.case.verdict': 'Invalid verdict',
  'review.case.verdictConfirmed': 'Confirmed',
  'review.case.verdictUnconfirmed': 'Not confirmed yet',
  'review.case.source': 'Source clip',
  'review.case.sourceFrame': 'Captured page content (sandboxed)',
  'review.case.sourceLink': 'Open the original page',
  'review.case.attachments': 'Attachments',
  'review.case.noAttachments': 'No attachments.',
  'review.case.attachmentSize': ({ kb }: { kb: number }) => `${kb} KB`,
  'review.case.deadlines': 'Deadlines',
  'review.case.noDeadlines': 'No deadline is running.',
  'review.case.due': 'Due',
  'review.case.state': 'State',
  'review.case.clock': 'Clock',
  'review.case.severity': 'Severity',
  'review.case.severityAssessed': ({ level }: { level: string }) => `Assessed: ${level}`,
  'review.case.severityOverride': ({
    level,
    by,
    reason,
  }: {
    level: string;
    by: string;
    reason: string;
  }) => `Overridden to ${level} by ${by}: ${reason}`,
  'review.case.timeline': 'Timeline',
  'review.case.by': ({ name, role }: { name: string; role: string }) => `${name} (${role})`,
  'review.case.actions': 'Actions',
  'review.case.unavailable': 'Not available now',
  'review.case.views': 'In supervisor views',
  'review.case.callbacks': 'Callbacks',

  // Action forms
  'review.form.reason': 'Reason',
  'review.form.note': 'Note',
  'review.form.text': 'Note text',
  'review.form.progress': 'This is a progress update (restarts the progress deadline)',
  'review.form.level': 'New level',
  'review.form.department': 'Department',
  'review.form.handlerId': 'Handler id',
  'review.form.handlerName': 'Handler name',
  'review.form.category': 'Category',
  'review.form.type': 'Resolution type',
  'review.form.amount': 'Amount',
  'review.form.responsibility': 'Responsibility',
  'review.form.rootCause': 'The cause, in words',
  'review.form.correctiveAction': 'Corrective action',
  'review.form.description': 'Resolution',
  'review.form.approvalHint': ({ role }: { role: string }) =>
    `This offer is beyond your authority: it will wait for approval by a ${role}.`,
  'review.form.beyondEveryone': 'No role may approve this amount.',
  'review.form.message': 'Message to the customer',
  'review.form.template': 'Template',
  'review.form.templateLanguage': 'Template language',
  'review.form.useTemplate': 'Insert template',
  'review.form.outcome': 'Outcome',
  'review.form.attemptedAt': 'SMS or email sent at',
  'review.form.explanation': 'Explanation for the customer',
  'review.form.to': 'Transferred to',
  'review.form.clock': 'Deadline',
  'review.form.until': 'New due time',
  'review.form.customerAgreed': 'The customer agreed to this date',
  'review.form.submit': 'Record',
  'review.form.cancel': 'Cancel',
  'review.form.saved': 'Recorded.',
  'review.form.register': 'Open the registration form',
  'review.form.choose': 'Choose…',

  // Customer-facing reply templates ({name}, {caseNumber}, {resolution})
  'review.template.ack': 'Acknowledgement',
  'review.template.resolution': 'Outcome',
  'review.template.repair': 'Repair',
  'review.template.refund': 'Refund',
  'review.template.compensation': 'Compensation',
  'review.template.explanation': 'Explanation',
  'review.template.invalid': 'Invalid complaint',
  'review.template.ack.body': ({ name, caseNumber }: Tpl) =>
    `Dear ${name},\n\nThank you for contacting us. We have registered your complaint as case ${caseNumber} and will reply within 24 hours.\n\nCustomer Service`,
  'review.template.resolution.body': ({ name, caseNumber, resolution }: Tpl) =>
    `Dear ${name},\n\nRegarding your complaint ${caseNumber}: ${resolution}\n\nIf anything is still unclear, please reply to this message or call us.\n\nCustomer Service`,
  'review.template.repair.body': ({ name, caseNumber, resolution }: Tpl) =>
    `Dear ${name},\n\nWe are sorry for the trouble. For case ${caseNumber} we will repair the product free of charge: ${resolution}\n\nWe will call you to arrange a convenient time.\n\nCustomer Service`,
  'review.template.refund.body': ({ name, caseNumber, resolution }: Tpl) =>
    `Dear ${name},\n\nWe are sorry for the trouble. For case ${caseNumber} we will refund you: ${resolution}\n\nThe refund normally arrives within 7 working days.\n\nCustomer Service`,
  'review.template.compensation.body': ({ name, caseNumber, resolution }: Tpl) =>
    `Dear ${name},\n\nWe apologise sincerely. For case ${caseNumber} we offer the following compensation: ${resolution}\n\nPlease let us know whether you accept it.\n\nCustomer Service`,
  'review.template.explanation.body': ({ name, caseNumber, resolution }: Tpl) =>
    `Dear ${name},\n\nThank you for your patience. We have looked into case ${caseNumber} carefully: ${resolution}\n\nIf you have further questions, we are glad to help.\n\nCustomer Service`,
  'review.template.invalid.body': ({ name, caseNumber, resolution }: Tpl) =>
    `Dear ${name},\n\nThank you for telling us about your experience. We investigated case ${caseNumber} and found that: ${resolution}\n\nWe understand this may be disappointing; please contact us if you have any new information.\n\nCustomer Service`,

  // Monthly report
  'report.title': ({ month }: { month: string }) => `Monthly complaint report, ${month}`,
  'report.month': 'Month',
  'report.period': ({ start, end, zone }: { start: string; end: string; zone: string }) =>
    `${start} – ${end} (${zone})`,
  'report.periodLabel': 'Period',
  'report.dueDate': 'Report due',
  'report.generatedAt': 'Generated',
  'report.summary': 'Summary',
  'report.figure': 'Figure',
  'report.thisMonth': 'This month',
  'report.previousMonth': 'Previous month',
  'report.change': 'Change',
  'report.registered': 'Complaints registered',
  'report.handlingRate': 'Handling rate (target 100 %)',
  'report.satisfactionRate': 'Satisfaction rate (target ≥ 95 %)',
  'report.slaCompliance': 'SLA compliance (all clocks)',
  'report.secondComplaints': 'Second complaints',
  'report.secondNew': 'New complaints repeating an earlier one',
  'report.secondReopened': 'Cases reopened',
  'report.invalidVerdicts': 'Invalid verdicts',
  'report.meanToClose': 'Mean time to close (hours)',
  'report.p90ToClose': 'p90 time to close (hours)',
  'report.closedCount': 'Complaints closed',
  'report.byCategory': 'By category',
  'report.byDepartment': 'By department',
  'report.byResponsibility': 'By responsibility',
  'report.bySeverity': 'By severity',
  'report.byChannel': 'By channel',
  'report.count': 'Complaints',
  'report.share': 'Share',
  'report.cumulative': 'Cumulative',
  'report.paretoCategories': 'Pareto of categories',
  'report.paretoCauses': 'Pareto of root causes',
  'report.causesUnrecorded': ({ count }: Count) => `${count} without a recorded root cause`,
  'report.vital': 'Vital few (up to 80 %)',
  'report.chartDesc': ({ items }: { items: string }) =>
    `Bars: complaints per item, largest first. Line: cumulative share. ${items}`,
  'report.chartItem': ({
    label,
    count,
    cumulative,
  }: {
    label: string;
    count: number;
    cumulative: string;
  }) => `${label} ${count} (cumulative ${cumulative})`,
  'report.satisfaction': 'Callbacks',
  'report.outcome': 'Outcome',
  'report.anonymousExcluded': ({ count }: Count) => `${count} anonymous left out`,
  'report.sla': 'SLA compliance per clock',
  'report.met': 'Met',
  'report.missed': 'Missed',
  'report.breached': 'Overdue',
  'report.pending': 'Not due yet',
  'report.compliance': 'Compliance',
  'report.none': 'n/a',
  'report.noneThisMonth': 'No complaints registered this month.',
  'report.uncategorized': 'Uncategorized',
  'report.unassigned': 'Unassigned',
  'report.unrecorded': 'Not recorded',
  'report.exportCsv': 'Download CSV',
  'report.exportJson': 'Download JSON',
  'report.print': 'Print / save as PDF',
  'report.definitions': 'How the figures are counted',
  'report.def.base':
    'Breakdowns count complaints registered in the month, as classified today. Drafts are never counted.',
  'report.def.handling':
    'Handling rate: complaints registered in the month that now have a final outcome (closed, invalid, withdrawn or transferred), divided by those registered.',
  'report.def.satisfaction':
    'Satisfaction rate: satisfied ÷ (satisfied + unsatisfied) over callbacks recorded in the month; anonymous complaints, declined and unreachable are left out.',
  'report.def.sla':
    'SLA compliance: clocks due in the month that were met ÷ those met, missed or still overdue.',
  'report.def.close': 'Time to close: complaints closed in the month, from registration to close.',
  'report.loading': 'Computing the report…',
  'report.pp': ({ value }: { value: string }) => `${value} pp`,

  // Backup
  'backup.title': 'Backup and restore',
  'backup.export': 'Download a full backup (JSON)',
  'backup.import': 'Restore from a backup file',
  'backup.invalid':
    'This file is not a Complaint Desk backup, or it is damaged. Nothing was changed.',
  'backup.tooNew': ({ version }: { version: number }) =>
    `This backup was made by a newer version (format ${version}). Update the extension first. Nothing was changed.`,
  'backup.plan': ({
    events,
    complaints,
    drafts,
  }: {
    events: number;
    complaints: number;
    drafts: number;
  }) =>
    `The backup adds ${events} ${plural(events, 'event', 'events')} to ${complaints} ${plural(complaints, 'complaint', 'complaints')} and ${drafts} ${plural(drafts, 'draft', 'drafts')}.`,
  'backup.keptNewer': ({ count }: Count) =>
    `${count} ${plural(count, 'draft is', 'drafts are')} newer here than in the backup and will be kept.`,
  'backup.localNewer': ({ count }: Count) =>
    `${count} ${plural(count, 'complaint has', 'complaints have')} newer events here; they are merged, nothing is overwritten.`,
  'backup.nothing': 'Everything in this backup is already here.',
  'backup.confirm': 'Restore',
  'backup.done': ({ events }: { events: number }) =>
    `Restored ${events} ${plural(events, 'event', 'events')}.`,
  'backup.rejected': ({ count }: Count) =>
    `${count} ${plural(count, 'event was', 'events were')} refused by the workflow and left out.`,
} as const;
