import { tzOffset } from '@date-fns/tz/tzOffset';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import type { Channel, SeverityLevel } from '../schema/codes';
import { matchKeywords } from './keyword-matcher';
import { compareLevels } from './levels';

/** The facts severity is assessed from; all optional: an absent fact raises nothing. */
export interface SeverityInput {
  /** Subject, description and demand, joined by the caller. */
  text?: string;
  /** Further texts (or the fields separately); each is scanned on its own. */
  texts?: readonly string[];
  channel?: Channel;
  category?: string;
  /** Number of complainants on one matter. */
  headcount?: number;
  /** In the organisation's currency. */
  amountClaimed?: number;
  /** The company's offer, in the organisation's currency; 0 or absent = no offer yet. */
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
   * The matched word; the channel or category code; the claim-over-offer ratio; the opening
   * time for `aging`; `'superseded'` when a higher rule outranked the agent's L0.
   */
  detail?: string;
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

const MINUTE = 60_000;

/** `instant` plus whole calendar months in `timeZone` (end of month clamps: Jan 31 → Feb 28). */
function addCalendarMonths(instant: number, months: number, timeZone: string | undefined): number {
  const offset = (t: number) => (timeZone ? tzOffset(timeZone, new Date(t)) || 0 : 0) * MINUTE;
  const wall = new Date(instant + offset(instant));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  wall.setUTCFullYear(year, month, Math.min(wall.getUTCDate(), lastDay));
  const target = wall.getTime();
  return target - offset(target - offset(instant));
}

function isAged(input: SeverityInput, months: number, timeZone: string | undefined): boolean {
  if (input.companyFault !== true || !input.openedAt || !input.now) return false;
  const opened = Date.parse(input.openedAt);
  const now = input.now.getTime();
  if (Number.isNaN(opened) || Number.isNaN(now)) return false;
  return now > addCalendarMonths(opened, months, timeZone);
}

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
  const texts = input.texts ? [input.text, ...input.texts] : [input.text];

  for (const hit of matchKeywords(texts, s.keywords)) {
    reasons.push({ rule: hit.rule, level: hit.level, detail: hit.word });
  }

  const { headcount, amountClaimed: claimed, amountOffered: offered } = input;
  if (headcount !== undefined) {
    if (headcount >= s.specialMajorHeadcount) {
      reasons.push({
        rule: 'headcount_special_major',
        level: 'L4',
        value: headcount,
        threshold: s.specialMajorHeadcount,
      });
    }
    if (headcount >= s.majorHeadcount) {
      reasons.push({
        rule: 'headcount_major',
        level: 'L3',
        value: headcount,
        threshold: s.majorHeadcount,
      });
    }
  }
  if (claimed !== undefined) {
    if (claimed > s.specialMajorAmount) {
      reasons.push({
        rule: 'amount_special_major',
        level: 'L4',
        value: claimed,
        threshold: s.specialMajorAmount,
      });
    }
    if (claimed > s.majorAmount) {
      reasons.push({ rule: 'amount_major', level: 'L3', value: claimed, threshold: s.majorAmount });
    }
    // An offer of 0 is "no offer yet": otherwise any claim against a refusal would be major.
    if (offered !== undefined && offered > 0 && claimed > s.claimOverOfferRatio * offered) {
      const threshold = s.claimOverOfferRatio * offered;
      const detail = String(s.claimOverOfferRatio);
      reasons.push({ rule: 'claim_over_offer', level: 'L3', detail, value: claimed, threshold });
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
  if (reasons.length > 1) reasons.sort((a, b) => compareLevels(b.level, a.level));
  return { level, reasons };
}
