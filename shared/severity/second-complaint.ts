import { normalizeEmail, normalizePhone } from '../contact/contact-key';
import type { Policy } from '../policy/policy';

/** The parts of a complaint that decide whether it is a second complaint. */
export interface ContactKeys {
  /** Skipped when comparing, so the candidate may appear among `previous`. */
  id?: string;
  phone?: string;
  email?: string;
  category: string;
  /** ISO 8601 instant. */
  receivedAt: string;
}

const DAY = 86_400_000;

// One normalizer for every part (intake lookup, stored keys, search): shared/contact.
export { normalizeEmail, normalizePhone } from '../contact/contact-key';

/**
 * Whether `candidate` is a second complaint (docs/rules.md §3): an earlier complaint in `previous`
 * from the same contact (phone digits or email) on the same category, received at most
 * `policy.secondComplaintWindowDays` days before it. Later complaints do not count.
 */
export function isSecondComplaint(
  candidate: ContactKeys,
  previous: readonly ContactKeys[],
  policy: Pick<Policy, 'secondComplaintWindowDays'>,
): boolean {
  const at = Date.parse(candidate.receivedAt);
  const phone = normalizePhone(candidate.phone);
  const email = normalizeEmail(candidate.email);
  if (Number.isNaN(at) || (!phone && !email)) return false;
  const windowMs = policy.secondComplaintWindowDays * DAY;
  return previous.some((p) => {
    if (candidate.id !== undefined && p.id === candidate.id) return false;
    if (p.category !== candidate.category) return false;
    const age = at - Date.parse(p.receivedAt);
    if (!(age >= 0 && age <= windowMs)) return false;
    return (
      (phone !== undefined && normalizePhone(p.phone) === phone) ||
      (email !== undefined && normalizeEmail(p.email) === email)
    );
  });
}
