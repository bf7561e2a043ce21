import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor, slaCounts } from './badge';

const NOW = new Date('2026-03-02T04:00:00.000Z');
const running = { nextDueAt: '2026-03-02T06:00:00.000Z', nextWarnAt: '2026-03-02T05:00:00.000Z' };
const atRisk = { nextDueAt: '2026-03-02T06:00:00.000Z', nextWarnAt: '2026-03-02T03:00:00.000Z' };
const breached = { nextDueAt: '2026-03-02T03:30:00.000Z', nextWarnAt: '2026-03-02T03:00:00.000Z' };
const finished = { worst: 'met' as const };

describe('badgeFor: number breached; number at risk when none is breached; colour and text', () => {
  it.each([
    ['nothing due', { breached: 0, atRisk: 0 }, '', BADGE_COLORS.clear, 'No complaint is at risk'],
    [
      'at risk only',
      { breached: 0, atRisk: 2 },
      '~2',
      BADGE_COLORS.atRisk,
      '2 complaints are at risk of missing a deadline',
    ],
    [
      'breached wins over at risk',
      { breached: 1, atRisk: 5 },
      '!1',
      BADGE_COLORS.breached,
      '1 complaint is overdue',
    ],
    [
      'large numbers are capped',
      { breached: 1234, atRisk: 0 },
      '!99+',
      BADGE_COLORS.breached,
      '1234 complaints are overdue',
    ],
  ])('%s', (_, counts, text, color, title) => {
    expect(badgeFor(counts, 'en')).toEqual({ text, color, title });
  });

  it('from rows at an instant', () => {
    const rows = [running, atRisk, atRisk, finished];
    expect(slaCounts(rows, NOW)).toEqual({ breached: 0, atRisk: 2 });
    expect(badgeFor(rows, 'zh-CN', NOW)).toEqual({
      text: '~2',
      color: BADGE_COLORS.atRisk,
      title: '2 条投诉即将超时',
    });
    expect(badgeFor([...rows, breached], 'zh-CN', NOW).text).toBe('!1');
  });

  it('the same rows later: time alone moves them from at risk to breached', () => {
    const later = new Date('2026-03-02T06:00:00.001Z');
    expect(slaCounts([running, atRisk], later)).toEqual({ breached: 2, atRisk: 0 });
  });

  it('rows need the time', () => {
    expect(() => badgeFor([running], 'en')).toThrow(TypeError);
  });
});
