import { describe, expect, it } from 'vitest';
import { historyOrder } from './history-order';
import type { StoredEvent } from './types';

const e = (seq: number, pending: 0 | 1 | 2, serverSeq?: number, afterSeq?: number) =>
  ({
    seq,
    pending,
    ...(serverSeq === undefined ? {} : { serverSeq }),
    ...(pending === 2
      ? { rejection: { reason: 'x', at: '', ...(afterSeq === undefined ? {} : { afterSeq }) } }
      : {}),
  }) as StoredEvent;

describe('historyOrder', () => {
  it.each([
    [
      'a refusal after the server events it was refused after, before later ones and local ones',
      [e(1, 0, 1), e(2, 2, undefined, 5), e(3, 0, 5), e(4, 0, 9), e(5, 1)],
      [1, 3, 2, 4, 5],
    ],
    [
      'an assignment made offline, refused after a withdrawal pulled later, is listed after it',
      [e(1, 0, 1), e(2, 0, 2), e(3, 2, undefined, 3), e(4, 0, 3)],
      [1, 2, 4, 3],
    ],
    [
      'refusals without a known position go after every server event, before unsent ones',
      [e(1, 0, 4), e(2, 2), e(3, 1), e(4, 0, 2)],
      [4, 1, 2, 3],
    ],
    [
      'two refusals keep their server position, then local order',
      [e(1, 2, undefined, 7), e(2, 2, undefined, 3), e(3, 0, 5), e(4, 2, undefined, 3)],
      [2, 4, 3, 1],
    ],
    [
      // Both came back in one answer that was the first page of several (its cursor was 2); the
      // server gave each its own position, so the second lands among the next page's events.
      'refusals from one answer, each at the position the server gave it',
      [
        ...[e(1, 0, 1), e(2, 0, 2), e(3, 2, undefined, 2), e(4, 2, undefined, 6)],
        ...[3, 4, 5, 6, 7].map((s) => e(s + 2, 0, s)),
      ],
      [1, 2, 3, 5, 6, 7, 8, 4, 9],
    ],
    ['local only: local order', [e(2, 1), e(1, 1)], [1, 2]],
  ])('%s', (_name, events, seqs) => {
    expect(historyOrder(events).map((x) => x.seq)).toEqual(seqs);
  });

  it('drops nothing', () => {
    const all = [e(1, 0, 1), e(2, 2, undefined, 0), e(3, 1), e(4, 2)];
    expect(historyOrder(all)).toHaveLength(all.length);
  });
});
