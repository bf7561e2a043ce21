/**
 * The domain's closed vocabularies (docs/rules.md). Each list is data: schemas, the workflow,
 * the UI and the catalogues all derive from these tuples, so a new code is added in one place.
 */

/** Intake channels (docs/rules.md §1). */
export const CHANNELS = [
  'web_form',
  'web_page',
  'email',
  'phone',
  'walk_in',
  'letter',
  'fax',
  'box',
  'returned_goods',
  'partner',
  'referral',
  'social',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Severity levels, L0 minor … L4 special major (docs/rules.md §3). */
export const SEVERITY_LEVELS = ['L0', 'L1', 'L2', 'L3', 'L4'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** Default category tree codes (docs/rules.md §3); organisations may replace them in policy. */
export const DEFAULT_CATEGORIES = [
  'product_quality',
  'service_attitude',
  'delivery',
  'billing',
  'after_sales',
  'contract',
  'property',
  'safety',
  'other',
] as const;

/** Roles (docs/rules.md §4), lowest authority first. */
export const ROLES = ['agent', 'handler', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Workflow states (docs/rules.md §4). */
export const STATUSES = [
  'draft',
  'registered',
  'assigned',
  'in_progress',
  'resolution_proposed',
  'awaiting_approval',
  'replied',
  'follow_up',
  'closed',
  'invalid',
  'withdrawn',
  'transferred',
] as const;
export type Status = (typeof STATUSES)[number];

/** SLA clocks (docs/rules.md §5). */
export const CLOCKS = [
  'forward',
  'firstContact',
  'reply',
  'progress',
  'close',
  'callback',
  /** The next feedback promised to the customer (at intake or with a note); due at that time. */
  'feedback',
] as const;
export type ClockId = (typeof CLOCKS)[number];

/** Who is responsible (docs/rules.md §4 rule 3). */
export const RESPONSIBILITIES = ['customer', 'company', 'supplier', 'unclear'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

/** Resolution types (docs/rules.md §4 rule 5). */
export const RESOLUTION_TYPES = [
  'explanation',
  'free_inspection',
  'repair',
  'replacement',
  'refund',
  'compensation',
  'discount',
  'retest',
  'recall',
  'noted_only',
] as const;
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

/**
 * Channels whose registration needs the read-back confirmation (docs/rules.md §2). Here, not
 * only in registration.ts, so a form can ask without loading the schema (and zod).
 */
export const READ_BACK_CHANNELS: readonly Channel[] = ['phone', 'walk_in'];

/** Resolutions that carry an amount of money (the amount an approver's limit is checked against). */
export const RESOLUTIONS_WITH_AMOUNT = [
  'compensation',
  'refund',
  'discount',
] as const satisfies readonly ResolutionType[];

/** Callback outcomes (docs/rules.md §4 rule 6). */
export const CALLBACK_OUTCOMES = ['satisfied', 'unsatisfied', 'declined', 'unreachable'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** How the customer was contacted, and what came of it ("call_back": they will call back at …). */
export const CONTACT_METHODS = ['phone', 'email', 'visit', 'sms'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'call_back'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Domain profiles that add fields (docs/rules.md §2). */
export const PROFILES = ['vehicle', 'b2b', 'telecom', 'hospitality', 'pharma'] as const;
export type Profile = (typeof PROFILES)[number];

/** UI languages. `en` is the source catalogue. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Regulatory deadline profiles (docs/rules.md §5). */
export const REGULATORY_PROFILES = ['none', 'fca', 'cfpb'] as const;
export type RegulatoryProfile = (typeof REGULATORY_PROFILES)[number];

/** Units a clock target can be expressed in (docs/rules.md §5). */
export const DURATION_UNITS = [
  'clockMinutes',
  'clockHours',
  'calendarDays',
  'workingMinutes',
  'workingHours',
  'workingDays',
  /** Due at the end of working hours of the Nth working day after the start day (FCA "close of business"). */
  'workingDaysEndOfDay',
  /** Due at a fixed local time of the working day (progress clock: "daily before 17:00"). */
  'dailyAt',
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Workflow event types (docs/architecture.md "The complaint is its event log"). */
export const EVENT_TYPES = [
  'captured',
  'draftUpdated',
  'registered',
  'caseNumberAssigned',
  'classified',
  'assigned',
  'contacted',
  'noteAdded',
  'severityOverridden',
  'resolutionProposed',
  'approved',
  'approvalRejected',
  'replied',
  'callbackRecorded',
  'reopened',
  'escalated',
  'markedInvalid',
  'invalidConfirmed',
  'withdrawn',
  'transferred',
  'deadlineExtended',
  'closed',
  /** Personal data erased (PIPL: retention period over, or the complainant asked). */
  'personalDataErased',
  /** A visit to the customer (上门) booked for a time. */
  'visitBooked',
  /** The booked visit took place. */
  'visitMade',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Who can act: a person with a role, or the server acting on its own (intake, auto-escalation). */
export const ACTOR_ROLES = [...ROLES, 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * How a reply reached the customer: `email`/`sms` sent by the server; `webmail` opened in the
 * clipped email's webmail and sent by the agent; `copied` pasted and sent by the agent elsewhere.
 */
export const REPLY_VIAS = ['email', 'sms', 'webmail', 'copied'] as const;
export type ReplyVia = (typeof REPLY_VIAS)[number];
