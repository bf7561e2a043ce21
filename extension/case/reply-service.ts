import type { Locale } from '@shared/schema/codes';
import * as z from 'zod/mini';
import { type HttpOptions, SyncError, call } from '../sync/client';
import { type DeliveryLog, loadCaseDeliveries } from '../team/deliveries';

const Queued = z.object({
  key: z.string(),
  to: z.string(),
  text: z.string(),
  channel: z.optional(z.enum(['email', 'sms'])),
});
export type QueuedReply = z.infer<typeof Queued>;

export type ReplyChannel = 'email' | 'sms';

export type SendResult =
  | { ok: true; reply: QueuedReply }
  | { ok: false; reason: string; params?: Record<string, unknown> };

/**
 * The team server's side of "reply to customer" (team mode only): send by email through the
 * server's SMTP or by SMS through its gateway, and read what became of it. Sending only queues: the server answers 202, and
 * the `replied` event reaches the log (and this device, by sync) once the mail went out.
 */
export interface ReplyService {
  send(
    complaintId: string,
    body: { channel: ReplyChannel; locale: Locale; message: string },
  ): Promise<SendResult>;
  deliveries(complaintId: string): Promise<DeliveryLog>;
}

export function httpReplyService(opts: HttpOptions): ReplyService {
  return {
    async send(complaintId, { channel, locale, message }) {
      try {
        const answer = Queued.safeParse(
          await call(opts, `/complaints/${encodeURIComponent(complaintId)}/reply`, {
            method: 'POST',
            body: JSON.stringify({ channel, locale, message }),
          }),
        );
        return answer.success
          ? { ok: true, reply: answer.data }
          : { ok: false, reason: 'ext.sync.error.badAnswer' };
      } catch (err) {
        if (!(err instanceof SyncError)) throw err;
        // 422 no address, 503 no mail server or SMS gateway: the server's own words say which.
        return { ok: false, reason: err.reason, ...(err.params ? { params: err.params } : {}) };
      }
    },
    deliveries: (complaintId) => loadCaseDeliveries(opts, complaintId),
  };
}
