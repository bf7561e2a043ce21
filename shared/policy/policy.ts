import * as z from 'zod/mini';
import {
  ACTOR_ROLES,
  CLOCKS,
  DURATION_UNITS,
  EVENT_TYPES,
  REGULATORY_PROFILES,
  ROLES,
  SEVERITY_LEVELS,
} from '../schema/codes';
import { checkCaseNumberFormat } from '../numbering/case-number';
import { BusinessCalendarSchema } from '../sla/calendar-schema';
import { TextRulesSchema } from './severity-text-schema';
import { NotificationsSchema } from './notifications';

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
  /** Due at the promised time itself; a target here only serves a promise without a time. */
  feedback: z.optional(ClockTargetSchema),
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
 * An organisation's policy: every configurable default of docs/rules.md. Organisations supply a
 * partial JSON document; `resolvePolicy` merges it over `defaultPolicy` and validates the result.
 */
export const PolicySchema = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** `YYMM-NNNN`, `CMP-YYMM-NNNN`, `YYYYMMDD-NNN` … (shared/numbering; docs/rules.md R-NUM-1). */
  caseNumberFormat: z.string().check(
    z.minLength(1),
    z.maxLength(40),
    z.refine((f) => checkCaseNumberFormat(f).ok, 'Not a usable case-number template'),
  ),
  calendar: BusinessCalendarSchema,
  categories: z
    .array(z.object({ code: Code, department: Code, labels: Labels }))
    .check(z.minLength(1), z.maxLength(200)),
  departments: z
    .array(z.object({ code: Code, labels: Labels }))
    .check(z.minLength(1), z.maxLength(200)),
  /** Root causes a company-fault resolution names (`other` takes a text); Pareto counts these. */
  rootCauses: z
    .array(z.object({ code: Code, labels: Labels }))
    .check(z.minLength(1), z.maxLength(200)),
  /**
   * Where the close clock starts: at registration, or at the first responder's acceptance (the
   * complaint's receipt, 首问受理) — procedures differ (docs/rules.md R-CLOSE-1).
   */
  closeClockFrom: z.enum(['registration', 'acceptance']),
  severity: z.object({
    /** Plain words (an organisation's own); the defaults read the sentence instead (`text`). */
    keywords: z.array(KeywordRuleSchema).check(z.maxLength(100)),
    /** Channels that make a complaint at least L2 (written complaints, referrals). */
    importantChannels: z.array(z.string()),
    /** Categories that make a complaint at least L2 (service attitude/conduct). */
    importantCategories: z.array(Code),
    /** amount involved at or above → L3 (inclusive: "以上" includes the number) */
    majorAmount: Amount,
    /** amount involved at or above → L4 (the procedures' special-major definition) */
    specialMajorAmount: Amount,
    /** complainants at or above → L3 */
    majorHeadcount: z.number().check(z.int(), z.gte(1)),
    /** complainants at or above → L4 */
    specialMajorHeadcount: z.number().check(z.int(), z.gte(1)),
    /** claim at or above ratio × the company's offer → L3 ("超出…1倍以上") */
    claimOverOfferRatio: z.number().check(z.gt(0)),
    /** unresolved longer than this many months through the company's fault → L4 */
    agingSpecialMajorMonths: z.number().check(z.int(), z.gte(1)),
    // ── Read from text (shared/severity/text, docs/severity.md) ──────────────────────────
    /** Triggers that read the sentence: targets + intents, acts, exceptions, negation, past. */
    text: TextRulesSchema,
    /** Headcounts and amounts written in the text feed the rules above, as proposals. */
    readNumbers: z.boolean(),
    /** Headcounts read from text count only when at least this sure (0..1; 0.85 = "we", 联名). */
    minHeadcountConfidence: z.number().check(z.gte(0), z.lte(1)),
    /**
     * Amounts read from text in another currency (£12,000, US$5,000) count at this many units of
     * the organisation's currency each: a floor for the thresholds, never a booked figure. A
     * currency not listed does not count.
     */
    foreignAmountRates: z.optional(
      z.record(z.string().check(z.regex(/^[A-Z]{3}$/)), z.number().check(z.gt(0))),
    ),
  }),
  /** Highest compensation each role may offer on its own; null = no limit (docs/rules.md §4 rule 4). */
  approvalLimits: z.record(z.enum(ROLES), z.nullable(Amount)),
  /** Roles whose limit is exclusive: the next tier takes over at the limit itself (§4 rule 4). */
  approvalBelow: z.array(z.enum(ROLES)),
  /** Escalation tiers, lowest first (docs/rules.md §4 rule 7). */
  escalationTiers: z.array(z.enum(ROLES)).check(z.minLength(1), z.maxLength(10)),
  /** Escalations the system appends on its own (docs/rules.md R-ESC-1…3). */
  autoEscalation: z.object({
    /** A breach of each of these clocks escalates one tier, once per breach. */
    onBreach: z.array(z.enum(CLOCKS)),
    /** Not finished (no reply) this long after the first report → raised to at least `to`. */
    unfinished: z.optional(z.object({ after: DurationSchema, to: z.enum(ROLES) })),
    /** Booked visits missed on this many calendar days running → raised to at least `to`. */
    missedVisits: z.optional(
      z.object({ days: z.number().check(z.int(), z.gte(1)), to: z.enum(ROLES) }),
    ),
  }),
  /** Minimum tier index a case starts at for a severity (L3+ escalates). */
  escalateOnSeverity: z.partialRecord(z.enum(SEVERITY_LEVELS), z.number().check(z.int(), z.gte(0))),
  /** Which actor roles may append which event. */
  permissions: z.record(z.enum(EVENT_TYPES), z.array(z.enum(ACTOR_ROLES))),
  /**
   * Whose case a role may write (shared/access): `anyCase` roles act on every case; the others
   * on cases assigned to them or unassigned ones, and never append a `leadOnly` event.
   */
  caseAccess: z.object({
    anyCase: z.array(z.enum(ACTOR_ROLES)),
    leadOnly: z.array(z.enum(EVENT_TYPES)),
  }),
  /**
   * An event dated more than this many hours before the server received it is accepted (a
   * device may be offline) but flagged as late in the case history and the monthly report.
   */
  offlineAllowanceHours: z.number().check(z.gte(0), z.lte(24 * 365)),
  clocks: ClocksSchema,
  regulatoryProfile: z.enum(REGULATORY_PROFILES),
  /** Clock overrides each regulatory profile applies on top of `clocks`. */
  regulatory: z.record(
    z.enum(REGULATORY_PROFILES),
    z.partialRecord(z.enum(CLOCKS), DurationSchema),
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
  /**
   * PIPL: days after a case ends (closed, invalid, withdrawn, transferred) before its personal
   * fields are erased, leaving the anonymised record; null keeps them (docs/rules.md R-PIPL-1).
   */
  personalDataRetentionDays: z.nullable(z.number().check(z.int(), z.gte(1))),
  /** Team notifications, on-call, reply templates, report mail (shared/policy/notifications.ts). */
  notifications: z.optional(NotificationsSchema),
});
export type Policy = z.infer<typeof PolicySchema>;

/**
 * A policy without its sentence-reading severity rules (`severity.text`): what the queue, the
 * deadlines and the views read. The popup's first render works from this, so the defaults'
 * text rules (~10 KB gzip) load only where severity is assessed.
 */
export type PolicyBase = Omit<Policy, 'severity'> & { severity: Omit<Policy['severity'], 'text'> };
