import { createHash } from 'node:crypto';
import { type ImageType, sniffImageType } from '../../shared/schema/image-type';
import { MAX_SUBMISSION_ATTACHMENTS } from '../../shared/schema/submission';
import { type JsonBody, parseJsonObject, readLimited } from '../http/read-json';

/** The largest photo the intake stores (the widget downscales to this; AttachmentMetaSchema). */
export const MAX_FILE_BYTES = 1_048_576;
/** Room for part headers and boundaries around the submission and the files. */
const OVERHEAD_BYTES = 64 * 1024;

/** An uploaded photo, checked: its type comes from its first bytes, not from the sender. */
export interface IntakeFile {
  name: string;
  type: ImageType;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/** Why a multipart body was refused; `code` is a message key of server/messages.ts. */
export type MultipartProblem =
  | { ok: false; status: 413; code: 'request.tooLarge'; params: { limitKb: number }; path?: '' }
  | {
      ok: false;
      status: 413;
      code: 'intake.fileTooLarge';
      params: { name: string; maxKb: number };
      path: string;
    }
  | { ok: false; status: 413; code: 'intake.tooManyFiles'; params: { max: number }; path: string }
  | { ok: false; status: 400; code: 'intake.fileType'; params: { name: string }; path: string }
  | {
      ok: false;
      status: 400;
      code: 'request.badMultipart';
      params?: { part: string };
      path?: string;
    };

export type IntakeBody =
  | { ok: true; value: Record<string, unknown>; files?: IntakeFile[] }
  | Exclude<JsonBody, { ok: true }>
  | MultipartProblem;

export const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;
/** The part that carries the submission JSON, and the parts that carry photos. */
export const SUBMISSION_PART = 'submission';
export const IMAGES_PART = 'images';

/** A file name safe to store and to put in a Content-Disposition: no paths, no controls. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'image').slice(0, 255);
}

/**
 * A `multipart/form-data` intake body: a `submission` part (the same JSON as the JSON-only
 * path, checked the same way) and at most MAX_SUBMISSION_ATTACHMENTS `images` parts of at most
 * 1 MB each, JPEG, PNG or WebP by their first bytes (and declared as that type). The whole body
 * is read within a byte limit first (also for chunked bodies), then parsed.
 */
export async function readIntakeMultipart(
  request: Request,
  jsonLimitBytes: number,
): Promise<IntakeBody> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/;\s*boundary=/i.test(contentType))
    return { ok: false, status: 400, code: 'request.badMultipart' };
  // Room for one file more than allowed, so that "too many" is told apart from "too large".
  const limit = jsonLimitBytes + (MAX_SUBMISSION_ATTACHMENTS + 1) * MAX_FILE_BYTES + OVERHEAD_BYTES;
  const tooLarge = {
    ok: false,
    status: 413,
    code: 'request.tooLarge',
    params: { limitKb: Math.round(limit / 1024) },
  } as const;
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return tooLarge;
  const bytes = await readLimited(request.body, limit);
  if (!bytes) return tooLarge;

  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    return { ok: false, status: 400, code: 'request.badMultipart' };
  }

  let submission: Uint8Array | undefined;
  const uploads: File[] = [];
  for (const [part, value] of form.entries()) {
    if (part === SUBMISSION_PART && submission === undefined) {
      submission =
        typeof value === 'string'
          ? new TextEncoder().encode(value)
          : new Uint8Array(await value.arrayBuffer());
    } else if (part === IMAGES_PART && typeof value !== 'string') {
      uploads.push(value);
    } else {
      return { ok: false, status: 400, code: 'request.badMultipart', params: { part }, path: part };
    }
  }
  if (submission === undefined) {
    return {
      ok: false,
      status: 400,
      code: 'request.badMultipart',
      params: { part: SUBMISSION_PART },
      path: SUBMISSION_PART,
    };
  }
  if (submission.byteLength > jsonLimitBytes) {
    return {
      ok: false,
      status: 413,
      code: 'request.tooLarge',
      params: { limitKb: Math.round(jsonLimitBytes / 1024) },
    };
  }
  if (uploads.length > MAX_SUBMISSION_ATTACHMENTS) {
    return {
      ok: false,
      status: 413,
      code: 'intake.tooManyFiles',
      params: { max: MAX_SUBMISSION_ATTACHMENTS },
      path: IMAGES_PART,
    };
  }
  const files: IntakeFile[] = [];
  for (const [i, upload] of uploads.entries()) {
    const name = cleanFileName(upload.name);
    const path = `${IMAGES_PART}.${i}`;
    if (upload.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        status: 413,
        code: 'intake.fileTooLarge',
        params: { name, maxKb: MAX_FILE_BYTES / 1024 },
        path,
      };
    }
    const data = Buffer.from(await upload.arrayBuffer());
    const type = sniffImageType(data);
    const declaredType = upload.type.split(';')[0]!.trim().toLowerCase();
    if (!type || declaredType !== type) {
      return { ok: false, status: 400, code: 'intake.fileType', params: { name }, path };
    }
    files.push({
      name,
      type,
      size: data.byteLength,
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data,
    });
  }

  const json = parseJsonObject(submission);
  if (!json.ok) return json;
  return { ok: true, value: json.value, files };
}
