/**
 * Messages of the extension's other pages (options, side panel and registration, replies,
 * deliveries): not the popup's, so they are not in its first load (`en-rest.ts`; every other
 * page awaits the whole catalogue). Source catalogue.
 */
export const extensionPages = {
  'ext.panel.title': 'Register a complaint',
  'ext.panel.details': 'Complaint details',
  'ext.panel.queue': 'Queue',
  'ext.panel.back': 'Back to the queue',
  'ext.panel.newManual': 'New complaint (no clip)',
  'ext.panel.captureTab': 'Capture the current tab',
  'ext.panel.channel': 'Channel',
  'ext.panel.source': 'Captured from',
  'ext.panel.sourcePreview': 'Captured content (sanitized, shown isolated)',
  'ext.panel.sentAt': 'Sent',
  'ext.panel.clippedAt': 'Clipped',
  'ext.panel.reviewNotice':
    'Some fields were read with low confidence. Check them before registering.',
  'ext.panel.readBack': 'Read-back',
  'ext.panel.readBackHelp':
    'Read the complaint back to the customer: who, what happened, what they want. Confirm only when the customer agrees it is right.',
  'ext.panel.readBackConfirm': 'The customer confirmed the read-back',
  'ext.panel.severity': 'Severity',
  'ext.panel.reasons': 'Why',
  'ext.panel.deadlines': 'Deadlines once registered',
  'ext.panel.due': ({ clock = '', due = '' }: { clock?: string; due?: string }) =>
    `${clock}: ${due}`,
  'ext.panel.register': 'Register',
  'ext.panel.registered': ({ caseNumber = '' }: { caseNumber?: string }) =>
    `Registered as ${caseNumber}`,
  'ext.panel.saved': 'Draft saved',
  'ext.panel.saving': 'Saving…',
  'ext.panel.fixErrors': 'Please correct the highlighted fields.',
  'ext.panel.empty': 'No complaint selected. Capture a page or start a new complaint.',
  'ext.panel.caseNumber': 'Case number',
  'ext.panel.status': 'Status',
  'ext.panel.attachments': 'Attachments',
  'ext.panel.urgent': 'Urgent (out of hours: alert the on-call leader now)',

  'ext.options.title': 'Complaint Desk options',
  'ext.options.you': 'You (local mode)',
  'ext.options.userName': 'Your name',
  'ext.options.userNameHelp': 'Recorded as the first responder of every complaint you capture.',
  'ext.options.role': 'Your role',
  'ext.options.onCall': 'On-call contact',
  'ext.options.onCallHelp':
    'Name and phone of the leader alerted for urgent out-of-hours complaints.',
  'ext.options.language': 'Language',
  'ext.options.languageAuto': 'Same as the browser',
  'ext.options.screenshot': 'Attach a screenshot of the visible tab to each capture',
  'ext.options.webmail': 'Webmail',
  'ext.options.webmailHelp':
    'Allow the extension on your webmail to show a "Clip this email" button there. Clipping with the menu or Alt+Shift+K works without it.',
  'ext.options.webmailGrant': 'Allow on webmail sites',
  'ext.options.webmailRevoke': 'Remove webmail access',
  'ext.options.webmailGranted': 'Allowed on webmail sites.',
  'ext.options.webmailNotGranted': 'Not allowed on webmail sites.',
  'ext.options.save': 'Save',
  'ext.options.saved': 'Options saved.',
  'ext.options.shortcut': ({ shortcut = '' }: { shortcut?: string }) =>
    `Capture shortcut: ${shortcut}`,
  'ext.options.shortcutNone': 'No capture shortcut is set.',
  'ext.options.storage': 'Storage',
  'ext.options.persisted': 'Protected from automatic clean-up by the browser.',
  'ext.options.notPersisted': 'The browser may clear this data under storage pressure.',

  'ext.panel.alertSevere': 'Major complaint: tell your supervisor now.',
  'ext.panel.alertSevereLead': 'Major complaint: assign a handler and act on it now.',
  'ext.validation.nameRequired':
    "Enter the complainant's name (a surname is enough), or mark the complaint anonymous.",
  'ext.validation.contactRequired':
    'Record at least one way to reach the complainant: phone, email or address.',
  'ext.panel.saveFailed':
    'The draft could not be saved. It stays on screen; it will be saved with your next change.',
  'ext.panel.onCall': ({ contact = '' }: { contact?: string }) =>
    contact
      ? `Out of hours and urgent: the on-call leader, ${contact}, will be alerted on registration.`
      : 'Out of hours and urgent: the on-call leader will be alerted on registration.',

  'ext.options.team': 'Team server',
  'ext.options.teamHelp':
    'With a team server, your queue is shared with your team and case numbers come from the server. Leave empty to work alone on this device.',
  'ext.options.serverUrl': 'Server address',
  'ext.options.token': 'Access token',
  'ext.options.tokenHelp': 'Your administrator creates it for you (it starts with cdt_).',
  'ext.options.testConnection': 'Test connection',
  'ext.options.testing': 'Testing…',
  'ext.options.teamSave': 'Save and sync',
  'ext.options.teamSaved': 'Team settings saved. Syncing now.',
  'ext.options.teamOff': 'Stop syncing',
  'ext.options.teamStopped': 'Team sync is off. Everything stays on this device.',
  'ext.options.connectedAs': ({ name, role }: { name: string; role: string }) =>
    `Connected as ${name} (${role}).`,
  'ext.options.connected': 'Connected: the server accepts the token.',
  'ext.options.connectedNoIdentity':
    'This server does not say whose token it is: set your role above to the role of the token.',
  'ext.options.connectionFailed': ({ message }: { message: string }) =>
    `Connection failed: ${message}`,
  'ext.options.permissionDenied': ({ origin }: { origin: string }) =>
    `The extension needs your permission to reach ${origin}.`,
  'ext.options.roleFromToken': ({ role }: { role: string }) =>
    `In team mode your role comes from your token: ${role}.`,
  'ext.options.alerts': 'Deadline alerts',
  'ext.options.alertsHelp':
    'Desktop notifications at 75 % of a deadline and when it is missed, for the clocks ticked per level. New L3/L4 complaints always alert at once.',
  'ext.options.alertClocksFor': ({ level }: { level: string }) => `Clocks that alert for ${level}`,

  'ext.deliveries.title': 'Notification deliveries',
  'ext.deliveries.help':
    'What the team server last sent to the team’s channels and to customers, and how it went.',
  'ext.deliveries.refresh': 'Refresh',
  'ext.deliveries.loading': 'Reading the delivery log…',
  'ext.deliveries.none': 'Nothing has been sent yet.',
  'ext.deliveries.summary': ({
    delivered,
    retrying,
    dead,
  }: {
    delivered: number;
    retrying: number;
    dead: number;
  }) => `Latest: ${delivered} delivered, ${retrying} waiting or retrying, ${dead} dead letters.`,
  'ext.deliveries.item': ({
    at,
    event,
    channel,
    state,
  }: {
    at: string;
    event: string;
    channel: string;
    state: string;
  }) => `${at} · ${event} → ${channel}: ${state}`,
  'ext.deliveries.tries': ({ n }: { n: number }) => (n === 1 ? '1 try' : `${n} tries`),
  'ext.deliveries.lastError': ({ error }: { error: string }) => `last error: ${error}`,
  'ext.deliveries.state.delivered': 'delivered',
  'ext.deliveries.state.queued': 'queued',
  'ext.deliveries.state.retrying': 'retrying',
  'ext.deliveries.state.dead': 'dead letter (no more tries)',
  'ext.deliveries.event.severe': 'major complaint',
  'ext.deliveries.event.onCall': 'on-call alert',
  'ext.deliveries.event.approval': 'approval waiting',
  'ext.deliveries.event.escalated': 'escalation',
  'ext.deliveries.event.reopened': 'reopened case',
  'ext.deliveries.event.secondComplaint': 'second complaint',
  'ext.deliveries.event.warn': 'deadline at risk',
  'ext.deliveries.event.breach': 'deadline missed',
  'ext.deliveries.event.callbackDue': 'callback due',
  'ext.deliveries.event.reply': 'reply to customer',
  'ext.deliveries.event.report': 'monthly report',
  'ext.deliveries.forbidden':
    'Administrators see the delivery log. If a notification seems not to have arrived, ask one of them.',
  'ext.deliveries.failed': ({ message }: { message: string }) =>
    `The delivery log could not be read. ${message}`,

  'ext.reply.title': 'Send the reply',
  'ext.reply.to': ({ to }: { to: string }) => `To: ${to}`,
  'ext.reply.noAddress':
    'No email address on file: copy the reply, send it another way, then record it.',
  'ext.reply.sendEmail': 'Send by email',
  'ext.reply.sendSms': 'Send by SMS',
  'ext.reply.toPhone': ({ phone }: { phone: string }) => `By SMS: ${phone}`,
  'ext.reply.openWebmail': 'Open reply in webmail',
  'ext.reply.openMailto': 'Open reply in your mail program',
  'ext.reply.copy': 'Copy reply',
  'ext.reply.copied': 'Copied. Paste it into your reply and send it.',
  'ext.reply.copyFailed': 'Could not copy; select the text and copy it by hand.',
  'ext.reply.tooLong': 'Too long to open in webmail whole; copy it instead.',
  'ext.reply.empty': 'Write the reply first.',
  'ext.reply.sending': 'Handing the reply to the server…',
  'ext.reply.sendFailed': ({ message }: { message: string }) =>
    `The reply was not sent. ${message}`,
  'ext.reply.queued': ({ to }: { to: string }) =>
    `The server is sending the reply to ${to}. It shows as sent once it has gone out.`,
  'ext.reply.confirmPrompt':
    'Once you have sent it, record it here (the extension cannot see it leave).',
  'ext.reply.confirmSent': 'I sent it: record the reply',
  'ext.reply.statusTitle': 'Replies sent by the server',
  'ext.reply.statusFailed': ({ message }: { message: string }) =>
    `What became of the replies could not be read. ${message}`,
  'ext.reply.line': ({ at, to, state }: { at: string; to: string; state: string }) =>
    `${at} · to ${to}: ${state}`,
  'ext.reply.customer': 'the customer',
  'ext.reply.state.queued': 'pending, waiting to be sent',
  'ext.reply.state.retrying': 'pending, not sent yet (retrying)',
  'ext.reply.state.dead': 'failed, could not be sent',
  'ext.reply.state.delivered': 'sent',
  'ext.reply.via.email': 'sent by the server by email',
  'ext.reply.via.sms': 'sent by the server by SMS',
  'ext.reply.via.webmail': 'sent by hand from webmail',
  'ext.reply.via.copied': 'copied and sent by hand',
} as const;
