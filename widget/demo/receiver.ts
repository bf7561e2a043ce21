/**
 * A tiny stand-in for the intake API (`POST /api/v1/intake`) for the demo page and the browser
 * tests, until the server serves the demo: same contract (docs/architecture.md), same shared schema,
 * spam rule, case numbers and reply deadline. Test hooks let a test script failures.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickLocale } from '../../shared/i18n/translate';
import { formatCaseNumber } from '../../shared/numbering/case-number';
import { sniffImageType } from '../../shared/schema/image-type';
import { toFieldErrors } from '../../shared/schema/issues';
import {
  type ComplaintSubmission,
  ComplaintSubmissionSchema,
  MAX_SUBMISSION_ATTACHMENTS,
  spamVerdict,
} from '../../shared/schema/submission';
import { deadlineFor } from '../../shared/sla/deadline-for';

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A scripted answer, used once, for the next POST (whose body matches `when`, if given). */
export interface ScriptedAnswer extends Answer {
  when?: (body: unknown) => boolean;
}

/** An image received in a multipart POST (`images` part). */
export interface ReceivedFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

export interface Post {
  status: number;
  id?: string;
  /** The submission JSON (the body, or the multipart `submission` part). */
  body: unknown;
  /** Images of a multipart POST (none for JSON). */
  files: ReceivedFile[];
}

export interface Receiver {
  /** Every POST, in order, with the status it got. */
  posts: Post[];
  /** Registered complaints by id (each id once), with the images that came with them. */
  complaints: Map<string, ComplaintSubmission & { caseNumber: string; files: ReceivedFile[] }>;
  /** Answers to use, in order, before the normal handling (e.g. `{status: 503}`). */
  script: ScriptedAnswer[];
  /** Minimum fill time the spam check applies (0 in tests that fill forms instantly). */
  minFillMs: number;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function createReceiver(options: { minFillMs?: number; now?: () => Date } = {}): Receiver {
  const now = options.now ?? (() => new Date());
  const receiver: Receiver = {
    posts: [],
    complaints: new Map(),
    script: [],
    minFillMs: options.minFillMs ?? 3000,
    async handle(req, res) {
      const cors = {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-headers': 'content-type, accept-language',
        'access-control-expose-headers': 'Retry-After',
        vary: 'Origin',
      };
      if (req.method === 'OPTIONS') return reply(res, { status: 204, headers: cors });
      const raw = await readBody(req);
      const contentType = req.headers['content-type'] ?? '';
      const { body, files, problem } = /^multipart\/form-data/i.test(contentType)
        ? await readMultipart(raw, contentType)
        : { body: parseJson(raw.toString('utf8')), files: [], problem: undefined };
      const scripted = receiver.script.findIndex((a) => !a.when || a.when(body));
      const answer =
        scripted >= 0
          ? receiver.script.splice(scripted, 1)[0]!
          : (problem ?? answerFor(body, files, req.headers['accept-language']));
      receiver.posts.push({
        status: answer.status,
        id: (body as { id?: string } | undefined)?.id,
        body,
        files,
      });
      reply(res, { ...answer, headers: { ...cors, ...answer.headers } });
    },
  };

  function answerFor(
    body: unknown,
    files: ReceivedFile[],
    acceptLanguage: string | undefined,
  ): Answer {
    const locale = pickLocale(acceptLanguage);
    const parsed = ComplaintSubmissionSchema.safeParse(body, { reportInput: true });
    if (!parsed.success) {
      return {
        status: 400,
        body: { errors: toFieldErrors(parsed.error.issues, locale, (_l, key) => key) },
      };
    }
    const unknown = Object.keys(body as object).filter((k) => !(k in parsed.data));
    if (unknown.length) {
      return {
        status: 400,
        body: {
          errors: unknown.map((path) => ({ path, code: 'validation.unknownField', message: path })),
        },
      };
    }
    const s = parsed.data;
    const spam = spamVerdict(s, receiver.minFillMs);
    if (spam === 'honeypot') return { status: 202, body: { id: s.id } };
    if (spam === 'tooFast')
      return {
        status: 400,
        body: { errors: [{ path: '', code: 'intake.tooFast', message: 'Too fast' }] },
      };
    const known = receiver.complaints.get(s.id);
    const receivedAt = now();
    const caseNumber =
      known?.caseNumber ?? formatCaseNumber(receivedAt, receiver.complaints.size + 1);
    if (!known) receiver.complaints.set(s.id, { ...s, caseNumber, files });
    const replyDueAt = deadlineFor('reply', {
      at: receivedAt,
      severity: 'L1',
      channel: 'web_form',
    }).dueAt;
    return {
      status: known ? 200 : 201,
      body: {
        id: s.id,
        caseNumber,
        receivedAt: receivedAt.toISOString(),
        replyDueAt: replyDueAt.toISOString(),
      },
    };
  }

  return receiver;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const MAX_FILE_BYTES = 1_048_576;
const error = (status: number, path: string, code: string): Answer => ({
  status,
  body: { errors: [{ path, code, message: code }] },
});

/**
 * A multipart intake body as the server reads it: the JSON in `submission`, at most 3 `images`
 * of ≤ 1 MB, each a JPEG, PNG or WebP by its bytes and declared as that (413 / 400 otherwise).
 */
async function readMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: ReceivedFile[]; problem?: Answer | undefined }> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    return { body: undefined, files: [], problem: error(400, '', 'request.badMultipart') };
  }
  const submission = form.get('submission');
  const body = typeof submission === 'string' ? parseJson(submission) : undefined;
  const uploads = form.getAll('images').filter((v): v is File => typeof v !== 'string');
  const files: ReceivedFile[] = [];
  for (const u of uploads) {
    const bytes = Buffer.from(await u.arrayBuffer());
    files.push({
      name: u.name,
      type: u.type,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
    });
  }
  let problem: Answer | undefined;
  if (files.length > MAX_SUBMISSION_ATTACHMENTS)
    problem = error(413, 'images', 'intake.tooManyFiles');
  for (const [i, f] of files.entries()) {
    if (problem) break;
    if (f.size > MAX_FILE_BYTES) problem = error(413, `images.${i}`, 'intake.fileTooLarge');
    else if (sniffImageType(f.bytes) !== f.type)
      problem = error(400, `images.${i}`, 'intake.fileType');
  }
  return { body, files, problem };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, { status, body, headers = {} }: Answer): void {
  const json = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}),
  });
  res.end(json);
}
