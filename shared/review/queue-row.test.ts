import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../sla/index';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { NOTHING_DUE, type QueueRow, liveSla, toQueueRow } from './queue-row';
import { CaseBuilder } from '../../test/support/review';

const T0 = shanghai('2026-03-02 10:00');
const NOW = new Date(T0);

describe('toQueueRow', () => {
  it('projects what the queue shows and indexes', () => {
    const state = new CaseBuilder(uuidFor(1))
      .register(
        T0,
        {
          complainant: {
            name: '刘',
            anonymous: false,
            phone: '13812345678',
            email: 'liu@example.com',
          },
        },
        { caseNumber: '2603-0007' },
      )
      .assign(shanghai('2026-03-02 10:10'))
      .state();
    const row = toQueueRow(state, computeDeadlines(state, NOW));
    expect(row).toMatchObject({
      id: uuidFor(1),
      caseNumber: '2603-0007',
      severity: 'L1',
      subject: 'Washing machine leaks',
      customer: '刘',
      anonymous: false,
      status: 'assigned',
      channel: 'phone',
      category: 'product_quality',
      department: 'quality',
      assignee: 'u-handler',
      assigneeName: 'Wang Wei',
      companyFault: false,
      views: [],
      receivedAt: '2026-03-02T02:00:00.000Z',
      updatedAt: '2026-03-02T02:10:00.000Z',
    });
    // firstContact: 2 working hours from 10:10 → 12:10; warn at 75 % → 11:40.
    expect(row.nextDueAt).toBe('2026-03-02T04:10:00.000Z');
    expect(row.nextDueClock).toBe('firstContact');
    expect(row.dueKey).toBe(row.nextDueAt);
    expect(row.nextWarnAt).toBe('2026-03-02T03:40:00.000Z');
    expect(row.terms).toEqual(
      expect.arrayContaining(['2603-0007', '刘', '13812345678', 'liu@example.com', 'washing']),
    );
  });

  it('has nothing due once finished, and sorts last', () => {
    const state = new CaseBuilder(uuidFor(2))
      .register(T0)
      .assign(T0)
      .contact(T0)
      .invalid(T0)
      .state();
    const row = toQueueRow(state, computeDeadlines(state, NOW));
    expect(row.nextDueAt).toBeUndefined();
    expect(row.nextWarnAt).toBeUndefined();
    expect(row.dueKey).toBe(NOTHING_DUE);
    expect(NOTHING_DUE > '9999-12-31T23:59:59.999Z').toBe(true);
    expect(row.views).toEqual(['invalidVerdict']);
  });

  it('hides an anonymous complainant’s name and contact from the search terms', () => {
    const state = new CaseBuilder(uuidFor(3))
      .register(T0, { channel: 'web_form', complainant: { anonymous: true, name: 'Hidden' } })
      .state();
    const row = toQueueRow(state, computeDeadlines(state, NOW));
    expect(row.customer).toBe('');
    expect(row.anonymous).toBe(true);
    expect(row.terms).not.toContain('hidden');
  });

  it('falls back to the description for a subject, on one line and shortened', () => {
    const description = `Line one\n\nline two ${'x'.repeat(200)}`;
    const state = new CaseBuilder(uuidFor(4))
      .register(T0, { subject: undefined, description })
      .state();
    const { subject } = toQueueRow(state, computeDeadlines(state, NOW));
    expect(subject.startsWith('Line one line two')).toBe(true);
    expect(subject.length).toBe(120);
    expect(subject.endsWith('…')).toBe(true);
  });
});

describe('liveSla: the state of the next deadline at now', () => {
  const row: Pick<QueueRow, 'nextDueAt' | 'nextWarnAt' | 'nextDueClock' | 'worst'> = {
    nextDueAt: '2026-03-02T04:00:00.000Z',
    nextWarnAt: '2026-03-02T03:00:00.000Z',
    nextDueClock: 'reply',
    worst: 'running',
  };
  it.each([
    ['before the warning', '2026-03-02T02:59:59.999Z', 'running'],
    ['at the warning (75 %)', '2026-03-02T03:00:00.000Z', 'at_risk'],
    ['exactly at the due time: not yet breached', '2026-03-02T04:00:00.000Z', 'at_risk'],
    ['after the due time', '2026-03-02T04:00:00.001Z', 'breached'],
  ])('%s → %s', (_, now, state) => {
    expect(liveSla(row, new Date(now))).toMatchObject({ state, clock: 'reply' });
  });

  it('a finished row keeps its derived state; no clocks at all → undefined', () => {
    expect(liveSla({ worst: 'missed' }, NOW)).toEqual({ state: 'missed' });
    expect(liveSla({}, NOW)).toBeUndefined();
  });
});
