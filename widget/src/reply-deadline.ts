import type { Locale } from '@shared/schema/codes';
import type { Receipt } from './events';
import { loadDeadlineFor } from './lazy';

export interface ReplyDue {
  due: Date;
  from: Date;
}

/**
 * When the reply is due: the server's `replyDueAt` (it applies the organisation's policy), else
 * the shared SLA rule's default `reply` clock from the time the complaint was received.
 */
export async function replyDue(receipt: Receipt, now: Date): Promise<ReplyDue | undefined> {
  const from = receipt.receivedAt ? new Date(receipt.receivedAt) : now;
  let due = receipt.replyDueAt ? new Date(receipt.replyDueAt) : undefined;
  if (!due) {
    const deadlineFor = await loadDeadlineFor().catch(() => undefined);
    due = deadlineFor?.('reply', { at: from, severity: 'L1', channel: 'web_form' }).dueAt;
  }
  return due && !Number.isNaN(due.getTime()) && !Number.isNaN(from.getTime())
    ? { due, from }
    : undefined;
}

/** The deadline in words, in the visitor's time zone: "Tuesday, 24 November at 15:30", "24 hours". */
export function replyWords(
  locale: Locale,
  { due, from }: ReplyDue,
): { when: string; within: string } {
  const when = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: due.getFullYear() === from.getFullYear() ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(due);
  const hours = Math.max(1, Math.round((due.getTime() - from.getTime()) / 3_600_000));
  const [n, unit] = hours <= 48 ? [hours, 'hour'] : [Math.round(hours / 24), 'day'];
  let within: string;
  try {
    within = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
  } catch {
    within = `${n} ${unit === 'hour' ? 'h' : 'd'}`;
  }
  return { when, within };
}
