import { createHmac } from 'node:crypto';
import { type SendResult, postJson } from './http';

const errcodeZero = (json: unknown) => (json as { errcode?: number } | undefined)?.errcode === 0;

/** WeCom (企业微信) group robot: the key is in the URL; answers `{errcode: 0}`. */
export function sendWecom(url: string, body: string, timeoutMs: number): Promise<SendResult> {
  return postJson(url, body, {}, timeoutMs, errcodeZero);
}

/**
 * DingTalk robot in signed-secret mode: `timestamp` (ms) and `sign` = Base64(HMAC-SHA256 with
 * the secret of "timestamp\nsecret"), URL-encoded, added to the webhook URL.
 */
export function dingtalkSignedUrl(url: string, secret: string, nowMs: number): string {
  const sign = createHmac('sha256', secret).update(`${nowMs}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

export function sendDingtalk(
  url: string,
  secret: string | undefined,
  body: string,
  timeoutMs: number,
  nowMs: number,
): Promise<SendResult> {
  return postJson(
    secret ? dingtalkSignedUrl(url, secret, nowMs) : url,
    body,
    {},
    timeoutMs,
    errcodeZero,
  );
}

/**
 * Feishu/Lark bot with signature check: `timestamp` (s) and `sign` = Base64(HMAC-SHA256 keyed
 * with "timestamp\nsecret" over an empty message), added to the body.
 */
export function feishuSign(secret: string, nowSeconds: number): string {
  return createHmac('sha256', `${nowSeconds}\n${secret}`).update('').digest('base64');
}

export function sendFeishu(
  url: string,
  secret: string | undefined,
  body: string,
  timeoutMs: number,
  nowMs: number,
): Promise<SendResult> {
  let signed = body;
  if (secret) {
    const timestamp = Math.floor(nowMs / 1000);
    signed = JSON.stringify({
      timestamp: String(timestamp),
      sign: feishuSign(secret, timestamp),
      ...JSON.parse(body),
    });
  }
  return postJson(url, signed, {}, timeoutMs, (json) => {
    const j = json as { code?: number; StatusCode?: number } | undefined;
    return j?.code === 0 || j?.StatusCode === 0;
  });
}
