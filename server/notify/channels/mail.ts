import nodemailer, { type Transporter } from 'nodemailer';
import type { Message } from '../messages';
import type { SendResult } from './http';

export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465` (nodemailer's connection URL). */
  url: string;
  from: string;
}

/** One SMTP transport per configuration (pooled connections). */
export class Mailer {
  readonly #transport: Transporter;
  readonly from: string;

  constructor(config: MailConfig, timeoutMs: number) {
    this.from = config.from;
    this.#transport = nodemailer.createTransport(config.url, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(
    deliveryId: string,
    message: Extract<Message, { kind: 'mail' }>,
  ): Promise<SendResult & { messageId?: string }> {
    try {
      const info = await this.#transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // The same id on every retry lets a mailbox tell a resend from a new message.
        messageId: `<${deliveryId}@complaint-desk>`,
        headers: { 'X-Complaint-Desk-Delivery': deliveryId, ...message.headers },
        attachments: message.attachments?.map((a) => ({ ...a })),
      });
      return {
        ok: info.rejected.length === 0,
        detail: `SMTP ${info.response}`.slice(0, 300),
        messageId: info.messageId,
      };
    } catch (err) {
      const e = err as Error & { code?: string; responseCode?: number };
      return {
        ok: false,
        detail: `${e.code ?? 'SMTP'} ${e.responseCode ?? ''} ${e.message}`.slice(0, 300),
      };
    }
  }

  close(): void {
    this.#transport.close();
  }
}
