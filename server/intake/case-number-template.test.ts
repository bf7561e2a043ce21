import { describe, expect, it } from 'vitest';
import { formatCaseNumber } from '../../shared/numbering/index';
import { caseNumberTemplate, fillTemplate } from './case-number-template';

describe('caseNumberTemplate', () => {
  const at = new Date('2026-11-30T17:00:00Z'); // already December in Shanghai
  it.each(['YYMM-NNNN', 'YYYYMMNNNNNN', 'C-YY-MM/NNN', 'NNNN/YYMM', 'YYMMN'])(
    'matches formatCaseNumber for %s',
    (format) => {
      const template = caseNumberTemplate(at, 'Asia/Shanghai', format);
      for (const serial of [1, 9, 10, 99, 100, 9_999, 10_000, 123_456]) {
        expect(fillTemplate(template, serial)).toBe(
          formatCaseNumber(at, serial, 'Asia/Shanghai', format),
        );
      }
    },
  );

  it('splits the default format around the serial', () => {
    expect(caseNumberTemplate(at, 'Asia/Shanghai', 'YYMM-NNNN')).toEqual({
      prefix: '2612-',
      width: 4,
      suffix: '',
    });
    expect(caseNumberTemplate(at, 'Europe/London', 'YYMM-NNNN').prefix).toBe('2611-');
  });
});
