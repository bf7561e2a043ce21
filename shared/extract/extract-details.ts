import { extractAmounts } from './amounts';
import { extractEmails, extractPhones } from './contacts';
import { extractDates } from './dates';
import { foldWidth } from './fold';
import { extractHeadcounts } from './headcounts';
import { extractOrderNumbers, extractPlates } from './identifiers';
import { readMailHeaders } from './mail-headers';
import { extractNames } from './names';
import type { DetailKind, DetailProposal, ExtractOptions } from './types';

// When two readings claim the same characters, the more specific kind wins a tie: a labelled
// order number over the phone-like digits in it, an e-mail over the digits in its local part.
const PRIORITY: Record<DetailKind, number> = {
  orderNumber: 8,
  email: 7,
  phone: 6,
  plate: 5,
  amount: 4,
  date: 3,
  headcount: 2,
  name: 1,
};

/**
 * Reads details out of free text (Chinese and English): phones, e-mails, amounts (with
 * currency and claim/offer), headcounts, order/invoice/waybill numbers, licence plates,
 * incident dates and the customer's name from a signature. Pure; every result is a proposal
 * for the agent to confirm, with the exact span it was read from. Sorted by position;
 * overlapping readings are resolved to the surest one.
 */
export function extractDetails(text: string, opts: ExtractOptions = {}): DetailProposal[] {
  if (!text) return [];
  const folded = foldWidth(text);
  const all = [
    ...extractOrderNumbers(folded),
    ...extractEmails(folded),
    ...extractPhones(folded),
    ...extractPlates(folded),
    ...extractAmounts(folded),
    ...extractDates(folded, opts),
    ...extractHeadcounts(folded),
    ...extractNames(folded),
  ];
  all.sort(
    (a, b) =>
      PRIORITY[b.kind] - PRIORITY[a.kind] ||
      b.confidence - a.confidence ||
      b.end - b.start - (a.end - a.start),
  );
  // The addresses on a clipped email's To/Cc/收件人 lines are the company's, not the customer's.
  const recipients = readMailHeaders(folded)?.recipients ?? [];
  const kept: DetailProposal[] = [];
  for (const p of all) {
    if (kept.some((k) => p.start < k.end && p.end > k.start)) continue;
    if (p.kind === 'email' && recipients.some((r) => p.start >= r.start && p.end <= r.end))
      continue;
    kept.push({ ...p, text: text.slice(p.start, p.end) });
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
