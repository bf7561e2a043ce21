import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { ComplaintState } from '../schema/complaint';
import { computeDeadlines } from '../sla/index';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { queueViews } from './queue-row';
import { type QueueView, isActive, isOpen } from './queue-views';
import { CaseBuilder } from '../../test/support/review';

const T0 = shanghai('2026-03-02 10:00'); // Monday, working hours
const at = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString();

function views(state: ComplaintState, now: string): QueueView[] {
  return queueViews(state, computeDeadlines(state, new Date(now)), new Date(now), defaultPolicy);
}

const registered = () => new CaseBuilder(uuidFor(1)).register(T0);
const inProgress = () => registered().assign(at(0.1)).contact(at(0.2));

describe('queueViews (domain.md §6)', () => {
  it.each<[string, () => CaseBuilder, string, QueueView[]]>([
    ['a fresh ordinary complaint is in no view', registered, at(0.1), []],
    ['forward clock past 75 % → sla', registered, at(0.45), ['sla']],
    ['forward clock overdue → sla', registered, at(2), ['sla']],
    [
      'L3 by keyword → severe (and L3 clocks)',
      () =>
        new CaseBuilder(uuidFor(2)).register(T0, {
          description: 'I will call a journalist about this washing machine.',
        }),
      at(0.1),
      ['severe'],
    ],
    ['override to L4 → severe', () => inProgress().override(at(0.3), 'L4'), at(0.35), ['severe']],
    [
      'invalid verdict not yet confirmed',
      () => inProgress().invalid(at(1)),
      at(1.1),
      ['invalidVerdict'],
    ],
    [
      'confirmed verdict leaves the view',
      () => inProgress().invalid(at(1)).confirmInvalid(at(2)),
      at(2.1),
      [],
    ],
    [
      'second complaint (same contact and category) → secondComplaint',
      () =>
        new CaseBuilder(uuidFor(3))
          .register(T0, {}, { secondComplaintOf: uuidFor(99) })
          .assign(at(0.1)),
      at(0.2),
      ['secondComplaint'],
    ],
    [
      'proposal above the handler’s limit → pendingApproval',
      () => inProgress().propose(at(1), 'supplier', { type: 'compensation', amount: 20_000 }),
      at(1.1),
      ['pendingApproval'],
    ],
    [
      'reassigned twice → reassigned',
      () =>
        registered()
          .assign(at(0.1))
          .assign(at(0.2), 'after_sales', 'u2', 'Zhao')
          .assign(at(0.3), 'logistics', 'u3', 'Qian'),
      at(0.4),
      ['reassigned'],
    ],
    [
      'unsatisfied at callback → reopened: unsatisfied and second complaint',
      () => inProgress().propose(at(1)).reply(at(2)).callback(at(3), 'unsatisfied'),
      at(3.1),
      ['secondComplaint', 'unsatisfied'],
    ],
    [
      'closed as unreachable → unreachable (recently)',
      () =>
        inProgress()
          .propose(at(1))
          .reply(at(2))
          .callback(shanghai('2026-03-09 10:00'), 'unreachable', shanghai('2026-03-04 10:00'))
          .close(shanghai('2026-03-09 11:00')),
      shanghai('2026-03-10 10:00'),
      ['unreachable'],
    ],
    [
      'the unreachable closure drops out after the review window',
      () =>
        inProgress()
          .propose(at(1))
          .reply(at(2))
          .callback(shanghai('2026-03-09 10:00'), 'unreachable', shanghai('2026-03-04 10:00'))
          .close(shanghai('2026-03-09 11:00')),
      shanghai('2026-04-20 10:00'),
      [],
    ],
    [
      'open more than 3 days → aging (and its clocks overdue)',
      () => inProgress().note(shanghai('2026-03-06 10:00')),
      shanghai('2026-03-06 10:30'),
      ['sla', 'aging'],
    ],
    [
      'open over 2 months with company fault → longOpenFault',
      () => inProgress().propose(at(1), 'company').escalate(at(1.5)),
      shanghai('2026-05-03 10:00'),
      ['sla', 'aging', 'longOpenFault'],
    ],
    [
      'over 2 months but not the company’s fault → no longOpenFault',
      () => inProgress().propose(at(1), 'supplier'),
      shanghai('2026-05-03 10:00'),
      ['sla', 'aging'],
    ],
  ])('%s', (_, build, now, expected) => {
    expect(views(build().state(), now)).toEqual(expected);
  });

  it('a closed case is in no view even when old', () => {
    const state = inProgress()
      .propose(at(1))
      .reply(at(2))
      .callback(at(3), 'satisfied')
      .close(at(4))
      .state();
    expect(views(state, shanghai('2026-06-01 10:00'))).toEqual([]);
  });
});

describe('isOpen / isActive', () => {
  it.each([
    ['draft', false, true],
    ['registered', true, true],
    ['follow_up', true, true],
    ['closed', false, false],
    ['invalid', false, false],
  ] as const)('%s → open %s, active %s', (status, open, active) => {
    expect(isOpen(status)).toBe(open);
    expect(isActive(status)).toBe(active);
  });
});
