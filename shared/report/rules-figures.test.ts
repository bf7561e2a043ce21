import { describe, expect, it } from 'vitest';
import type { ComplaintEvent, PayloadOf } from '../schema/event';
import { staticViews } from '../review/queue-views';
import {
  DEFAULT_AT,
  foldAccepted,
  happyPath,
  makeEvent,
  plusHours,
  sampleRecord,
  uuidFor,
} from '../../test/support/workflow';
import { monthlyReport } from './monthly-report';
import { reportToCsv } from './report-csv';

const NOW = new Date('2026-04-01T00:00:00Z');

/** A March complaint (its own id) resolved with `resolution`, registered `vip` or not. */
function complaint(
  n: number,
  resolution: Partial<PayloadOf<'resolutionProposed'>>,
  vip = false,
): ComplaintEvent[] {
  const complaintId = uuidFor(0xa000 + n);
  const events = happyPath(sampleRecord({ vip })).slice(0, 5);
  const propose = makeEvent(
    'resolutionProposed',
    {
      type: 'repair',
      responsibility: 'company',
      correctiveAction: 'Fix',
      description: 'Repair',
      ...resolution,
    } as PayloadOf<'resolutionProposed'>,
    { at: plusHours(DEFAULT_AT, 4) },
  );
  return [...events, propose].map((e, i) => ({
    ...e,
    complaintId,
    id: uuidFor(0xb000 + n * 16 + i),
  }));
}

const states = [
  complaint(1, { rootCauseCode: 'material' }, true),
  complaint(2, { rootCauseCode: 'material' }),
  complaint(3, {
    rootCauseCode: 'transport',
    shares: [
      { department: 'logistics', ratio: 0.6 },
      { department: 'quality', ratio: 0.4 },
    ],
  }),
  complaint(4, { rootCauseCode: 'other', rootCause: 'Heat wave' }, true),
  complaint(5, { rootCause: 'heat  wave' }),
  complaint(6, { type: 'explanation', responsibility: 'customer' }),
].map((events) => foldAccepted(events));

const report = monthlyReport(states, '2026-03', NOW);

describe('R-CAUSE-1 the Pareto chart counts cause codes, not phrasings', () => {
  it('codes counted; texts without a code and "other" are one bar, their spellings below', () => {
    expect(report.paretoCauses.map((r) => [r.key, r.count])).toEqual([
      ['material', 2],
      ['other', 2],
      ['transport', 1],
    ]);
    expect(report.otherCauses.map((r) => [r.key, r.count])).toEqual([['heat wave', 2]]);
    expect(report.causesUnrecorded).toBe(1);
  });

  it('the CSV names codes in the reader’s language', () => {
    expect(reportToCsv(report, 'zh-CN')).toContain('材料,2');
    expect(reportToCsv(report, 'en')).toContain('Material,2');
  });
});

describe('R-SHARE-1 shared responsibility is carried into the monthly figures by ratio', () => {
  it('a 60/40 share adds 0.6 and 0.4; an unshared fault goes whole to the handling department', () => {
    expect(report.byResponsibleDepartment).toEqual({ quality: 4.4, logistics: 0.6 });
  });
});

describe('R-VIP-1 important customers have their own view and report section', () => {
  it('a VIP case still being handled is in the vip view', () => {
    expect(staticViews(states[0]!)).toContain('vip');
    expect(staticViews(states[1]!)).not.toContain('vip');
  });

  it('the month’s VIP complaints are counted apart', () => {
    expect(report.vip).toMatchObject({ registered: 2, handled: 0, handlingRate: 0 });
    expect(report.vip.bySeverity.L1 + report.vip.bySeverity.L2).toBe(2);
    expect(reportToCsv(report, 'zh-CN')).toContain('重要业户');
  });
});
