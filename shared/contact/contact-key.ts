import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Numbers written without a country code are read as mainland China numbers. */
export const DEFAULT_PHONE_REGION = 'CN';
// Shorter digit strings ("0", "110") are placeholders or hotlines, not a person's contact.
const MIN_PHONE_DIGITS = 5;

/**
 * A phone number as one comparable key, however it was written: E.164 (`+861065123456` for
 * `+86 10 6512 3456` and `010-6512-3456`; `+8613812345678` for `+86 138 1234 5678` and
 * `13812345678`), read by libphonenumber with `region` for numbers without a country code.
 * A number the library cannot place keeps its digits (full-width folded), so it still matches
 * itself. `undefined` when too short to identify anyone.
 */
export function normalizePhone(
  phone: string | undefined,
  region = DEFAULT_PHONE_REGION,
): string | undefined {
  if (!phone) return undefined;
  const text = phone.normalize('NFKC');
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return undefined;
  const parsed = parsePhoneNumberFromString(text, region as never);
  return parsed?.isPossible() ? parsed.number : digits;
}

/**
 * A phone number's digits for search terms, where a typed prefix must match ("138 1234" finds
 * 13812345678): full-width folded, punctuation dropped, a mainland mobile's +86/0086 removed.
 * Identity (second complaints) uses `normalizePhone`.
 */
export function phoneDigits(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  let digits = phone.normalize('NFKC').replace(/\D/g, '');
  const mobile = /^(?:00)?86(1\d{10})$/.exec(digits);
  if (mobile) digits = mobile[1]!;
  return digits.length >= MIN_PHONE_DIGITS ? digits : undefined;
}

/** An email address as a comparable key: NFKC, trimmed, lower-cased; `undefined` when empty. */
export function normalizeEmail(email: string | undefined): string | undefined {
  const key = email?.normalize('NFKC').trim().toLowerCase();
  return key || undefined;
}
