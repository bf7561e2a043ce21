import { extractAmounts } from '../extract/amounts';
import { foldWidth } from '../extract/fold';
import { extractHeadcounts } from '../extract/headcounts';
import type { DetailProposal } from '../extract/types';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import type { Channel, SeverityLevel } from '../schema/codes';
import { isAged } from './aging';
import { matchKeywords } from './keyword-matcher';
import { compareLevels } from './levels';
import { readAgingDuration } from './text/aging-duration';
import { readAging, scanText } from './text/read-text';
import { toSimplified } from './text/traditional';

/** The facts severity is assessed from; all optional: an absent fact raises nothing. */
export interface SeverityInput {
  /** Subject, description and demand, joined by the caller. */
  text?: string;
  /** Further texts (or the fields separately); each is scanned on its own. */
  texts?: readonly string[];
  channel?: Channel;
  category?: string;
  /** Number of complainants on one matter; when absent, a headcount written in the text is used. */
  headcount?: number;
  /** In the organisation's currency; when absent, the amounts written in the text are used. */
  amountClaimed?: number;
  /**
   * The company's offer, in the organisation's currency; 0 or absent = no offer yet (then an
   * offer written in the text, "只同意退60元", is used).
   */
  amountOffered?: number;
  /** Handling round; above 1 means the case was reopened. */
  round?: number;
  /** A new complaint from the same contact on the same category (see `isSecondComplaint`). */
  secondComplaint?: boolean;
  /** The agent marked it solved on the spot; honoured only when no rule above L0 fires. */
  agentLevel?: 'L0';
  /** ISO 8601 instant the case was received; with `now`, for the aging rule while unresolved. */
  openedAt?: string;
  /** The assessment time (never read from the clock here). */
  now?: Date;
  /** Responsibility recorded as the company's: only then does aging lift to L4. */
  companyFault?: boolean;
}

/**
 * One rule that fired. `rule` maps to the message `severity.rule.<rule>`, which takes
 * `{ detail, value, threshold }`.
 */
export interface SeverityReason {
  rule: string;
  level: SeverityLevel;
  /**
   * The words that fired it, quoted from the text; the channel or category code; the
   * claim-over-offer ratio; the opening time for `aging`; `'superseded'` when a higher rule
   * outranked the agent's L0.
   */
  detail?: string;
  /** The figure was read from the text: a proposal for the agent to confirm, not a fact. */
  proposed?: boolean;
  /** With `proposed` on `claim_over_offer`: the words the offer was read from. */
  offer?: string;
  /** With `proposed` on an amount in another currency: the policy's rate it was counted at. */
  rate?: number;
  /** The input's figure (amount, headcount, round). */
  value?: number;
  /** The policy's figure it was compared with. */
  threshold?: number;
}

/** An assessed level with every reason that fired, highest level first. */
export interface SeverityAssessment {
  level: SeverityLevel;
  reasons: SeverityReason[];
}

/** The parts of a policy assessment reads; `calendar.timeZone` sets where months turn. */
export type SeverityPolicy = Pick<Policy, 'severity'> & {
  calendar?: Pick<Policy['calendar'], 'timeZone'>;
  /** Amounts read from text count only in this currency (default CNY). */
  currency?: Policy['currency'];
};

/** Built-in rule ids besides the policy's keyword rules; each has a `severity.rule.*` message. */
export const SEVERITY_RULES = [
  'default',
  'agent_minor',
  'important_channel',
  'important_category',
  'reopened',
  'second_complaint',
  'headcount_major',
  'headcount_special_major',
  'amount_major',
  'amount_special_major',
  'claim_over_offer',
  'aging',
] as const;
export type SeverityRule = (typeof SEVERITY_RULES)[number];

/**
 * Assesses a complaint's severity (docs/rules.md §3): L1 by default; L2 for an important channel or
 * category, a reopened case or a second complaint; L3/L4 for keyword, headcount, amount,
 * claim-over-offer and aging rules. Every rule that fired is listed (highest level first); the
 * level is the highest of them. An agent's L0 is kept only when nothing above L0 fires.
 *
 * A supervisor's override is not an input: it lives in the workflow's `severityOverridden`
 * event and wins through `effectiveLevel`, so re-assessing never undoes it.
 */
export function assessSeverity(
  input: SeverityInput,
  policy: SeverityPolicy = defaultPolicy,
): SeverityAssessment {
  const s = policy.severity;
  const reasons: SeverityReason[] = [];
  // One array, no filter closure: this runs for every assessment.
  const texts: string[] = [];
  if (input.text) texts.push(input.text);
  if (input.texts) for (const t of input.texts) if (t) texts.push(t);

  // One pass per text finds the trigger words and whether a figure may be written in it.
  const withNumbers: string[] = [];
  const scanned = s.text.triggers.length > 0 || s.readNumbers ? texts : [];
  for (const text of scanned) {
    const { hits, numbers, now } = scanText(text, s.text, s.readNumbers);
    for (const hit of hits) reasons.push({ rule: hit.rule, level: hit.level, detail: hit.quote });
    if (numbers) withNumbers.push(text);
    // The case's age told by dates in the text ("first reported 3 March … now 20 June"): a
    // proposal; a recorded opening time decides instead.
    const aged =
      now >= 0 && s.readNumbers && input.openedAt === undefined
        ? readAging(text, s.text, now, s.agingSpecialMajorMonths)
        : undefined;
    // …or told as a duration since the complaint ("11 weeks since my complaint", 投诉快三个月了).
    // Only where the scan saw a figure or a `now` word: a duration has one.
    const lasted =
      !aged && (numbers || now >= 0) && s.readNumbers && input.openedAt === undefined
        ? readAgingDuration(text, s.agingSpecialMajorMonths)
        : undefined;
    if (aged || lasted) {
      reasons.push({
        rule: 'aging',
        level: 'L4',
        detail: aged ? `${aged.opened} … ${aged.now}` : lasted,
        proposed: true,
        threshold: s.agingSpecialMajorMonths,
      });
    }
  }
  if (s.keywords.length > 0) {
    for (const hit of matchKeywords(texts, s.keywords)) {
      reasons.push({ rule: hit.rule, level: hit.level, detail: hit.word });
    }
  }

  const numbers =
    withNumbers.length > 0 ? readNumbers(withNumbers, policy.currency ?? 'CNY', s) : undefined;
  const headcount = input.headcount ?? numbers?.headcount?.value;
  const headcountFrom = input.headcount === undefined ? numbers?.headcount : undefined;
  if (headcount !== undefined) {
    const from = headcountFrom ? { detail: headcountFrom.text, proposed: true } : {};
    // One reason per measure: the highest threshold it reached (12 people are "10 or more",
    // not also "5 or more" — two lines saying the same number only make the list longer).
    if (headcount >= s.specialMajorHeadcount) {
      reasons.push({
        rule: 'headcount_special_major',
        level: 'L4',
        value: headcount,
        threshold: s.specialMajorHeadcount,
        ...from,
      });
    } else if (headcount >= s.majorHeadcount) {
      reasons.push({
        rule: 'headcount_major',
        level: 'L3',
        value: headcount,
        threshold: s.majorHeadcount,
        ...from,
      });
    }
  }
  // The amount involved: the claim as recorded, else the largest amount the text names.
  const involved = input.amountClaimed ?? numbers?.largest?.value;
  const involvedFrom = input.amountClaimed === undefined ? numbers?.largest : undefined;
  if (involved !== undefined) {
    const from = involvedFrom
      ? {
          detail: involvedFrom.text,
          proposed: true,
          ...(involvedFrom.rate ? { rate: involvedFrom.rate } : {}),
        }
      : {};
    if (involved >= s.specialMajorAmount) {
      reasons.push({
        rule: 'amount_special_major',
        level: 'L4',
        value: involved,
        threshold: s.specialMajorAmount,
        ...from,
      });
    } else if (involved >= s.majorAmount) {
      reasons.push({
        rule: 'amount_major',
        level: 'L3',
        value: involved,
        threshold: s.majorAmount,
        ...from,
      });
    }
  }
  const claimed = input.amountClaimed ?? numbers?.claim?.value;
  // An offer of 0 is "no offer yet": otherwise any claim against a refusal would be major.
  const offered = input.amountOffered || numbers?.offer?.value;
  if (claimed !== undefined && offered !== undefined && offered > 0) {
    const threshold = s.claimOverOfferRatio * offered;
    if (claimed >= threshold) {
      const proposed = input.amountClaimed === undefined || !input.amountOffered;
      reasons.push({
        rule: 'claim_over_offer',
        level: 'L3',
        detail: String(s.claimOverOfferRatio),
        value: claimed,
        threshold,
        ...(proposed ? { proposed: true } : {}),
        ...(proposed && !input.amountOffered && numbers?.offer
          ? { offer: numbers.offer.text }
          : {}),
      });
    }
  }
  if (isAged(input, s.agingSpecialMajorMonths, policy.calendar?.timeZone)) {
    reasons.push({
      rule: 'aging',
      level: 'L4',
      detail: input.openedAt,
      threshold: s.agingSpecialMajorMonths,
    });
  }
  if (input.channel !== undefined && s.importantChannels.includes(input.channel)) {
    reasons.push({ rule: 'important_channel', level: 'L2', detail: input.channel });
  }
  if (input.category !== undefined && s.importantCategories.includes(input.category)) {
    reasons.push({ rule: 'important_category', level: 'L2', detail: input.category });
  }
  if (input.round !== undefined && input.round > 1) {
    reasons.push({ rule: 'reopened', level: 'L2', value: input.round });
  }
  if (input.secondComplaint === true) {
    reasons.push({ rule: 'second_complaint', level: 'L2' });
  }

  dedupe(reasons);
  let level: SeverityLevel = 'L0';
  for (const r of reasons) if (compareLevels(r.level, level) > 0) level = r.level;

  if (input.agentLevel === 'L0') {
    // Listed even when outranked, so the record shows the agent's call was seen, not lost.
    const kept = level === 'L0';
    reasons.push(
      kept
        ? { rule: 'agent_minor', level }
        : { rule: 'agent_minor', level: 'L0', detail: 'superseded' },
    );
  } else if (level === 'L0') {
    level = 'L1';
    reasons.push({ rule: 'default', level });
  }
  byLevel(reasons);
  return { level, reasons };
}

/**
 * Highest level first, in the order found within a level: the stable sort of
 * `Array.prototype.sort`, by insertion, which on a handful of reasons costs less than its set-up.
 */
function byLevel(reasons: SeverityReason[]): void {
  for (let i = 1; i < reasons.length; i++) {
    const r = reasons[i]!;
    let j = i;
    for (; j > 0 && compareLevels(reasons[j - 1]!.level, r.level) < 0; j--) {
      reasons[j] = reasons[j - 1]!;
    }
    reasons[j] = r;
  }
}

/** One reason per rule: the first of the highest level. */
function dedupe(reasons: SeverityReason[]): void {
  if (!hasRepeatedRule(reasons)) return;
  const best = new Map<string, SeverityReason>();
  for (const r of reasons) {
    const seen = best.get(r.rule);
    if (!seen || compareLevels(r.level, seen.level) > 0) best.set(r.rule, r);
  }
  const kept = reasons.filter((r) => best.get(r.rule) === r);
  reasons.splice(0, reasons.length, ...kept);
}

/** Whether two reasons share a rule: rarely, so a handful of comparisons usually saves the map. */
function hasRepeatedRule(reasons: readonly SeverityReason[]): boolean {
  for (let i = 1; i < reasons.length; i++) {
    for (let j = 0; j < i; j++) if (reasons[j]!.rule === reasons[i]!.rule) return true;
  }
  return false;
}

interface TextNumbers {
  headcount?: DetailProposal & { value: number };
  largest?: DetailProposal & { value: number; rate?: number };
  claim?: DetailProposal & { value: number };
  offer?: DetailProposal & { value: number };
}

/** Headcounts and amounts written in the texts (shared/extract): proposals, never facts. */
function readNumbers(
  texts: readonly string[],
  currency: string,
  s: SeverityPolicy['severity'],
): TextNumbers | undefined {
  const out: TextNumbers = {};
  const larger = <K extends keyof TextNumbers>(key: K, p: DetailProposal & { rate?: number }) => {
    const seen = out[key];
    if (typeof p.value === 'number' && (!seen || p.value > seen.value)) {
      out[key] = p as DetailProposal & { value: number };
    }
  };
  for (const text of texts) {
    // Traditional characters as simplified (損失兩萬): the readers' words are simplified.
    const folded = toSimplified(foldWidth(text));
    for (const p of extractHeadcounts(folded)) {
      // People acting together complain together; five staff who ignored me do not.
      if (p.collective && p.confidence >= s.minHeadcountConfidence) {
        larger('headcount', { ...p, text: text.slice(p.start, p.end) });
      }
    }
    const amounts = extractAmounts(folded).map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
    for (const p of amounts) {
      // Another currency counts at the policy's floor rate, in the organisation's currency.
      const rate = p.currency === currency ? 1 : s.foreignAmountRates?.[p.currency!];
      if (!rate) continue;
      const value = Math.round((p.value as number) * rate);
      larger('largest', rate === 1 ? p : { ...p, value, rate });
    }
    // A claim against an offer is a ratio: any currency, as long as both are in the same one.
    const claims = amounts.filter((p) => p.role === 'claim');
    const offers = amounts.filter((p) => p.role === 'offer');
    for (const offer of offers) {
      let claim = claims.filter((p) => p.currency === offer.currency);
      // No claim said as one: what the customer paid or lost (我花了1500买的, "it cost 60") is
      // what is at stake against the offer.
      if (claim.length === 0) {
        claim = amounts.filter((p) => p !== offer && !p.role && p.currency === offer.currency);
      }
      if (claim.length === 0) continue;
      const top = claim.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
      // The smallest offer: the most any claim stands above what was offered.
      if (
        !out.offer ||
        (offer.value as number) / (top.value as number) < out.offer.value / out.claim!.value
      ) {
        out.offer = offer as DetailProposal & { value: number };
        out.claim = top as DetailProposal & { value: number };
      }
    }
    if (!out.offer) for (const p of claims) if (p.currency === currency) larger('claim', p);
  }
  return out;
}
