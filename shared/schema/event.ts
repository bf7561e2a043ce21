import * as z from 'zod/mini';
import {
  ACTOR_ROLES,
  CALLBACK_OUTCOMES,
  CLOCKS,
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  type EventType,
  RESOLUTION_TYPES,
  REPLY_VIAS,
  RESPONSIBILITIES,
  ROLES,
  SEVERITY_LEVELS,
} from './codes';
import { text } from './fields';
import { DraftSchema, RegistrationSchema } from './registration';

const instant = () => z.iso.datetime({ offset: true, message: 'validation.datetime' });
const code = () => z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/, 'validation.category'));
const note = () => z.optional(text(5_000));
const reason = () => text(2_000, 1);

/** Who appended an event; `system` is the server acting on its own (intake, auto-escalation). */
export const ActorSchema = z.object({
  id: text(100, 1),
  name: text(100, 1),
  role: z.enum(ACTOR_ROLES),
});
export type Actor = z.infer<typeof ActorSchema>;

/** Who issued a case number: the server (authoritative) or a device registering offline. */
export const CASE_NUMBER_ISSUERS = ['local', 'server'] as const;
export type CaseNumberIssuer = (typeof CASE_NUMBER_ISSUERS)[number];

const CaseNumber = text(32, 1);
const Amount = z.number().check(z.gte(0, 'validation.min'), z.lte(1e12, 'validation.max'));
const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'validation.currency'));

/** One department's part of the company's responsibility. */
export const ShareSchema = z.object({
  department: code(),
  ratio: z.number().check(z.gt(0, 'validation.min'), z.lte(1, 'validation.max')),
});

const base = {
  /** Client-generated, so a retried append is recognised (idempotency). */
  id: z.uuid('validation.uuid'),
  complaintId: z.uuid('validation.uuid'),
  at: instant(),
  actor: ActorSchema,
  /** Server order, assigned by the server when it accepts the event. */
  seq: z.optional(z.number().check(z.int(), z.gte(0))),
};

function member<T extends EventType, S extends z.core.$ZodLooseShape>(type: T, payload: S) {
  return z.object({ ...base, type: z.literal(type), payload: z.object(payload) });
}

/** Payload shapes per event type; strings are bounded and unknown keys are stripped. */
const members = [
  member('captured', { draft: DraftSchema }),
  /** Replaces the whole draft: a partial draft cannot express a cleared field as a merge. */
  member('draftUpdated', { draft: DraftSchema }),
  member('registered', {
    record: RegistrationSchema,
    caseNumber: z.optional(CaseNumber),
    caseNumberIssuer: z.optional(z.enum(CASE_NUMBER_ISSUERS)),
    /** The agent solved it on the spot (L0); honoured only when no rule above L0 fires. */
    agentLevel: z.optional(z.literal('L0')),
    /** The earlier complaint this one repeats (same contact, same category, within the window). */
    secondComplaintOf: z.optional(z.uuid('validation.uuid')),
  }),
  member('caseNumberAssigned', { caseNumber: CaseNumber, issuer: z.enum(CASE_NUMBER_ISSUERS) }),
  member('classified', {
    category: z.optional(code()),
    department: z.optional(code()),
    /** Marks or clears the important-customer (重要业户 / VIP) flag. */
    vip: z.optional(z.boolean()),
  }),
  member('assigned', {
    department: code(),
    handlerId: z.optional(text(100, 1)),
    handlerName: z.optional(text(100, 1)),
    note: note(),
  }),
  /** Method, outcome and next step are optional: events recorded before them stay valid. */
  member('contacted', {
    note: note(),
    method: z.optional(z.enum(CONTACT_METHODS)),
    outcome: z.optional(z.enum(CONTACT_OUTCOMES)),
    /** When the customer promised to call back (outcome `call_back`). */
    callBackAt: z.optional(instant()),
    nextStep: z.optional(text(2_000)),
    /** The next feedback promised to the customer now: starts the feedback clock. */
    nextFeedbackAt: z.optional(instant()),
  }),
  member('noteAdded', {
    text: text(10_000, 1),
    progress: z.boolean(),
    /** The next feedback promised to the customer now: restarts the feedback clock. */
    nextFeedbackAt: z.optional(instant()),
  }),
  member('severityOverridden', { level: z.enum(SEVERITY_LEVELS), reason: reason() }),
  member('resolutionProposed', {
    type: z.enum(RESOLUTION_TYPES),
    amount: z.optional(Amount),
    currency: z.optional(Currency),
    responsibility: z.enum(RESPONSIBILITIES),
    /** A code of `policy.rootCauses`; `other` needs `rootCause` text (docs/rules.md R-CAUSE-1). */
    rootCauseCode: z.optional(code()),
    rootCause: z.optional(text(5_000)),
    correctiveAction: z.optional(text(5_000)),
    /** Responsibility shared between departments, ratios summing to 1 (R-SHARE-1). */
    shares: z.optional(z.array(ShareSchema).check(z.minLength(1), z.maxLength(20))),
    description: text(10_000, 1),
  }),
  member('approved', { note: note() }),
  member('approvalRejected', { reason: reason() }),
  member('replied', {
    message: text(20_000, 1),
    templateId: z.optional(text(100, 1)),
    /** How it reached the customer: sent by the server, or by hand in webmail or elsewhere. */
    via: z.optional(z.enum(REPLY_VIAS)),
    /** The address or number it went to. */
    to: z.optional(text(254, 1)),
    /** Why the reply came after the reply target; required then (docs/rules.md R-REPLY-1). */
    lateReason: z.optional(text(2_000)),
  }),
  member('callbackRecorded', {
    outcome: z.enum(CALLBACK_OUTCOMES),
    note: note(),
    /** When the SMS/email went unanswered; required for `unreachable`. */
    attemptedAt: z.optional(instant()),
  }),
  member('reopened', { reason: reason() }),
  member('escalated', {
    reason: reason(),
    auto: z.optional(z.boolean()),
    /** Raise to at least this role's tier instead of one up (docs/rules.md R-ESC-2, R-ESC-3). */
    to: z.optional(z.enum(ROLES)),
    /** The breach this escalation answers (`clock@startedAt`): once per breach (R-ESC-1). */
    breach: z.optional(text(200, 1)),
  }),
  member('markedInvalid', { reason: reason(), explanation: text(10_000, 1) }),
  member('invalidConfirmed', { note: note() }),
  member('withdrawn', { reason: reason() }),
  member('transferred', { to: text(200, 1), reason: reason() }),
  member('deadlineExtended', {
    clock: z.enum(CLOCKS),
    until: instant(),
    reason: reason(),
    customerAgreed: z.literal(true, 'validation.confirm'),
  }),
  member('closed', { note: note() }),
  member('visitBooked', { for: instant(), note: note() }),
  member('visitMade', { note: note() }),
  member('personalDataErased', {
    reason: reason(),
    scope: z.enum(['retention', 'request']),
    /** What the anonymised log no longer shows: the level and tier the case ended at. */
    kept: z.object({
      level: z.enum(SEVERITY_LEVELS),
      assessedLevel: z.enum(SEVERITY_LEVELS),
      tier: z.number().check(z.int(), z.gte(0)),
    }),
  }),
] as const;

/**
 * One entry of a complaint's event log (docs/architecture.md "The complaint is its event log"),
 * discriminated on `type`. Parse at the boundary (sync, API); the workflow folds parsed events.
 */
export const EventSchema = z.discriminatedUnion('type', members);

/** A parsed workflow event. */
export type ComplaintEvent = z.infer<typeof EventSchema>;
/** The event of one type, e.g. `EventOf<'assigned'>`. */
export type EventOf<T extends EventType> = Extract<ComplaintEvent, { type: T }>;
/** The payload of one event type. */
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];
/** What a client may send (before defaults and trimming). */
export type ComplaintEventInput = z.input<typeof EventSchema>;
