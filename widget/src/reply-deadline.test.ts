import { describe, expect, it } from 'vitest';
import { replyDue, replyWords } from './reply-deadline';

const from = new Date('2026-11-16T02:00:00Z');

describe('replyDue', () => {
  it('takes the server’s replyDueAt', async () => {
    const due = await replyDue(
      { id: 'a', receivedAt: from.toISOString(), replyDueAt: '2026-11-19T10:00:00Z' },
      new Date(),
    );
    expect(due).toEqual({ due: new Date('2026-11-19T10:00:00Z'), from });
  });

  it('else applies the shared SLA rule (reply: 24 clock hours by default)', async () => {
    const due = await replyDue({ id: 'a', receivedAt: from.toISOString() }, new Date());
    expect(due?.due.toISOString()).toBe('2026-11-17T02:00:00.000Z');
  });

  it('gives up on nonsense rather than showing "Invalid Date"', async () => {
    expect(
      await replyDue({ id: 'a', receivedAt: 'yesterday', replyDueAt: 'soon' }, new Date()),
    ).toBeUndefined();
  });
});

describe('replyWords', () => {
  it.each([
    ['en', '2026-11-17T02:00:00Z', '24 hours'],
    ['zh-CN', '2026-11-17T02:00:00Z', '24小时'],
    ['en', '2026-11-19T02:00:00Z', '3 days'],
    ['zh-CN', '2026-11-19T02:00:00Z', '3天'],
  ] as const)('%s, due %s → within %s', (locale, due, within) => {
    const words = replyWords(locale, { due: new Date(due), from });
    expect(words.within).toBe(within);
    expect(words.when).toMatch(locale === 'en' ? /November/ : /11月/);
  });
});
