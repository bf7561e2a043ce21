import * as z from 'zod/mini';
import { CHANNELS, LOCALES, READ_BACK_CHANNELS } from './codes';
import { FIELD_LIMITS as L } from './limits';
import { WHEN_COMPLAINANT_PARSED, checkComplainant, complaintContent, text } from './fields';

const isoInstant = z.iso.datetime({ offset: true, message: 'validation.datetime' });
const optionalText = (max: number) => z.optional(text(max));

const AddressSchema = z.object({ name: optionalText(L.name), address: optionalText(L.address) });

/** An opened email, as an extractor read it (docs/webmail.md §7). */
export const EmailClipSchema = z.object({
  provider: text(L.provider, 1),
  from: z.optional(AddressSchema),
  to: z.optional(z.array(AddressSchema).check(z.maxLength(L.recipients))),
  cc: z.optional(z.array(AddressSchema).check(z.maxLength(L.recipients))),
  subject: optionalText(L.emailSubject),
  date: z.optional(z.object({ raw: text(L.dateRaw), iso: z.optional(isoInstant) })),
  messageId: optionalText(L.id),
  threadId: optionalText(L.id),
  internetMessageId: optionalText(L.internetMessageId),
  quotedText: optionalText(L.quotedText),
  signature: optionalText(L.signature),
  attachmentNames: z.optional(z.array(text(L.attachmentName)).check(z.maxLength(L.attachments))),
});

/** Where a clipped complaint came from (docs/rules.md §2 "the source of a clip"). */
export const ClipSourceSchema = z.object({
  url: optionalText(L.url),
  title: optionalText(L.title),
  capturedAt: isoInstant,
  selectionText: optionalText(L.selectionText),
  /** Sanitized HTML only (DOMPurify in an extension page); displayed only in a sandboxed iframe. */
  html: optionalText(L.html),
  method: z.enum(['raw', 'dom', 'selection', 'heuristic', 'readability', 'page', 'manual']),
  /** 0–1; below the extension's threshold the agent reviews before saving. */
  confidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
  email: z.optional(EmailClipSchema),
});
export type ClipSource = z.infer<typeof ClipSourceSchema>;

/** Stored attachments (screenshots, photos, files) referenced by id from the local store. */
export const StoredAttachmentSchema = z.object({
  id: z.optional(text(100)),
  name: text(255, 1),
  type: z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'validation.fileType')),
  size: z.number().check(z.int(), z.gte(0), z.lte(50 * 1_048_576, 'validation.fileTooLarge')),
});

const registrationFields = {
  channel: z.enum(CHANNELS),
  /** Set automatically when the complaint arrives. */
  receivedAt: isoInstant,
  ...complaintContent,
  /** The unit or person complained about; the assignee may not be that person (recusal). */
  complainedAbout: z.optional(
    z.object({
      unit: optionalText(200),
      personId: optionalText(100),
      personName: optionalText(100),
    }),
  ),
  preferredLanguage: z.optional(z.enum(LOCALES)),
  attachments: z.optional(
    z.array(StoredAttachmentSchema).check(z.maxLength(20, 'validation.tooManyFiles')),
  ),
  source: z.optional(ClipSourceSchema),
  /** The customer confirmed the agent's read-back (复述); required for phone and walk-in. */
  readBackConfirmedAt: z.optional(isoInstant),
  /** Out of hours, the receiver judged it urgent: the on-call leader is alerted now. */
  urgent: z.optional(z.boolean()),
  /** The website a web-form complaint came from. */
  site: z.optional(text(64)),
  /** An important customer (重要业户 / VIP), marked by staff: own queue view and report section. */
  vip: z.optional(z.boolean()),
  /** The personal fields were erased (PIPL): the record is anonymised, contact is not required. */
  erased: z.optional(z.literal(true)),
  /** When the customer was promised the next feedback at intake: a clock (docs/rules.md R-FEEDBACK-1). */
  nextFeedbackAt: z.optional(isoInstant),
};

export { READ_BACK_CHANNELS };

/** The full registration record (docs/rules.md §2): what `registered` events carry. */
export const RegistrationSchema = z.object(registrationFields).check(
  z.superRefine((value, ctx) => {
    const issues: { path: string[]; message: string }[] = [];
    if (!value.erased) checkComplainant(value, issues);
    if (READ_BACK_CHANNELS.includes(value.channel) && !value.readBackConfirmedAt) {
      issues.push({ path: ['readBackConfirmedAt'], message: 'validation.readBackRequired' });
    }
    for (const i of issues) ctx.addIssue({ code: 'custom', input: value, ...i });
  }, WHEN_COMPLAINANT_PARSED),
);
export type Registration = z.infer<typeof RegistrationSchema>;

/** A capture not yet registered: any subset of the record, each field still validated. */
export const DraftSchema = z.partial(z.object(registrationFields));
export type Draft = z.infer<typeof DraftSchema>;
