import * as z from 'zod/mini';
import {
  ACTOR_ROLES,
  DURATION_UNITS,
  EVENT_TYPES,
  REGULATORY_PROFILES,
  ROLES,
  SEVERITY_LEVELS,
} from '../schema/codes';
import { BusinessCalendarSchema } from '../sla/calendar-schema';

const Labels = z.optional(
  z.object({ en: z.string().check(z.maxLength(200)), 'zh-CN': z.string().check(z.maxLength(200)) }),
);
const Code = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/));
const Amount = z.number().check(z.gte(0), z.lte(1e15));

/** A clock target: `amount` of `unit`; `at` (HH:MM) for the `dailyAt` unit. */
export const DurationSchema = z.object({
  amount: z.number().check(z.gte(0), z.lte(100_000)),
  unit: z.enum(DURATION_UNITS),
  at: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
});
export type Duration = z.infer<typeof DurationSchema>;

const ClockTargetSchema = z.object({
  /** Target for L0–L2 (and for every level unless overridden). */
  default: DurationSchema,
  /** Overrides per severity level (e.g. L3/L4 in clock minutes). */
  bySeverity: z.optional(z.partialRecord(z.enum(SEVERITY_LEVELS), DurationSchema)),
  /** forward clock only: target counted from the next working start when received out of hours
   * and not urgent. */
  outOfHours: z.optional(DurationSchema),
  /** forward clock only: target when an out-of-hours complaint is marked urgent (L3+ always is). */
  urgent: z.optional(DurationSchema),
});
export type ClockTarget = z.infer<typeof ClockTargetSchema>;

const ClocksSchema = z.object({
  forward: ClockTargetSchema,
  firstContact: ClockTargetSchema,
  reply: ClockTargetSchema,
  progress: ClockTargetSchema,
  close: ClockTargetSchema,
  callback: ClockTargetSchema,
});

const KeywordRuleSchema = z.object({
  /** Rule id, reported in severity reasons and translated as `severity.rule.<id>`. */
  rule: Code,
  level: z.enum(SEVERITY_LEVELS),
  /** Case-insensitive. Latin words match whole words; CJK words match anywhere. */
  words: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500)),
});
export type KeywordRule = z.infer<typeof KeywordRuleSchema>;

/**
 * An organisation's policy: every configurable default of domain.md. Organisations supply a
 * partial JSON document; `resolvePolicy` merges it over `defaultPolicy` and validates the result.
 */
export const PolicySchema = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  caseNumberFormat: z.string().check(z.minLength(1), z.maxLength(40)),
  calendar: BusinessCalendarSchema,
  categories: z
    .array(z.object({ code: Code, department: Code, labels: Labels }))
    .check(z.minLength(1), z.maxLength(200)),
  departments: z
    .array(z.object({ code: Code, labels: Labels }))
    .check(z.minLength(1), z.maxLength(200)),
  severity: z.object({
    keywords: z.array(KeywordRuleSchema).check(z.maxLength(100)),
    /** Channels that make a complaint at least L2 (written complaints, referrals). */
    importantChannels: z.array(z.string()),
    /** Categories that make a complaint at least L2 (service attitude/conduct). */
    importantCategories: z.array(Code),
    /** amount claimed strictly above → L3 */
    majorAmount: Amount,
    /** amount claimed strictly above → L4 */
    specialMajorAmount: Amount,
    /** complainants at or above → L3 */
    majorHeadcount: z.number().check(z.int(), z.gte(1)),
    /** complainants at or above → L4 */
    specialMajorHeadcount: z.number().check(z.int(), z.gte(1)),
    /** claim strictly above ratio × the company's offer → L3 */
    claimOverOfferRatio: z.number().check(z.gt(0)),
    /** unresolved longer than this many months through the company's fault → L4 */
    agingSpecialMajorMonths: z.number().check(z.int(), z.gte(1)),
  }),
  /** Highest compensation each role may offer on its own; null = no limit (domain.md §4 rule 4). */
  approvalLimits: z.record(z.enum(ROLES), z.nullable(Amount)),
  /** Escalation tiers, lowest first (domain.md §4 rule 7). */
  escalationTiers: z.array(z.enum(ROLES)).check(z.minLength(1), z.maxLength(10)),
  /** Minimum tier index a case starts at for a severity (L3+ escalates). */
  escalateOnSeverity: z.partialRecord(z.enum(SEVERITY_LEVELS), z.number().check(z.int(), z.gte(0))),
  /** Which actor roles may append which event. */
  permissions: z.record(z.enum(EVENT_TYPES), z.array(z.enum(ACTOR_ROLES))),
  clocks: ClocksSchema,
  regulatoryProfile: z.enum(REGULATORY_PROFILES),
  /** Clock overrides each regulatory profile applies on top of `clocks`. */
  regulatory: z.record(
    z.enum(REGULATORY_PROFILES),
    z.partialRecord(
      z.enum(['forward', 'firstContact', 'reply', 'progress', 'close', 'callback']),
      DurationSchema,
    ),
  ),
  /** Pre-breach warning at this fraction of a target. */
  warnAtRatio: z.number().check(z.gt(0), z.lt(1)),
  /** Open longer than this many calendar days → supervisor alerted. */
  agingAlertDays: z.number().check(z.int(), z.gte(1)),
  /** A new complaint from the same contact on the same category within N days is a second one. */
  secondComplaintWindowDays: z.number().check(z.int(), z.gte(0)),
  /** "unreachable" callback needs an SMS/email sent at least this many working days earlier. */
  unreachableAfterWorkingDays: z.number().check(z.int(), z.gte(0)),
  /** Monthly report due by this day of the following month. */
  reportDueDay: z.number().check(z.int(), z.gte(1), z.lte(28)),
  /** Records kept at least this many years after the warranty/shelf life. */
  retentionYearsAfterWarranty: z.number().check(z.int(), z.gte(0)),
});
export type Policy = z.infer<typeof PolicySchema>;
