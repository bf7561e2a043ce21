import { describe, expect, it } from 'vitest';
import {
  actorLabel,
  formatDateTime,
  formatInstant,
  formatShort,
  translatorFor,
  zoneNote,
} from './format';

describe('actorLabel: who did it, in the UI language', () => {
  it.each([
    ['zh-CN', { id: 'intake', name: 'Web form', role: 'system' }, '网页表单'],
    ['en', { id: 'intake', name: 'Web form', role: 'system' }, 'Web form'],
    ['zh-CN', { id: 'server', name: 'Server', role: 'system' }, '团队服务器'],
    ['zh-CN', { id: 'robot-9', name: 'Robot', role: 'system' }, '系统'],
    ['zh-CN', { id: 'u-1', name: '李娜', role: 'agent' }, '李娜（客服专员）'],
  ] as const)('%s %j → %s', (locale, actor, expected) => {
    const t = translatorFor(locale);
    expect(actorLabel(actor, t)).toBe(expected.replace('客服专员', t.code('role', 'agent')));
  });
});

describe('times on the calendar clock', () => {
  it('formats in the calendar zone, and names it only when the user’s clock differs', () => {
    expect(formatInstant('2026-03-02T02:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe(
      '2026/03/02 10:00',
    );
    expect(zoneNote('Asia/Shanghai', 'zh-CN', 'Asia/Shanghai')).toBe('');
    expect(zoneNote('Asia/Shanghai', 'zh-CN', 'Europe/Berlin')).toBe('（Asia/Shanghai）');
    expect(zoneNote('Asia/Shanghai', 'en', 'America/New_York')).toBe(' (Asia/Shanghai)');
  });
});

describe('formatDateTime', () => {
  it('names the month, in the calendar zone', () => {
    expect(formatDateTime('2026-12-07T20:27:00Z', 'en', 'Asia/Shanghai')).toBe(
      'Dec 8, 2026, 4:27 AM',
    );
    expect(formatDateTime('2026-12-07T20:27:00Z', 'zh-CN', 'Asia/Shanghai')).toBe(
      '2026年12月8日 04:27',
    );
    expect(formatDateTime('not a date', 'en', 'Asia/Shanghai')).toBe('');
  });
});

describe('formatShort', () => {
  it('names the month in English (never "12/8"), in the calendar zone', () => {
    expect(formatShort('2026-12-07T18:44:00Z', 'en', 'Asia/Shanghai')).toBe('Dec 8, 02:44');
    expect(formatShort('2026-12-07T18:44:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('12月8日 02:44');
  });
});
