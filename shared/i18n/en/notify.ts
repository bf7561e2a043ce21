/** Messages of server notifications and mails (server/notify, shared/alerts/team). Source catalogue. */

export const notify = {
  'notify.title.severe': ({ level }: { level: string }) => `New ${level} complaint`,
  'notify.title.onCall': 'Urgent complaint out of hours',
  'notify.title.approval': ({ role }: { role: string }) => `Approval waiting (${role})`,
  'notify.title.escalated': ({ tier, role }: { tier: number; role: string }) =>
    `Escalated to tier ${tier} (${role})`,
  'notify.title.reopened': ({ round }: { round: number }) => `Case reopened (round ${round})`,
  'notify.title.secondComplaint': 'Second complaint from the same customer',
  'notify.title.warn': ({ clock }: { clock: string }) => `${clock} deadline at risk`,
  'notify.title.breach': ({ clock }: { clock: string }) => `${clock} deadline missed`,
  'notify.title.callbackDue': 'Callback due',
  'notify.field.case': 'Case',
  'notify.field.severity': 'Severity',
  'notify.field.subject': 'Subject',
  'notify.field.deadline': 'Deadline',
  'notify.field.onCall': 'On call',
  'notify.field.open': 'Open the case',
  'notify.noCaseNumber': '(number pending)',
  'notify.report.subject': ({ month }: { month: string }) => `Monthly complaint report, ${month}`,
  'notify.report.body': ({ month, registered }: { month: string; registered: number }) =>
    `The complaint report for ${month} is attached (CSV).\n\nComplaints registered: ${registered}.\n\nComplaint Desk`,
  'notify.reply.sent': ({ channel, to }: { channel: string; to: string }) =>
    `Reply sent to the customer by ${channel} (${to}).`,
  'notify.reply.failed': ({ channel, to, error }: { channel: string; to: string; error: string }) =>
    `The reply by ${channel} to ${to} could not be sent: ${error}`,
  'notify.reply.noAddress': 'The complainant has no email address (or phone number for SMS).',
  'notify.reply.noTransport': 'No mail server (SMTP_URL) or SMS gateway channel is configured.',
  'notify.report.noRecipients':
    'No report recipients are configured (notifications.monthlyReport.to).',
} as const;
