import { describe, expect, it } from 'vitest';
import { caseNumberLabel } from './provisional';

describe('caseNumberLabel', () => {
  it.each([
    ['en', 'local', 'Provisional · L-2611-0003'],
    ['zh-CN', 'local', '待定 · L-2611-0003'],
    ['en', 'server', '2611-0003'],
    ['zh-CN', undefined, '2611-0003'],
  ] as const)('%s, issued by %s → %s', (locale, issuer, label) => {
    expect(caseNumberLabel(locale, '2611-0003', issuer)).toBe(label);
  });

  it('never gives a provisional number the shape of a server number', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      expect(caseNumberLabel(locale, '2611-0003', 'local')).not.toBe('2611-0003');
  });
});
