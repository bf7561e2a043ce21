/** Messages of the browser extension (extension/). Source catalogue. */
export const extension = {
  'ext.menu.selection': 'Capture selection as complaint',
  'ext.menu.page': 'Capture page as complaint',
  'ext.menu.link': 'Capture link as complaint',
  'ext.menu.image': 'Capture image as complaint',

  'ext.error.storageFull':
    'The complaint could not be saved: the browser storage is full. It is kept safely and will be saved as soon as space is free. Free some disk space, then choose "Retry".',
  'ext.error.writeFailed':
    'The complaint could not be saved to the local database. It is kept safely and will be saved on the next try.',
  'ext.error.cannotCapture':
    'This page cannot be captured (browser pages and the extension store do not allow it).',
  'ext.error.captureInterrupted':
    'A capture was interrupted before anything was clipped. Please capture it again.',
  'ext.error.noReceiver': 'The extension is restarting. Please try again.',
  'ext.error.noTab': 'No tab to capture.',
  'ext.error.sanitizerUnavailable':
    'The clip could not be cleaned for safe display. It is kept and will be retried.',
  'ext.error.notFound': 'This complaint is no longer in the queue.',
  'ext.error.unknown': 'Something went wrong. Nothing was lost; please try again.',

  'ext.notify.savedTitle': 'Complaint captured',
  'ext.notify.saved': ({ title = '' }: { title?: string }) => `Saved to the queue: ${title}`,
  'ext.notify.reviewTitle': 'Please review the capture',
  'ext.notify.review':
    'Some fields were read with low confidence. Open the side panel to check them.',
  'ext.notify.failedTitle': 'Complaint not saved yet',

  'ext.popup.title': 'Complaint Desk',
  'ext.popup.capture': 'Capture this page',
  'ext.popup.capturing': 'Capturing…',
  'ext.popup.captured': 'Captured and saved.',
  'ext.popup.newManual': 'New phone / walk-in / letter complaint',
  'ext.popup.openPanel': 'Open registration',
  'ext.popup.queueCount': ({ count }: { count: number }) =>
    count === 1
      ? '1 complaint waiting to be registered'
      : `${count} complaints waiting to be registered`,
  'ext.popup.recent': 'Recent',
  'ext.popup.empty': 'Nothing captured yet. Select text on a page and press Alt+Shift+K.',
  'ext.popup.failed': ({ count }: { count: number }) =>
    count === 1 ? '1 capture is waiting to be saved' : `${count} captures are waiting to be saved`,
  'ext.popup.retry': 'Retry',
  'ext.popup.options': 'Options',
  'ext.popup.untitled': 'Untitled complaint',
  'ext.popup.needsReview': 'Needs review',

  'ext.badge.local': 'local',
  'ext.badge.localTitle': 'Numbered on this device; the team server will confirm or renumber it.',
  'ext.badge.server': 'server',

  'ext.panel.title': 'Register a complaint',
  'ext.panel.details': 'Complaint details',
  'ext.panel.queue': 'Queue',
  'ext.panel.back': 'Back to the queue',
  'ext.panel.newManual': 'New complaint (no clip)',
  'ext.panel.captureTab': 'Capture the current tab',
  'ext.panel.channel': 'Channel',
  'ext.panel.source': 'Captured from',
  'ext.panel.sourcePreview': 'Captured content (sanitized, shown isolated)',
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

  'ext.field.complainant': 'Complainant',
  'ext.field.anonymous': 'Anonymous complaint (no reply possible)',
  'ext.field.name': "Complainant's name",
  'ext.field.description': 'What happened',
  'ext.field.demand': 'What the customer wants',
  'ext.field.demandHint': 'The remedy sought; write "unknown" if the customer has not said.',
  'ext.panel.alertOnCall': ({ contact = '' }: { contact?: string }) =>
    contact ? `Alert the on-call leader now: ${contact}.` : 'Alert the on-call leader now.',
  'ext.panel.alertSevere': 'Major complaint: tell your supervisor now.',
  'ext.panel.saveFailed':
    'The draft could not be saved. It stays on screen; it will be saved with your next change.',
  'ext.panel.onCall': ({ contact = '' }: { contact?: string }) =>
    contact
      ? `Out of hours and urgent: the on-call leader, ${contact}, will be alerted on registration.`
      : 'Out of hours and urgent: the on-call leader will be alerted on registration.',

  'ext.webmail.clip': 'Clip this email',

  'ext.sync.title': 'Team sync',
  'ext.sync.localMode': 'Local mode: add a team server in the options to share the queue.',
  'ext.sync.never': 'Not synced yet.',
  'ext.sync.lastSync': ({ time }: { time: string }) => `Last synced ${time}.`,
  'ext.sync.pending': ({ count }: { count: number }) =>
    count === 0
      ? 'Everything is sent.'
      : count === 1
        ? '1 change waiting to be sent.'
        : `${count} changes waiting to be sent.`,
  'ext.sync.lastError': ({ message }: { message: string }) => `Last try failed: ${message}`,
  'ext.sync.nextTry': ({ time }: { time: string }) => `Next try at ${time}.`,
  'ext.sync.now': 'Sync now',
  'ext.sync.syncing': 'Syncing…',
  'ext.sync.done': 'Synced.',
  'ext.sync.off': 'Team sync is off: no server is configured.',
  'ext.sync.backoff': 'Waiting a little before trying again.',
  'ext.sync.rejectedTitle': ({ count }: { count: number }) =>
    count === 1
      ? '1 action refused by the team server'
      : `${count} actions refused by the team server`,
  'ext.sync.rejectedHelp':
    "These actions are kept on this device but are not part of the team's record. Do them again if they are still needed.",
  'ext.sync.rejectedItem': ({ action, complaint }: { action: string; complaint: string }) =>
    `${action} · ${complaint}`,
  'ext.sync.dismiss': 'Dismiss',
  'ext.sync.reason.forgedRole': ({ role, tokenRole }: { role: string; tokenRole: string }) =>
    `The action was recorded as ${role}, but your server token is for the role ${tokenRole}. Set your role in the options to ${tokenRole}.`,
  'ext.sync.reason.idConflict': 'The server already has another action with the same id.',
  'ext.sync.reason.invalidEvent': ({ fields = '' }: { fields?: string }) =>
    fields
      ? `The server found the action invalid (${fields}).`
      : 'The server found the action invalid.',
  'ext.sync.reason.staleVersion':
    'The complaint changed on the server in the meantime. Look at it again and redo the action.',
  'ext.sync.reason.unknown': ({ reason }: { reason: string }) =>
    `The server refused the action (${reason}).`,
  'ext.sync.error.url':
    'Enter the server address starting with https:// (or http:// on this computer).',
  'ext.sync.error.insecure':
    'A server on another computer needs an address starting with https://, so the token is never sent unencrypted.',
  'ext.sync.error.permission':
    'The extension is not allowed to reach the server. Open the options and save the team settings to grant access.',
  'ext.sync.error.network':
    'The server could not be reached. Check the address and your connection.',
  'ext.sync.error.timeout': 'The server took too long to answer.',
  'ext.sync.error.auth':
    'The server does not accept the token (wrong, or revoked). Ask your administrator for a new one.',
  'ext.sync.error.forbidden': 'The token may not do this.',
  'ext.sync.error.notFound': 'No Complaint Desk server answers at this address.',
  'ext.sync.error.tooLarge': 'The server refused a batch as too large.',
  'ext.sync.error.busy': 'The server is busy. It will be tried again shortly.',
  'ext.sync.error.server': 'The server had a problem. It will be tried again shortly.',
  'ext.sync.error.refused': 'The server refused the request.',
  'ext.sync.error.badAnswer': 'The server sent an answer this extension does not understand.',
  'ext.sync.error.noProgress':
    'The server did not take the changes. They are kept and will be sent again.',
  'ext.sync.error.unknown': 'Sync failed. Nothing was lost; it will be tried again.',

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
  'ext.popup.report': 'Monthly report',
  'ext.case.loading': 'Loading the complaint…',
  'ext.case.notFound': 'This complaint is not on this device.',
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
    'Only administrators may read the delivery log; this token may not. Ask an administrator.',
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
