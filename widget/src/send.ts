import type { Locale } from '@shared/schema/codes';
import type { FieldError } from '@shared/schema/issues';
import type { Receipt } from './events';

/** How one POST to the intake API ended, as far as the widget must act on it. */
export type SendOutcome =
  | { kind: 'ok'; receipt: Receipt }
  | { kind: 'invalid'; status: number; errors: FieldError[] }
  | { kind: 'tooLarge'; status: number }
  | { kind: 'rateLimited'; status: number; retryAfterMs: number }
  | { kind: 'rejected'; status: number }
  /** Network failure, timeout or 5xx: worth retrying from the outbox. */
  | { kind: 'retry'; status?: number };

const TIMEOUT_MS = 20_000;

/** An image to upload with the submission: the (downscaled) bytes and the file name. */
export interface UploadFile {
  name: string;
  type: string;
  blob: Blob;
}

/**
 * The request body: the JSON alone, or — with images — `multipart/form-data` with the JSON in a
 * `submission` part and each image in an `images` part (the browser sets the boundary).
 */
export function requestBody(
  json: string,
  files: readonly UploadFile[] = [],
): { body: string | FormData; headers: Record<string, string> } {
  if (files.length === 0) return { body: json, headers: { 'content-type': 'application/json' } };
  const form = new FormData();
  form.append('submission', json);
  for (const f of files) form.append('images', f.blob, f.name);
  return { body: form, headers: {} };
}

/**
 * POSTs one submission (already JSON), with its images as multipart when there are any, and
 * classifies the answer. Never throws.
 */
export async function send(
  endpoint: string,
  submission: string,
  locale: Locale,
  fetchFn: typeof fetch = fetch,
  now = Date.now(),
  files: readonly UploadFile[] = [],
): Promise<SendOutcome> {
  let res: Response;
  try {
    const { body, headers } = requestBody(submission, files);
    res = await fetchFn(endpoint, {
      method: 'POST',
      headers: { ...headers, 'accept-language': locale },
      body,
      credentials: 'omit',
      signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(TIMEOUT_MS) : null,
    });
  } catch {
    return { kind: 'retry' };
  }
  const { status } = res;
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (status >= 200 && status < 300) {
    // A registration (200/201) names its case number; an answer without one was not understood
    // (a proxy's page, a truncated body): the complaint stays in the outbox, never dropped.
    const registered = status !== 202;
    if (registered && typeof json?.caseNumber !== 'string') return { kind: 'retry', status };
    return { kind: 'ok', receipt: (json ?? {}) as unknown as Receipt };
  }
  if (status === 400 || status === 422) {
    const errors = Array.isArray(json?.errors) ? (json.errors as FieldError[]) : [];
    return { kind: 'invalid', status, errors };
  }
  if (status === 413) return { kind: 'tooLarge', status };
  if (status === 429) {
    return {
      kind: 'rateLimited',
      status,
      retryAfterMs: retryAfterMs(res.headers.get('retry-after'), now),
    };
  }
  // 408 (server timeout) is transient like a 5xx; other 4xx will not change by retrying.
  if (status >= 500 || status === 408) return { kind: 'retry', status };
  return { kind: 'rejected', status };
}

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; 60 s when absent or
 * unreadable (the header is not CORS-safelisted, so a server that does not expose it reads as
 * absent), clamped to 1 s … 1 h.
 */
export function retryAfterMs(header: string | null, now: number): number {
  let ms = 60_000;
  if (header) {
    const seconds = Number(header);
    const date = Date.parse(header);
    if (Number.isFinite(seconds)) ms = seconds * 1000;
    else if (!Number.isNaN(date)) ms = date - now;
  }
  return Math.min(3_600_000, Math.max(1000, ms));
}
