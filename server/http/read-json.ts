/** Why a body was refused before validation; `code` is a message key of server/messages.ts. */
export type BodyProblem =
  | { status: 413; code: 'request.tooLarge'; params: { limitKb: number } }
  | { status: 415; code: 'request.notJson' }
  | {
      status: 400;
      code:
        | 'request.invalidUtf8'
        | 'request.invalidJson'
        | 'request.notObject'
        | 'request.badText'
        | 'request.tooDeep';
      params?: { max: number };
    };

export type JsonBody = { ok: true; value: Record<string, unknown> } | ({ ok: false } & BodyProblem);

/** Objects and arrays nest at most this deep; the submission schema needs 4. */
export const MAX_DEPTH = 32;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });
// A NUL cannot be stored in PostgreSQL text/jsonb; lone surrogates are not valid UTF-8 at all.
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Reads at most `limit` bytes of the stream; undefined when it is longer. */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Depth, NUL and surrogate checks over a parsed value, without recursion. */
function checkValue(root: unknown): BodyProblem | undefined {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (BAD_TEXT.test(value)) return { status: 400, code: 'request.badText' };
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_DEPTH)
        return { status: 400, code: 'request.tooDeep', params: { max: MAX_DEPTH } };
      if (Array.isArray(value)) {
        for (const item of value) stack.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(value)) {
          if (BAD_TEXT.test(key)) return { status: 400, code: 'request.badText' };
          stack.push([item, depth + 1]);
        }
      }
    }
  }
  return undefined;
}

/**
 * The JSON object of a request, read defensively: media type, byte limit (also for chunked
 * bodies without Content-Length), strict UTF-8, syntax, depth, and text PostgreSQL can store.
 */
export async function readJsonObject(request: Request, limitBytes: number): Promise<JsonBody> {
  const limitKb = Math.round(limitBytes / 1024);
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, status: 415, code: 'request.notJson' };
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limitBytes)
    return { ok: false, status: 413, code: 'request.tooLarge', params: { limitKb } };
  const bytes = await readLimited(request.body, limitBytes);
  if (!bytes) return { ok: false, status: 413, code: 'request.tooLarge', params: { limitKb } };
  return parseJsonObject(bytes);
}

/** A JSON object from bytes: strict UTF-8, syntax, depth, and text PostgreSQL can store. */
export function parseJsonObject(bytes: Uint8Array): JsonBody {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, status: 400, code: 'request.invalidUtf8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Includes a RangeError from absurd nesting.
    return { ok: false, status: 400, code: 'request.invalidJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, code: 'request.notObject' };
  }
  const problem = checkValue(value);
  if (problem) return { ok: false, ...problem };
  return { ok: true, value: value as Record<string, unknown> };
}
