/**
 * The February 2026 fixture, computed by hand (Asia/Shanghai; Spring Festival Feb 15–23 off,
 * Sat Feb 14 and Sat Feb 28 are make-up working days; 09:00–18:00). Report made Thu 5 Mar 10:00.
 *
 * | case | registered        | story                                                   |
 * |------|-------------------|---------------------------------------------------------|
 * | A    | Mon 2 Feb 10:00   | quality, company fault "Loose drain hose", satisfied, closed Feb 4 10:30 (48.5 h) |
 * | B    | Thu 12 Feb 10:00  | service attitude (L2), reply Feb 12; unsatisfied Feb 24 → round 2; satisfied Feb 26, closed 11:00 (337 h) |
 * | C    | Fri 13 Feb 17:30  | email; assigned Sat 14 (make-up day) 09:20 — forward missed; invalid 16:00, confirmed Feb 24 |
 * | D    | Tue 24 Feb 10:00  | second complaint (new); reply Feb 25 10:00 exactly at 24 h; callback due Sat Feb 28 (make-up day); declined; closed Feb 27 10:30 (72.5 h) |
 * | E    | Wed 25 Feb 10:00  | anonymous web form, never contacted (firstContact missed), callback excluded, closed 13:30 (3.5 h) |
 * | F    | Thu 26 Feb 10:00  | "赔偿" → L3; 20,000 offer waits for approval: reply and progress overdue |
 * | G    | Sun 1 Feb 05:00   | (= 31 Jan 21:00 UTC: February only in Shanghai time) withdrawn Feb 3 |
 * | K    | Tue 3 Feb 10:00   | closed Feb 5 (satisfied), reopened by a supervisor Feb 10, overdue since |
 * | J1   | Mon 5 Jan 10:00   | January: closed Jan 6 11:00 (25 h), satisfied |
 * | J2   | Sat 31 Jan 23:30  | January registration left untouched: its four clocks fall due in February |
 * | M    | Mon 2 Mar 10:00   | March: nothing counts |
 * | X    | draft             | never registered: nothing counts |
 */
import { describe, expect, it } from 'vitest';
import type { ComplaintState } from '../schema/complaint';
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { monthlyReport, percentile, reopenTimes, reportCases } from './monthly-report';

const sh = shanghai;
const NOW = new Date(sh('2026-03-05 10:00'));
const COMPANY = (rootCause: string) => ({ rootCause, correctiveAction: 'Fix it at the source' });

function fixture(): Record<string, ComplaintState> {
  const c = (n: number) => new CaseBuilder(uuidFor(0x100 + n));
  return {
    A: c(1)
      .register(sh('2026-02-02 10:00'))
      .assign(sh('2026-02-02 10:10'))
      .contact(sh('2026-02-02 10:30'))
      .propose(sh('2026-02-02 11:00'), 'company', COMPANY('Loose drain hose'))
      .reply(sh('2026-02-02 14:00'))
      .callback(sh('2026-02-04 10:00'), 'satisfied')
      .close(sh('2026-02-04 10:30'))
      .state(),
    B: c(2)
      .register(sh('2026-02-12 10:00'), {
        category: 'service_attitude',
        description: 'The delivery driver shouted at my mother.',
      })
      .assign(sh('2026-02-12 10:10'), 'customer_service')
      .contact(sh('2026-02-12 11:00'))
      .propose(sh('2026-02-12 15:00'), 'company', {
        type: 'explanation',
        ...COMPANY('Rude driver'),
      })
      .reply(sh('2026-02-12 16:00'))
      .callback(sh('2026-02-24 10:00'), 'unsatisfied')
      .contact(sh('2026-02-24 11:00'))
      .propose(sh('2026-02-24 14:00'), 'company', { type: 'discount', ...COMPANY('Rude driver') })
      .reply(sh('2026-02-24 15:00'))
      .callback(sh('2026-02-26 10:00'), 'satisfied')
      .close(sh('2026-02-26 11:00'))
      .state(),
    C: c(3)
      .register(sh('2026-02-13 17:30'), { channel: 'email' })
      .assign(sh('2026-02-14 09:20'))
      .contact(sh('2026-02-14 10:00'))
      .invalid(sh('2026-02-14 16:00'))
      .confirmInvalid(sh('2026-02-24 10:00'))
      .state(),
    D: c(4)
      .register(
        sh('2026-02-24 10:00'),
        { category: 'delivery' },
        { secondComplaintOf: uuidFor(0x999) },
      )
      .assign(sh('2026-02-24 10:10'), 'logistics')
      .contact(sh('2026-02-24 10:20'))
      .propose(sh('2026-02-25 09:00'), 'supplier')
      .reply(sh('2026-02-25 10:00'))
      .callback(sh('2026-02-27 10:00'), 'declined')
      .close(sh('2026-02-27 10:30'))
      .state(),
    E: c(5)
      .register(sh('2026-02-25 10:00'), {
        channel: 'web_form',
        category: 'billing',
        complainant: { anonymous: true },
      })
      .assign(sh('2026-02-25 10:10'), 'finance')
      .propose(sh('2026-02-25 11:00'), 'customer', { type: 'explanation' })
      .reply(sh('2026-02-25 12:00'))
      .callback(sh('2026-02-25 13:00'), 'satisfied')
      .close(sh('2026-02-25 13:30'))
      .state(),
    F: c(6)
      .register(sh('2026-02-26 10:00'), { description: '洗衣机漏水泡坏了地板，要求赔偿。' })
      .assign(sh('2026-02-26 10:05'))
      .contact(sh('2026-02-26 10:30'))
      .propose(sh('2026-02-26 11:00'), 'company', {
        type: 'compensation',
        amount: 20_000,
        ...COMPANY('loose  DRAIN hose'),
      })
      .state(),
    G: c(7)
      .register(sh('2026-02-01 05:00'))
      .assign(sh('2026-02-02 09:30'))
      .contact(sh('2026-02-02 11:45'))
      .withdraw(sh('2026-02-03 10:00'))
      .state(),
    K: c(8)
      .register(sh('2026-02-03 10:00'))
      .assign(sh('2026-02-03 10:10'))
      .contact(sh('2026-02-03 10:20'))
      .propose(sh('2026-02-03 11:00'), 'supplier')
      .reply(sh('2026-02-03 12:00'))
      .callback(sh('2026-02-05 10:00'), 'satisfied')
      .close(sh('2026-02-05 11:00'))
      .reopen(sh('2026-02-10 10:00'))
      .state(),
    J1: c(9)
      .register(sh('2026-01-05 10:00'))
      .assign(sh('2026-01-05 10:10'))
      .contact(sh('2026-01-05 10:30'))
      .propose(sh('2026-01-05 11:00'), 'company', COMPANY('Loose drain hose'))
      .reply(sh('2026-01-05 14:00'))
      .callback(sh('2026-01-06 10:00'), 'satisfied')
      .close(sh('2026-01-06 11:00'))
      .state(),
    J2: c(10).register(sh('2026-01-31 23:30')).state(),
    M: c(11).register(sh('2026-03-02 10:00')).state(),
    X: c(12).capture(sh('2026-02-10 10:00')).state(),
  };
}

const report = monthlyReport(Object.values(fixture()), '2026-02', NOW);

describe('R-REPORT-1 monthlyReport: the February 2026 fixture', () => {
  it('the month in Shanghai time, due by the 10th of March', () => {
    expect(report.period).toEqual({
      start: '2026-01-31T16:00:00.000Z',
      end: '2026-02-28T16:00:00.000Z',
    });
    expect(report.dueDate).toBe('2026-03-10');
    expect(report.month).toBe('2026-02');
    expect(report.previous.month).toBe('2026-01');
  });

  it('counts complaints registered in the month (G by Shanghai time; J2, M and the draft not)', () => {
    expect(report.registered).toBe(8);
    expect(report.byCategory).toEqual({
      product_quality: 5,
      service_attitude: 1,
      delivery: 1,
      billing: 1,
    });
    expect(report.byDepartment).toEqual({
      quality: 5,
      customer_service: 1,
      logistics: 1,
      finance: 1,
    });
    expect(report.byResponsibility).toEqual({
      company: 3,
      supplier: 1,
      customer: 1,
      unclear: 0,
      unrecorded: 3,
    });
    expect(report.bySeverity).toEqual({ L0: 0, L1: 4, L2: 3, L3: 1, L4: 0 });
    expect(report.byChannel).toEqual({ phone: 6, email: 1, web_form: 1 });
  });

  it('Pareto of categories: sorted desc, ties by code, cumulative share, vital few to 80 %', () => {
    expect(report.paretoCategories).toEqual([
      { key: 'product_quality', count: 5, share: 5 / 8, cumulative: 5 / 8, vital: true },
      { key: 'billing', count: 1, share: 1 / 8, cumulative: 6 / 8, vital: true },
      { key: 'delivery', count: 1, share: 1 / 8, cumulative: 7 / 8, vital: true },
      { key: 'service_attitude', count: 1, share: 1 / 8, cumulative: 1, vital: false },
    ]);
  });

  it('Pareto of root causes: texts without a code are "other", their spellings grouped', () => {
    expect(report.paretoCauses.map((r) => [r.key, r.count])).toEqual([['other', 3]]);
    expect(report.otherCauses.map((r) => [r.key, r.count])).toEqual([
      ['loose drain hose', 2],
      ['rude driver', 1],
    ]);
    expect(report.causeLabels['loose drain hose']).toBe('Loose drain hose');
    expect(report.causesUnrecorded).toBe(5);
  });

  it('handling rate: 6 of 8 have a final outcome (F waits for approval, K was reopened)', () => {
    expect(report.handling).toEqual({
      handled: 6,
      byOutcome: { closed: 4, invalid: 1, withdrawn: 1, transferred: 0 },
      rate: 0.75,
      target: 1,
    });
  });

  it('satisfaction from callbacks recorded in February: 3 ÷ (3 + 1), anonymous and declined left out', () => {
    expect(report.satisfaction).toEqual({
      byOutcome: { satisfied: 3, unsatisfied: 1, declined: 1, unreachable: 0 },
      anonymousExcluded: 1,
      rate: 0.75,
      target: 0.95,
      meetsTarget: false,
    });
  });

  it('SLA compliance per clock over the clocks due in February', () => {
    const s = report.sla;
    expect(s.forward).toEqual({ met: 7, missed: 1, breached: 1, pending: 0, compliance: 7 / 9 });
    expect(s.firstContact).toEqual({
      met: 5,
      missed: 2,
      breached: 1,
      pending: 0,
      compliance: 5 / 8,
    });
    expect(s.reply).toEqual({ met: 5, missed: 1, breached: 3, pending: 0, compliance: 5 / 9 });
    expect(s.progress).toEqual({ met: 4, missed: 2, breached: 3, pending: 0, compliance: 4 / 9 });
    expect(s.close).toEqual({ met: 3, missed: 0, breached: 2, pending: 0, compliance: 3 / 5 });
    expect(s.callback).toEqual({ met: 4, missed: 0, breached: 0, pending: 0, compliance: 1 });
    expect(report.slaOverall).toEqual({
      met: 28,
      missed: 6,
      breached: 10,
      pending: 0,
      compliance: 28 / 44,
    });
  });

  it('second complaints: D new; B (unsatisfied) and K (supervisor) reopened in February', () => {
    expect(report.secondComplaints).toEqual({ newComplaints: 1, reopened: 2, total: 3 });
    expect(report.invalidVerdicts).toEqual({ total: 1, confirmed: 1 });
  });

  it('time to close: A 48.5 h, B 337 h, D 72.5 h, E 3.5 h', () => {
    expect(report.timeToClose).toEqual({ count: 4, meanHours: 461.5 / 4, p90Hours: 337 });
  });

  it('January and the trend', () => {
    expect(report.previous).toMatchObject({
      registered: 2,
      handling: { handled: 1, rate: 0.5 },
      satisfaction: { rate: 1 },
      slaOverall: { met: 6, missed: 0, breached: 0, compliance: 1 },
      timeToClose: { count: 1, meanHours: 25, p90Hours: 25 },
    });
    expect(report.trend).toEqual({
      registered: 6,
      handlingRate: 0.25,
      satisfactionRate: -0.25,
      slaCompliance: 28 / 44 - 1,
      secondComplaints: 3,
      // Every count in the summary has its change: 1 invalid verdict against none, 4 closed against 1.
      invalidVerdicts: 1,
      closed: 3,
      meanHoursToClose: 461.5 / 4 - 25,
      p90HoursToClose: 312,
    });
  });

  it('during the month, clocks due later are pending, not failures', () => {
    const mid = monthlyReport(
      Object.values(fixture()),
      '2026-02',
      new Date(sh('2026-02-26 10:20')),
    );
    // F's reply (due Feb 27 10:00) runs, its progress (due 10:30) is at risk: both pending.
    expect(mid.sla.reply).toMatchObject({ pending: 1, breached: 2 });
    expect(mid.sla.progress).toMatchObject({ pending: 1, breached: 2 });
  });

  it('an empty month has no rates rather than 0 % or NaN', () => {
    const empty = monthlyReport([], '2026-02', NOW);
    expect(empty.handling.rate).toBeNull();
    expect(empty.satisfaction).toMatchObject({ rate: null, meetsTarget: null });
    expect(empty.slaOverall.compliance).toBeNull();
    expect(empty.timeToClose).toEqual({ count: 0, meanHours: null, p90Hours: null });
    expect(empty.trend.handlingRate).toBeNull();
  });
});

describe('reportCases: the complaints behind every figure', () => {
  const all = fixture();
  const cases = reportCases(Object.values(all), '2026-02', NOW);
  const count = (key: string) => cases[key]?.length ?? 0;

  it('each list is as long as the figure it stands behind', () => {
    expect(count('registered')).toBe(report.registered);
    expect(count('handled')).toBe(report.handling.handled);
    expect(count('closed')).toBe(report.timeToClose.count);
    expect(count('causeUnrecorded')).toBe(report.causesUnrecorded);
    for (const [k, n] of Object.entries(report.byCategory))
      expect(count(`category:${k}`), k).toBe(n);
    for (const [k, n] of Object.entries(report.byDepartment))
      expect(count(`department:${k}`), k).toBe(n);
    for (const [k, n] of Object.entries(report.byResponsibility))
      expect(count(`responsibility:${k}`), k).toBe(n);
    for (const row of report.paretoCauses)
      expect(count(`cause:${row.key}`), row.key).toBe(row.count);
    for (const [clock, f] of Object.entries(report.sla))
      for (const state of ['met', 'missed', 'breached', 'pending'] as const)
        expect(count(`sla:${clock}:${state}`), `${clock} ${state}`).toBeLessThanOrEqual(f[state]);
  });

  it('names the very complaints (the draft and other months never)', () => {
    expect(cases.registered).not.toContain(all.X!.id);
    expect(cases.registered).not.toContain(all.M!.id);
    expect(cases.registered).not.toContain(all.J2!.id);
    expect(cases['category:delivery']).toHaveLength(1);
  });
});

describe('reopenTimes', () => {
  it('unsatisfied callbacks and a supervisor’s reopen of the current round', () => {
    const f = fixture();
    expect(reopenTimes(f.B!)).toEqual([sh('2026-02-24 10:00')]);
    expect(reopenTimes(f.K!)).toEqual([sh('2026-02-10 10:00')]);
    expect(reopenTimes(f.A!)).toEqual([]);
  });
});

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 0.9, null],
    [[5], 0.9, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[10, 1, 3, 2], 0.9, 10],
    [[1, 2, 3, 4], 0.5, 2],
  ])('%j p%s → %s', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});
