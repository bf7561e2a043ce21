import * as z from 'zod/mini';
import { LOCALES } from './codes';
import {
  AttachmentMetaSchema,
  WHEN_COMPLAINANT_PARSED,
  checkComplainant,
  complaintContent,
} from './fields';
import type { Registration } from './registration';

/** The most images a web-form visitor can attach. */
export const MAX_SUBMISSION_ATTACHMENTS = 3;

/**
 * What `<complaint-form>` sends to `POST /api/v1/intake`. The client generates `id` (UUID), so a
 * retried submission is recognised and never registered twice.
 */
export const ComplaintSubmissionSchema = z
  .object({
    id: z.uuid('validation.uuid'),
    site: z.optional(z.string().check(z.regex(/^[A-Za-z0-9][\w.-]{0,63}$/, 'validation.site'))),
    locale: z._default(z.enum(LOCALES), 'en'),
    ...complaintContent,
    /** The visitor confirmed the read-back summary before sending (docs/rules.md §2). */
    readBackConfirmed: z.literal(true, 'validation.confirm'),
    attachments: z.optional(
      z
        .array(AttachmentMetaSchema)
        .check(z.maxLength(MAX_SUBMISSION_ATTACHMENTS, 'validation.tooManyFiles')),
    ),
    /** Honeypot (must stay empty) and time spent filling the form; checked by `spamVerdict`. */
    antiSpam: z.optional(
      z.object({
        honeypot: z.optional(z.string().check(z.maxLength(500))),
        elapsedMs: z.number().check(z.gte(0), z.lte(1e10)),
      }),
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      const issues: { path: string[]; message: string }[] = [];
      checkComplainant(value, issues);
      for (const i of issues) ctx.addIssue({ code: 'custom', input: value, ...i });
    }, WHEN_COMPLAINANT_PARSED),
  );
export type ComplaintSubmission = z.infer<typeof ComplaintSubmissionSchema>;
export type ComplaintSubmissionInput = z.input<typeof ComplaintSubmissionSchema>;

/** A form filled faster than this is a bot (no human types a complaint in 3 seconds). */
export const MIN_FILL_MS = 3_000;

/** Why a submission looks automated, or null. The honeypot is a field humans never see. */
export function spamVerdict(
  s: ComplaintSubmission,
  minFillMs = MIN_FILL_MS,
): 'honeypot' | 'tooFast' | null {
  if (!s.antiSpam) return null;
  if (s.antiSpam.honeypot) return 'honeypot';
  if (s.antiSpam.elapsedMs < minFillMs) return 'tooFast';
  return null;
}

/** The registration record a web-form submission becomes when the server receives it. */
export function submissionToRegistration(s: ComplaintSubmission, receivedAt: string): Registration {
  const { id: _id, locale, readBackConfirmed: _c, antiSpam: _a, ...content } = s;
  return {
    ...content,
    channel: 'web_form',
    receivedAt,
    preferredLanguage: locale,
    readBackConfirmedAt: receivedAt,
    urgent: false,
  };
}
