/**
 * A tiny stand-in for the intake API (`POST /api/v1/intake`) for the demo page and the browser
 * tests, until the server serves the demo: same contract (architecture.md), same shared schema,
 * spam rule, case numbers and reply deadline. Test hooks let a test script failures.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickLocale } from '../../shared/i18n/translate';
import { formatCaseNumber } from '../../shared/numbering/case-number';
import { toFieldErrors } from '../../shared/schema/issues';
import {
  type ComplaintSubmission,
  ComplaintSubmissionSchema,
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

export interface Post {
  status: number;
  id?: string;
  body: unknown;
}

export interface Receiver {
  /** Every POST, in order, with the status it got. */
  posts: Post[];
  /** Registered complaints by id (each id once). */
  complaints: Map<string, ComplaintSubmission & { caseNumber: string }>;
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
      const text = await readBody(req);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const scripted = receiver.script.findIndex((a) => !a.when || a.when(body));
      const answer =
        scripted >= 0
          ? receiver.script.splice(scripted, 1)[0]!
          : answerFor(body, req.headers['accept-language']);
      receiver.posts.push({
        status: answer.status,
        id: (body as { id?: string } | undefined)?.id,
        body,
      });
      reply(res, { ...answer, headers: { ...cors, ...answer.headers } });
    },
  };

  function answerFor(body: unknown, acceptLanguage: string | undefined): Answer {
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
    if (!known) receiver.complaints.set(s.id, { ...s, caseNumber });
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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
