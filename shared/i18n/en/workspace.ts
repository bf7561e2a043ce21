/** Messages of the daily workspace: team directory, month picker, time zones, options groups,
 * queue rows, case panes, keyboard help. Source catalogue. */

export const workspace = {
  // System actors by id (the server's intake is the first responder of web-form complaints)
  'actor.intake': 'Web form',
  'actor.server': 'Team server',

  'ws.zone': ({ zone }: { zone: string }) => `Times in ${zone}`,
  'ws.zoneShort': ({ zone }: { zone: string }) => ` (${zone})`,

  'ws.month.previous': 'Previous month',
  'ws.month.next': 'Next month',
  'ws.month.year': 'Year',
  'ws.month.month': 'Month',

  'ws.export.slaState': 'Deadline state',
  'ws.export.dueAt': ({ zone }: { zone: string }) => `Next deadline (${zone})`,
  'ws.export.receivedAt': ({ zone }: { zone: string }) => `Received (${zone})`,

  'ws.template.amount': ({ amount }: { amount: string }) => `Amount: ${amount}.`,
  'ws.template.honorific': ({ name }: { name: string }) => `Mr/Ms ${name}`,

  'ws.options.you': 'You',
  'ws.options.capture': 'Capture',
  'ws.options.languageGroup': 'Language',
  'ws.options.roleLocked': 'Your role comes from your team token; your administrator changes it.',

  'ws.team.handler': 'Handler',
  'ws.team.choose': 'Choose a person',
  'ws.team.assignToMe': 'Assign to me',
  'ws.team.me': ({ name }: { name: string }) => `${name} (me)`,
  'ws.team.asOf': ({ at }: { at: string }) => `Team list as of ${at} (offline copy).`,
  'ws.team.none': 'No team list yet: connect to the team server in Options, or type the handler.',
  'ws.team.handlerId': 'Handler id',
  'ws.team.handlerName': 'Handler name',

  'ws.history.refused': ({ reason }: { reason: string }) => `Refused by the team server: ${reason}`,
  'ws.history.pending': 'Not sent to the team server yet',

  'ws.keys.title': 'Shortcuts on this case',
  'ws.keys.open': 'Keyboard shortcuts (?)',
  'ws.keys.line': ({ key, action }: { key: string; action: string }) => `${key}: ${action}`,
  'ws.keys.help': '?: show this list',
  'ws.keys.escape': 'Esc: close this list',
  'ws.keys.close': 'Close',
  'ws.keys.unavailable': ({ action, reason }: { action: string; reason: string }) =>
    `${action} is not available now: ${reason}`,

  'ws.team.noDepartment': 'No department',
  'ws.team.memberRole': ({ name, role }: { name: string; role: string }) => `${name} · ${role}`,

  'ws.backup.noFile': 'No file chosen',

  'ws.report.casesBehind': ({ figure, count }: { figure: string; count: number }) =>
    `${figure}: ${count} ${count === 1 ? 'complaint' : 'complaints'}`,
  'ws.report.closeCases': 'Hide the list',
  'ws.report.showCases': ({ figure }: { figure: string }) =>
    `Show the complaints behind: ${figure}`,

  'workflow.contact.callBackAt': 'Say when the customer will call back.',
  'contactMethod.phone': 'Phone',
  'contactMethod.email': 'Email',
  'contactMethod.visit': 'Visit',
  'contactMethod.sms': 'SMS',
  'contactOutcome.reached': 'Reached',
  'contactOutcome.no_answer': 'No answer',
  'contactOutcome.call_back': 'Will call back',
  'ws.contact.method': 'How',
  'ws.contact.outcome': 'Outcome',
  'ws.contact.callBackAt': 'Call back at',
  'ws.contact.nextStep': 'Next step',
  'ws.contact.callBackAtWhen': ({ at }: { at: string }) => `will call back at ${at}`,
  'ws.contact.next': ({ step }: { step: string }) => `next: ${step}`,
  // Automatic escalations (system events): the stored reason is a code, shown in words.
  'ws.auto.breached': ({ clock }: { clock: string }) =>
    `automatic: the ${clock.toLowerCase()} deadline passed`,
  'ws.auto.unfinished': 'automatic: not finished in time after the first report',
  'ws.auto.visitsMissed': 'automatic: booked visits were missed on consecutive days',

  'ws.queue.showDone': 'Show closed and withdrawn',
  'ws.queue.doneHidden': 'Closed and withdrawn complaints are hidden.',
  'ws.queue.due': ({ clock, due }: { clock: string; due: string }) => `${clock} · ${due}`,
  'ws.queue.unassigned': 'Unassigned',
  'ws.queue.received': ({ at }: { at: string }) => `Received ${at}`,

  'ws.case.proposedBy': 'Proposed by',
  'ws.case.approvedBy': 'Approved by',
} as const;
