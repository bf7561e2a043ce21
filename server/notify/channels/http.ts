import { createHmac } from 'node:crypto';

export interface SendResult {
  ok: boolean;
  /** For the delivery log: the status and the start of the answer, or the error. */
  detail: string;
}

/** POSTs `body` as JSON; 2xx is success. Never throws: a network error is a failed result. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  /** Robots answer 200 with an error code in the body: this reads it. */
  accept: (json: unknown) => boolean = () => true,
): Promise<SendResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = (await res.text()).slice(0, 300);
    if (!res.ok) return { ok: false, detail: `HTTP ${res.status} ${text}`.trim() };
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return accept(json)
      ? { ok: true, detail: `HTTP ${res.status}` }
      : { ok: false, detail: `HTTP ${res.status} ${text}` };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { ok: false, detail: e.cause?.code ?? e.name ?? 'error' };
  }
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the generic webhook's signature header. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Generic JSON webhook (and the SMS gateway adapter): signed body, stable delivery id. */
export function sendWebhook(
  url: string,
  secret: string | undefined,
  deliveryId: string,
  body: string,
  timeoutMs: number,
): Promise<SendResult> {
  const headers: Record<string, string> = { 'X-Complaint-Desk-Delivery': deliveryId };
  if (secret) headers['X-Complaint-Desk-Signature'] = signBody(secret, body);
  return postJson(url, body, headers, timeoutMs);
}
