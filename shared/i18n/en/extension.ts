/** Messages of the browser extension (extension/). Source catalogue. */
export const extension = {
  'ext.menu.selection': 'Capture selection as complaint',
  'ext.menu.page': 'Capture page as complaint',
  'ext.menu.link': 'Capture link as complaint',
  'ext.menu.image': 'Capture image as complaint',
  // The button on webmail pages (in the language chosen in Options, not the browser's).
  'ext.webmail.clip': 'Clip this email',
  'ext.webmail.clipped': 'Clipped to the complaint queue',
  'ext.webmail.notClipped': 'Not clipped: open the extension for details',

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
    count === 1 ? '1 waiting to be registered' : `${count} waiting to be registered`,
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

  'ext.field.complainant': 'Complainant',
  'ext.field.anonymous': 'Anonymous complaint (no reply possible)',
  'ext.field.name': "Complainant's name",
  'ext.field.description': 'What happened',
  'ext.field.demand': 'What the customer wants',
  'ext.field.demandHint': 'The remedy sought; write "unknown" if the customer has not said.',

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

  // Short: the popup's header is one line at 800 px (docs/workspace.md); the page says "monthly".
  'ext.popup.report': 'Report',

  'ext.case.loading': 'Loading the complaint…',
  'ext.case.notFound': 'This complaint is not on this device.',
  // Here, not with the side panel's other messages (extension-pages.ts): the background's
  // capture notification says it too, and the background holds this area only.
  'ext.panel.alertOnCall': ({ contact = '' }: { contact?: string }) =>
    contact ? `Alert the on-call leader now: ${contact}.` : 'Alert the on-call leader now.',
} as const;
