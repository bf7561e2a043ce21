import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import { computeDeadlines } from '../sla/index';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { countByStatus, queueToCsv, queueToJson } from './export';
import { toQueueRow } from './queue-row';
import { CaseBuilder } from '../../test/support/review';

const T0 = shanghai('2026-03-02 10:00');
const now = new Date(T0);
const rows = [
  new CaseBuilder(uuidFor(1))
    .register(T0, { subject: '=HYPERLINK("x")' }, { caseNumber: '2603-0001' })
    .state(),
  new CaseBuilder(uuidFor(2)).register(T0, { subject: '洗衣机漏水, "急"' }).assign(T0).state(),
].map((s) => toQueueRow(s, computeDeadlines(s, now)));

describe('queue export', () => {
  it('counts by status, every status present', () => {
    const counts = countByStatus(rows);
    expect(counts.registered).toBe(1);
    expect(counts.assigned).toBe(1);
    expect(counts.closed).toBe(0);
  });

  it('CSV: BOM, CRLF, quoting, formula-safe, translated', () => {
    const csv = queueToCsv(rows, 'zh-CN', now);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`'=HYPERLINK(""x"")`);
    expect(lines[2]).toContain('"洗衣机漏水, ""急"""');
    expect(lines[2]).toContain('已分派');
  });

  it.each(['en', 'zh-CN'] as const)(
    'CSV (%s): no two columns share a name; times on the calendar clock, zone named',
    (locale) => {
      const csv = queueToCsv(rows, locale, now, defaultPolicy);
      const [head, first] = csv.slice(1).split('\r\n') as [string, string];
      const names = head.split(',');
      expect(new Set(names).size).toBe(names.length);
      expect(head).toContain('Asia/Shanghai');
      expect(first).toContain('2026-03-02 10:00');
      expect(first).not.toMatch(/\d{4}-\d\d-\d\dT/);
    },
  );

  it('JSON leaves the search terms out', () => {
    const json = JSON.parse(queueToJson(rows));
    expect(json.rows).toHaveLength(2);
    expect(json.rows[0].terms).toBeUndefined();
    expect(json.rows[0].caseNumber).toBe('2603-0001');
  });
});
