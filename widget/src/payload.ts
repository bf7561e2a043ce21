import type { Locale, Profile } from '@shared/schema/codes';
import type { ProfileFields } from '@shared/schema/fields';
import type { PreparedImage } from './images';
import { PROFILE_FIELDS } from './schema-constants';

/** What the visitor has typed so far; kept across steps so nothing typed is ever lost. */
export interface Draft {
  values: Record<string, string>;
  anonymous: boolean;
  images: PreparedImage[];
}

export interface DraftContext {
  id: string;
  site?: string | undefined;
  locale: Locale;
  profile?: Profile | undefined;
  currency: string;
  honeypot: string;
  elapsedMs: number;
}

/** Profile fields the schema wants as numbers. */
const NUMBER_FIELDS = new Set<string>(['quantity', 'defectiveQuantity']);

/** "1 200,50" or "１２００" → 1200.5; '' → undefined; anything else stays a string for the schema to flag. */
export function parseNumber(raw: string | undefined): number | string | undefined {
  const text = (raw ?? '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，_']/g, '');
  if (!text) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : raw;
}

const opt = (v: string | undefined) => v?.trim() || undefined;

/** The submission as the schema will see it (not yet validated). */
export function toSubmissionInput(draft: Draft, ctx: DraftContext): Record<string, unknown> {
  const v = draft.values;
  const amount = parseNumber(v.amount);
  const profileFields: Record<string, unknown> = {};
  for (const key of ctx.profile ? PROFILE_FIELDS[ctx.profile] : []) {
    const value = NUMBER_FIELDS.has(key) ? parseNumber(v[key]) : opt(v[key]);
    if (value !== undefined) profileFields[key] = value;
  }
  return {
    id: ctx.id,
    site: ctx.site || undefined,
    locale: ctx.locale,
    complainant: draft.anonymous
      ? { anonymous: true }
      : { name: opt(v.name), phone: opt(v.phone), email: opt(v.email), address: opt(v.address) },
    subject: opt(v.subject),
    description: v.description ?? '',
    demand: v.demand ?? '',
    category: v.category || undefined,
    amountClaimed: amount === undefined ? undefined : { value: amount, currency: ctx.currency },
    headcount: parseNumber(v.headcount),
    profile: ctx.profile,
    profileFields: ctx.profile ? (profileFields as ProfileFields) : undefined,
    attachments: draft.images.length
      ? draft.images.map(({ name, type, size }) => ({ name, type, size }))
      : undefined,
    readBackConfirmed: true,
    antiSpam: { honeypot: ctx.honeypot, elapsedMs: Math.round(ctx.elapsedMs) },
  };
}

/** The form field a schema/API error path belongs to (`complainant.phone` → `phone`). */
export function fieldOf(path: readonly PropertyKey[] | string): string {
  const [a = '', b] = typeof path === 'string' ? path.split('.') : path.map(String);
  if (a === 'complainant' || a === 'profileFields') return String(b ?? a);
  if (a === 'amountClaimed') return 'amount';
  if (a === 'attachments') return 'images';
  return a;
}
