/** Loopback receivers for notification tests: an HTTP webhook endpoint and an SMTP server. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface Receipt {
  path: string;
  delivery: string | undefined;
  /** The signature header checked against the raw body with the secret. */
  signatureValid: boolean;
  raw: string;
  body: unknown;
  /** What the receiver answered (0: it never answered). */
  status: number;
}

/**
 * A webhook endpoint on 127.0.0.1. `answer(n, receipt)` gives the status for the n-th request
 * (1-based) or `'hang'` to never answer (a server dying mid-delivery).
 */
export async function startReceiver(
  secret: string,
  answer: (n: number, r: Receipt) => number | 'hang' | { status: number; json: unknown } = () =>
    200,
) {
  const receipts: Receipt[] = [];
  const hanging: ServerResponse[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const given = String(req.headers['x-complaint-desk-signature'] ?? '');
    const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    const receipt: Receipt = {
      path: req.url ?? '',
      delivery: req.headers['x-complaint-desk-delivery'] as string | undefined,
      signatureValid:
        given.length === expected.length &&
        timingSafeEqual(Buffer.from(given), Buffer.from(expected)),
      raw,
      body: raw ? JSON.parse(raw) : undefined,
      status: 0,
    };
    receipts.push(receipt);
    for (const w of waiters.splice(0)) w();
    const a = answer(receipts.length, receipt);
    if (a === 'hang') {
      hanging.push(res);
      return;
    }
    const { status, json } = typeof a === 'number' ? { status: a, json: { ok: true } } : a;
    receipt.status = status;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    receipts,
    /** Resolves once at least `n` requests arrived (or rejects after `ms`). */
    async waitFor(n: number, ms = 20_000): Promise<Receipt[]> {
      const deadline = Date.now() + ms;
      while (receipts.length < n) {
        if (Date.now() > deadline)
          throw new Error(`expected ${n} webhook requests, got ${receipts.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return receipts;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ReceivedMail {
  /** The envelope recipients. */
  rcpt: string[];
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string | undefined;
  delivery: string | undefined;
  attachments: { filename: string | null; mimeType: string; content: string }[];
}

/**
 * An SMTP server on 127.0.0.1 (no TLS, no auth) that parses what it receives; on `port` when
 * given (a test that lets mail fail first, then starts the server where it was expected).
 */
export async function startSmtp(port = 0) {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        try {
          const m = await PostalMime.parse(Buffer.concat(chunks), { attachmentEncoding: 'utf8' });
          mails.push({
            rcpt: session.envelope.rcptTo.map((r) => r.address),
            from: m.from?.address ?? '',
            to: (m.to ?? []).map((a) => ('address' in a ? (a.address ?? '') : '')),
            subject: m.subject ?? '',
            text: m.text ?? '',
            messageId: m.messageId,
            inReplyTo: m.inReplyTo,
            references: m.references,
            delivery: m.headers.find((h) => h.key === 'x-complaint-desk-delivery')?.value,
            attachments: m.attachments.map((a) => ({
              filename: a.filename,
              mimeType: a.mimeType,
              content: String(a.content),
            })),
          });
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    mails,
    async waitFor(n: number, ms = 20_000): Promise<ReceivedMail[]> {
      const deadline = Date.now() + ms;
      while (mails.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
