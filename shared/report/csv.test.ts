import { describe, expect, it } from 'vitest';
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { BOM, csvCell, toCsv } from './csv';
import { monthlyReport } from './monthly-report';
import { reportToCsv, reportToJson } from './report-csv';

describe('csvCell: RFC 4180 and formula-injection safe', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+86 138', "'+86 138"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['洗衣机漏水', '洗衣机漏水'],
    [-5, '-5'],
    [0.75, '0.75'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('BOM first, CRLF between and after rows', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe(`${BOM}a,1\r\nb,2\r\n`);
  });
});

describe('reportToCsv / reportToJson', () => {
  const state = new CaseBuilder(uuidFor(0x200))
    .register(shanghai('2026-02-02 10:00'))
    .assign(shanghai('2026-02-02 10:10'))
    .contact(shanghai('2026-02-02 10:30'))
    .propose(shanghai('2026-02-02 11:00'), 'company', {
      rootCause: '=cmd|"/c calc"!A1',
      correctiveAction: 'Train staff',
    })
    .state();
  const report = monthlyReport([state], '2026-02', new Date(shanghai('2026-03-05 10:00')));

  it('a Chinese CSV that Excel opens: BOM, translated labels, one block per section', () => {
    const csv = reportToCsv(report, 'zh-CN');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toContain('投诉月报 2026年2月');
    // The period and the generation time on the calendar's wall clock, not UTC instants.
    expect(csv).toContain('统计期间,2026-02-01 至 2026-02-28（Asia/Shanghai）');
    expect(csv).toContain('生成时间,2026-03-05 10:00 (Asia/Shanghai)');
    expect(csv).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(csv).toContain('产品质量,1,100.0%');
    expect(csv).toContain('报送截止日,2026-03-10');
    expect(csv.split('\r\n\r\n').length).toBeGreaterThanOrEqual(10);
  });

  it('user text in the report cannot run as a formula', () => {
    const csv = reportToCsv(report, 'en');
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });

  it('changes are numbers (a negative change is not escaped)', () => {
    const csv = reportToCsv(report, 'en');
    const line = csv.split('\r\n').find((l) => l.startsWith('Complaints registered'));
    expect(line).toBe('Complaints registered,1,0,1');
  });

  it('JSON carries the figures and a format tag', () => {
    const json = JSON.parse(reportToJson(report));
    expect(json).toMatchObject({
      format: 'complaint-desk-monthly-report',
      formatVersion: 1,
      month: '2026-02',
      registered: 1,
    });
  });
});
