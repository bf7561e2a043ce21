import * as z from 'zod/mini';
import { PROFILES } from './codes';
import { FIELD_LIMITS } from './limits';

/**
 * Field building blocks shared by the submission (web form) and the registration record
 * (staff). Every string is trimmed and bounded; unknown keys are stripped by z.object.
 * Issue messages are message keys (`validation.*`), translated by `issueMessage`.
 */

/** Mainland mobile (optionally +86), mainland landline (area code + number), or E.164. */
export const PHONE_PATTERN =
  /^(?:(?:\+?86)?1[3-9]\d{9}|0\d{2,3}\d{7,8}(?:\d{1,6})?|\+[1-9]\d{6,14})$/;

/** Separators people type in phone numbers; stripped before the pattern is applied. */
export function normalizePhoneInput(raw: string): string {
  return raw.replace(/[\s\-().（）－—]/g, '').replace(/^＋/, '+');
}

export const text = (max: number, min = 0) =>
  z
    .string()
    .check(
      z.trim(),
      ...(min > 0 ? [z.minLength(min, 'validation.tooShort')] : []),
      z.maxLength(max, 'validation.tooLong'),
    );

const optionalText = (max: number) => z.optional(text(max));

export const PhoneSchema = z.pipe(
  z.string().check(z.maxLength(40, 'validation.tooLong')),
  z.pipe(
    z.transform(normalizePhoneInput),
    z.string().check(z.regex(PHONE_PATTERN, 'validation.phone')),
  ),
);

export const EmailSchema = z
  .string()
  .check(z.trim(), z.maxLength(254, 'validation.tooLong'), z.email('validation.email'));

export const ComplainantSchema = z.object({
  name: optionalText(FIELD_LIMITS.complainantName),
  anonymous: z._default(z.boolean(), false),
  phone: z.optional(PhoneSchema),
  email: z.optional(EmailSchema),
  address: optionalText(500),
});
export type Complainant = z.infer<typeof ComplainantSchema>;

export const MoneySchema = z.object({
  value: z.number().check(z.gte(0, 'validation.min'), z.lte(1e12, 'validation.max')),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'validation.currency')),
});
export type Money = z.infer<typeof MoneySchema>;

/** Domain-profile fields (docs/rules.md §2), shown only when the profile is on. */
export const ProfileFieldsSchema = z.object({
  licencePlate: optionalText(20),
  orderNo: optionalText(64),
  partNo: optionalText(64),
  quantity: z.optional(z.number().check(z.int('validation.integer'), z.gte(0, 'validation.min'))),
  deliveryDate: optionalText(32),
  defectiveQuantity: z.optional(
    z.number().check(z.int('validation.integer'), z.gte(0, 'validation.min')),
  ),
  batch: optionalText(64),
  location: optionalText(200),
  faultTime: optionalText(64),
  faultFrequency: optionalText(100),
  terminalType: optionalText(100),
  callingNumber: optionalText(40),
  calledNumber: optionalText(40),
  roomNumber: optionalText(20),
  product: optionalText(200),
  specification: optionalText(200),
});
export type ProfileFields = z.infer<typeof ProfileFieldsSchema>;

/** Which profile fields each profile shows, in form order. */
export const PROFILE_FIELDS: Record<(typeof PROFILES)[number], (keyof ProfileFields)[]> = {
  vehicle: ['licencePlate'],
  b2b: ['orderNo', 'partNo', 'quantity', 'deliveryDate', 'defectiveQuantity', 'batch'],
  telecom: [
    'location',
    'faultTime',
    'faultFrequency',
    'terminalType',
    'callingNumber',
    'calledNumber',
  ],
  hospitality: ['roomNumber'],
  pharma: ['product', 'specification', 'batch'],
};

export const AttachmentMetaSchema = z.object({
  name: text(255, 1),
  type: z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'validation.fileType')),
  size: z.number().check(z.int(), z.gte(0), z.lte(1_048_576, 'validation.fileTooLarge')),
});
export type AttachmentMeta = z.infer<typeof AttachmentMetaSchema>;

/** The complaint's own content: what both a web form and an agent record. */
export const complaintContent = {
  complainant: ComplainantSchema,
  subject: optionalText(FIELD_LIMITS.subject),
  description: text(FIELD_LIMITS.description, FIELD_LIMITS.descriptionMin),
  /** The remedy sought; "unknown" is a valid answer. */
  demand: text(2_000, 1),
  category: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/, 'validation.category'))),
  amountClaimed: z.optional(MoneySchema),
  headcount: z.optional(
    z
      .number()
      .check(
        z.int('validation.integer'),
        z.gte(1, 'validation.min'),
        z.lte(1_000_000, 'validation.max'),
      ),
  ),
  profile: z.optional(z.enum(PROFILES)),
  profileFields: z.optional(ProfileFieldsSchema),
};

type ContentShape = {
  complainant: Complainant;
};

/**
 * Registration needs a name (surname is enough) or the anonymous flag, and at least one
 * contact unless anonymous (docs/rules.md §2). Reported on the field a person would fix.
 */
export function checkComplainant(
  value: ContentShape,
  issues: { path: string[]; message: string }[],
) {
  const c = value.complainant;
  if (c.anonymous) return;
  if (!c.name) issues.push({ path: ['complainant', 'name'], message: 'validation.nameRequired' });
  if (!c.phone && !c.email && !c.address) {
    issues.push({ path: ['complainant', 'phone'], message: 'validation.contactRequired' });
  }
}

/**
 * Run the cross-field checks even when other fields failed, so a person sees every problem at
 * once (zod skips refinements after a failure by default).
 */
export const WHEN_COMPLAINANT_PARSED = {
  when: (payload: { value: unknown }) => {
    const v = payload.value as { complainant?: unknown } | null;
    return (
      typeof v === 'object' &&
      v !== null &&
      typeof v.complainant === 'object' &&
      v.complainant !== null
    );
  },
};
