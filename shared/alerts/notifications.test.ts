import { describe, expect, it } from 'vitest';
import type { ComplaintState } from '../schema/complaint';
import { computeDeadlines } from '../sla/index';
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { type AlertOptions, notificationText, notificationsDue } from './notifications';

const ID = uuidFor(0xa1);
const T0 = shanghai('2026-03-02 10:00'); // Monday, working hours
const JOURNALIST = { description: 'The machine leaked again; I will call a journalist.' };

function due(state: ComplaintState, now: string, sent: string[] = [], options: AlertOptions = {}) {
  const at = new Date(now);
  return notificationsDue(state, computeDeadlines(state, at), at, new Set(sent), options);
}
const ids = (n: { id: string }[]) => n.map((x) => x.id);

describe('notificationsDue (time injected)', () => {
  it('an ordinary registration: nothing at once', () => {
    expect(due(new CaseBuilder(ID).register(T0).state(), T0)).toEqual([]);
  });

  it('L3 registered: alert supervisors at once, once', () => {
    const state = new CaseBuilder(ID).register(T0, JOURNALIST, { caseNumber: '2603-0009' }).state();
    const first = due(state, T0);
    expect(first).toEqual([
      expect.objectContaining({
        id: `${ID}:severity:severe_L3:1`,
        kind: 'severe',
        level: 'L3',
        audience: 'supervisor',
        priority: 2,
        caseNumber: '2603-0009',
      }),
    ]);
    expect(due(state, T0, ids(first))).toEqual([]);
  });

  it('a rise from L3 to L4 alerts again', () => {
    const state = new CaseBuilder(ID).register(T0, JOURNALIST).override(T0, 'L4').state();
    expect(ids(due(state, T0, [`${ID}:severity:severe_L3:1`]))).toEqual([
      `${ID}:severity:severe_L4:1`,
    ]);
  });

  // forward: 30 working minutes from 10:00 → due 10:30, warn at 10:22:30.
  const forward = (kind: string) =>
    `${ID}:forward:${kind}:1:${Date.parse(shanghai('2026-03-02 10:30'))}`;
  it.each([
    ['before 75 %', '2026-03-02 10:22', []],
    ['at 75 %: warning', '2026-03-02 10:23', [forward('warn')]],
    ['at the due time: still a warning', '2026-03-02 10:30', [forward('warn')]],
    [
      'after the due time: breach only (the warning never went out)',
      '2026-03-02 10:31',
      [forward('breach')],
    ],
  ])('forward clock %s', (_, now, expected) => {
    expect(ids(due(new CaseBuilder(ID).register(T0).state(), shanghai(now)))).toEqual(expected);
  });

  it('a restart of the service worker: the same ids, so nothing is sent twice', () => {
    const state = new CaseBuilder(ID).register(T0).state();
    const warned = due(state, shanghai('2026-03-02 10:25'));
    expect(due(state, shanghai('2026-03-02 10:26'), ids(warned))).toEqual([]);
    expect(ids(due(state, shanghai('2026-03-02 10:31'), ids(warned)))).toEqual([forward('breach')]);
  });

  it('default clocks for L1: forward, reply, close — not firstContact or progress', () => {
    // Assigned 10:10, never contacted. Next morning at 05:00: firstContact (2 working h, due
    // 12:10) and progress (17:00) are overdue; reply (24 h, due Tue 10:00) is past 75 %.
    const state = new CaseBuilder(ID).register(T0).assign(shanghai('2026-03-02 10:10')).state();
    const alerts = due(state, shanghai('2026-03-03 05:00'));
    expect(alerts.map((a) => a.clock)).toEqual(['reply']);
    expect(alerts[0]).toMatchObject({ kind: 'warn' });
  });

  it('every clock for L3+', () => {
    const state = new CaseBuilder(ID)
      .register(T0, JOURNALIST)
      .assign(shanghai('2026-03-02 10:10'))
      .state();
    const clocks = due(state, shanghai('2026-03-03 05:00'), [`${ID}:severity:severe_L3:1`]).map(
      (a) => `${a.clock}:${a.kind}`,
    );
    expect(clocks.sort()).toEqual(['firstContact:breach', 'progress:breach', 'reply:warn']);
  });

  it('clocks chosen in the options', () => {
    const state = new CaseBuilder(ID).register(T0).assign(shanghai('2026-03-02 10:10')).state();
    const alerts = due(state, shanghai('2026-03-02 19:00'), [], {
      clocks: { L1: ['firstContact'] },
    });
    expect(alerts.map((a) => `${a.clock}:${a.kind}`)).toEqual(['firstContact:breach']);
  });

  it('an extended deadline is a new deadline: it alerts again', () => {
    const base = new CaseBuilder(ID)
      .register(T0)
      .assign(shanghai('2026-03-02 10:10'))
      .contact(shanghai('2026-03-02 10:20'));
    // close: 5 working days → Mon 9 Mar 10:00, warning (75 % of the span) Sat 7 Mar 16:00.
    const first = due(base.state(), shanghai('2026-03-08 10:00')).filter(
      (a) => a.clock === 'close',
    );
    expect(first).toMatchObject([{ kind: 'warn' }]);
    base.extend(shanghai('2026-03-08 11:00'), 'close', shanghai('2026-03-20 18:00'));
    const later = due(base.state(), shanghai('2026-03-20 17:00'), ids(first)).filter(
      (a) => a.clock === 'close',
    );
    expect(later).toHaveLength(1);
    expect(later[0]!.id).not.toBe(first[0]!.id);
  });

  it('nothing for a finished complaint', () => {
    const state = new CaseBuilder(ID)
      .register(T0, JOURNALIST)
      .assign(T0)
      .contact(T0)
      .invalid(T0)
      .state();
    expect(due(state, shanghai('2026-03-09 10:00'))).toEqual([]);
  });

  it('`since`: what became due before alerting was switched on stays quiet', () => {
    const state = new CaseBuilder(ID).register(T0, JOURNALIST).state();
    expect(
      due(state, shanghai('2026-03-02 10:31'), [], {
        since: new Date(shanghai('2026-03-02 10:40')),
      }),
    ).toEqual([]);
  });

  describe('out of hours: urgent complaints alert the on-call contact', () => {
    const night = shanghai('2026-03-02 22:00');
    it.each([
      ['urgent, at night', { urgent: true }, night, true],
      ['L3, at night (always urgent)', JOURNALIST, night, true],
      ['not urgent, at night', {}, night, false],
      ['urgent, on Saturday', { urgent: true }, shanghai('2026-03-07 11:00'), true],
      ['urgent, in working hours', { urgent: true }, T0, false],
    ])('%s → %s', (_, record, at, expected) => {
      const state = new CaseBuilder(ID).capture(at, record).state();
      const onCall = due(state, at, [], { onCallContact: '张经理 138 0000 0000' }).filter(
        (a) => a.kind === 'onCall',
      );
      expect(onCall.length === 1).toBe(expected);
      if (expected)
        expect(onCall[0]).toMatchObject({
          id: `${ID}:onCall:urgent:1`,
          audience: 'onCall',
          onCallContact: '张经理 138 0000 0000',
        });
    });

    it('not once the working day has begun (supervisors see it then)', () => {
      const state = new CaseBuilder(ID)
        .capture(shanghai('2026-03-02 22:00'), { urgent: true })
        .state();
      expect(due(state, shanghai('2026-03-03 09:30')).filter((a) => a.kind === 'onCall')).toEqual(
        [],
      );
    });
  });
});

describe('notificationText', () => {
  it('titles and messages in both languages', () => {
    const state = new CaseBuilder(ID).register(T0, JOURNALIST, { caseNumber: '2603-0009' }).state();
    const now = shanghai('2026-03-02 10:31');
    const alerts = due(state, now);
    const severe = alerts.find((a) => a.kind === 'severe');
    const breach = alerts.find((a) => a.clock === 'forward');
    expect(notificationText(severe!, 'en', new Date(now))).toEqual({
      title: 'New L3 major complaint',
      message: '2603-0009: Washing machine leaks',
    });
    expect(notificationText(breach!, 'zh-CN', new Date(now)).title).toBe('转交期限已超时');
    expect(notificationText(breach!, 'en', new Date(now)).message).toBe(
      '2603-0009: Washing machine leaks — Overdue by 1 min',
    );
  });

  it('the on-call message names the contact', () => {
    const at = shanghai('2026-03-02 22:00');
    const state = new CaseBuilder(ID).capture(at, { urgent: true }).state();
    const [n] = due(state, at, [], { onCallContact: '张经理' });
    expect(notificationText(n!, 'zh-CN', new Date(at)).message).toContain('张经理');
  });
});
