import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Runs in a child process so the machine zone really differs; results are printed as UTC.
const script = `
const { deadlineFor, addWorkingTime, chinaCalendar, isWorkingDay } = await import('./shared/sla/index.ts');
const { londonCalendar } = await import('./test/support/sla-calendars.ts');
const { formatCaseNumber } = await import('./shared/numbering/index.ts');
const at = (s) => new Date(s + '+08:00');
const d = (clock, severity, s) => deadlineFor(clock, { at: at(s), severity, channel: 'email' }).dueAt.toISOString();
console.log(JSON.stringify({
  machineOffset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
  forwardFriday: d('forward', 'L1', '2026-11-20T17:50'),
  closeNationalDay: d('close', 'L1', '2026-09-30T17:00'),
  forwardMakeUpDay: d('forward', 'L1', '2026-02-14T10:00'),
  forwardSpringFestival: d('forward', 'L1', '2026-02-15T10:00'),
  forwardL3: d('forward', 'L3', '2026-11-22T20:00'),
  londonOverDst: addWorkingTime(new Date('2026-03-27T17:00:00Z'), { minutes: 60 }, londonCalendar).at.toISOString(),
  makeUpDay: isWorkingDay('2026-02-14', chinaCalendar),
  caseNumber: formatCaseNumber(new Date('2026-11-30T17:00Z'), 1),
}));
`;

it.each([
  ['America/New_York', 300],
  ['Asia/Kolkata', -330],
])('gives the same answers when the machine runs in %s', (zone, machineOffset) => {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: root,
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    },
  );
  expect(child.stderr).toBe('');
  expect(JSON.parse(child.stdout)).toEqual({
    machineOffset,
    forwardFriday: '2026-11-23T01:20:00.000Z',
    closeNationalDay: '2026-10-13T09:00:00.000Z',
    forwardMakeUpDay: '2026-02-14T02:30:00.000Z',
    forwardSpringFestival: '2026-02-24T02:00:00.000Z',
    forwardL3: '2026-11-22T12:30:00.000Z',
    londonOverDst: '2026-03-30T08:30:00.000Z',
    makeUpDay: true,
    caseNumber: '2612-0001',
  });
});
