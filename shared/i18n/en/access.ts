/** Messages of shared/access and of the server's refusals of pushed events. Source catalogue. */
export const access = {
  'access.notYours':
    'This case is assigned to someone else. Ask a supervisor, or ask them to reassign it to you.',
  'access.leadOnly': 'Only a supervisor or manager may do this.',
  'sync.serverNumber':
    'Only the server issues case numbers. This action claimed one and was not recorded.',
  'sync.futureTime': ({ at }: { at: string }) =>
    `This action is dated in the future (${at}). Check the device's clock and try again.`,
  'sync.storeFailed':
    'The server could not store this action. The others were recorded; this one will be tried again.',
  'report.late.title': 'Recorded late (device offline beyond the allowance)',
  'report.late.events': 'Late actions received in the month',
  'report.late.complaints': 'Complaints with late actions',
  'report.late.clockStops': 'Late actions that stop a deadline clock (met on the device’s word)',
  'caseNumber.provisional': ({ number }: { number: string }) => `Provisional · ${number}`,
  'event.late': 'Recorded late (offline)',
  'event.receivedAt': ({ time }: { time: string }) => `Received by the server ${time}`,
};
