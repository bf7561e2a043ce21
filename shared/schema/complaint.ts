import * as z from 'zod/mini';
import {
  CALLBACK_OUTCOMES,
  CHANNELS,
  CLOCKS,
  RESOLUTION_TYPES,
  RESPONSIBILITIES,
  ROLES,
  SEVERITY_LEVELS,
  STATUSES,
} from './codes';
import { ActorSchema, CASE_NUMBER_ISSUERS } from './event';
import { DraftSchema, RegistrationSchema } from './registration';

const Instant = z.iso.datetime({ offset: true });
const Code = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,63}$/));
const Count = z.number().check(z.int(), z.gte(0));
const Text = z.string().check(z.maxLength(20_000));
const Level = z.enum(SEVERITY_LEVELS);

/** One SLA clock as the workflow recorded it; structurally `ClockSpan` of shared/sla. */
export const ClockSpanSchema = z.object({
  startedAt: Instant,
  stoppedAt: z.optional(Instant),
  agreedDueAt: z.optional(Instant),
});

const SeverityReasonSchema = z.object({
  rule: z.string().check(z.maxLength(64)),
  level: Level,
  detail: z.optional(z.string().check(z.maxLength(200))),
  value: z.optional(z.number()),
  threshold: z.optional(z.number()),
});

const SeveritySchema = z.object({
  /** The level the case is handled at: the override when present, else the assessment. */
  level: Level,
  assessed: z.object({ level: Level, reasons: z.array(SeverityReasonSchema) }),
  /** A supervisor's decision; assessment never changes it (docs/rules.md §3). */
  override: z.optional(
    z.object({
      level: Level,
      reason: Text,
      by: ActorSchema,
      at: Instant,
      /** The round it was made in; a later reopen lifts the handled level to at least L2. */
      round: z.number().check(z.int(), z.gte(1)),
    }),
  ),
});

const ResolutionSchema = z.object({
  type: z.enum(RESOLUTION_TYPES),
  amount: z.optional(z.number().check(z.gte(0))),
  currency: z.optional(z.string()),
  responsibility: z.enum(RESPONSIBILITIES),
  rootCauseCode: z.optional(Code),
  rootCause: z.optional(Text),
  correctiveAction: z.optional(Text),
  /** Departments sharing the company's responsibility, ratios summing to 1. */
  shares: z.optional(z.array(z.object({ department: Code, ratio: z.number() }))),
  description: Text,
  proposedBy: ActorSchema,
  at: Instant,
  /** Set when the offer exceeds the proposer's authority or responsibility is unclear. */
  requiredRole: z.optional(z.enum(ROLES)),
  approvedBy: z.optional(ActorSchema),
  approvedAt: z.optional(Instant),
});

const ESCALATION_CAUSES = ['event', 'severity', 'secondComplaint', 'unsatisfied'] as const;

/**
 * The snapshot of a complaint: a pure fold over its events (shared/workflow), stored by local
 * stores and returned by the API. Always rebuildable from the event log.
 */
export const ComplaintSchema = z.object({
  id: z.uuid(),
  status: z.enum(STATUSES),
  /** Handling round; each reopen adds one. */
  round: z.number().check(z.int(), z.gte(1)),
  /** Index into `policy.escalationTiers`. */
  tier: Count,
  /** Number of events applied. */
  version: Count,
  caseNumber: z.optional(z.string().check(z.maxLength(32))),
  caseNumberIssuer: z.optional(z.enum(CASE_NUMBER_ISSUERS)),
  /** The draft until registered, then the validated registration record. */
  record: z.union([RegistrationSchema, DraftSchema]),
  receivedAt: Instant,
  registeredAt: z.optional(Instant),
  /** Who captured (or, without a draft, registered) it: 首问责任制. */
  firstResponder: ActorSchema,
  channel: z.enum(CHANNELS),
  /** Marked urgent by the receiver out of hours. */
  urgent: z.boolean(),
  /** An important customer (重要业户 / VIP). */
  vip: z.optional(z.boolean()),
  /** False for anonymous complaints: nobody to reply to or call back. */
  replyPossible: z.boolean(),
  category: z.optional(Code),
  department: z.optional(Code),
  agentLevel: z.optional(z.literal('L0')),
  severity: SeveritySchema,
  secondComplaint: z.boolean(),
  secondComplaintOf: z.optional(z.uuid()),
  assignment: z.optional(
    z.object({
      department: Code,
      handlerId: z.optional(z.string()),
      handlerName: z.optional(z.string()),
      at: Instant,
      by: ActorSchema,
    }),
  ),
  /** Assignments that changed the department or handler (≥ 2 = buck-passing, 推诿). */
  reassignCount: Count,
  contactedAt: z.optional(Instant),
  resolution: z.optional(ResolutionSchema),
  repliedAt: z.optional(Instant),
  /** Why the reply came after its target (docs/rules.md R-REPLY-1). */
  replyLateReason: z.optional(Text),
  /** The company's fault as found in an earlier round: aging survives a reopen (R-SEV-AGING-1). */
  priorCompanyFault: z.optional(
    z.object({ round: z.number().check(z.int(), z.gte(1)), at: Instant }),
  ),
  callbacks: z.array(
    z.object({
      outcome: z.enum(CALLBACK_OUTCOMES),
      at: Instant,
      round: z.number().check(z.int(), z.gte(1)),
      by: ActorSchema,
      note: z.optional(Text),
      attemptedAt: z.optional(Instant),
    }),
  ),
  unsatisfiedCount: Count,
  closedAt: z.optional(Instant),
  verdict: z.optional(
    z.object({
      reason: Text,
      explanation: Text,
      by: ActorSchema,
      at: Instant,
      confirmed: z.boolean(),
      confirmedBy: z.optional(ActorSchema),
      confirmedAt: z.optional(Instant),
      /** A supervisor/manager reopened the case, overturning the verdict. */
      overturned: z.optional(z.object({ by: ActorSchema, at: Instant, reason: Text })),
    }),
  ),
  withdrawn: z.optional(z.object({ reason: Text, by: ActorSchema, at: Instant })),
  transferred: z.optional(z.object({ to: Text, reason: Text, by: ActorSchema, at: Instant })),
  extensions: z.array(
    z.object({ clock: z.enum(CLOCKS), until: Instant, reason: Text, by: ActorSchema, at: Instant }),
  ),
  escalations: z.array(
    z.object({
      tier: Count,
      at: Instant,
      /** Appended by the system (SLA breach) or raised by a rule rather than a person. */
      auto: z.boolean(),
      cause: z.enum(ESCALATION_CAUSES),
      reason: z.optional(Text),
      by: z.optional(ActorSchema),
      /** The breach an automatic escalation answered (`clock@startedAt`). */
      breach: z.optional(z.string().check(z.maxLength(200))),
    }),
  ),
  /** Visits booked with the customer (上门), in booking order (docs/rules.md R-ESC-3). */
  visits: z.optional(
    z.array(z.object({ for: Instant, bookedAt: Instant, madeAt: z.optional(Instant) })),
  ),
  /** When the personal fields were erased (PIPL); the record is anonymised. */
  erasedAt: z.optional(Instant),
  /** Number of notes added. */
  notes: Count,
  lastProgressAt: z.optional(Instant),
  /** The latest event time seen (never moves back when an older event syncs late). */
  updatedAt: Instant,
  clocks: z.partialRecord(z.enum(CLOCKS), ClockSpanSchema),
});

/** A complaint's state as the workflow computes it; satisfies `DeadlineInput` of shared/sla. */
export type ComplaintState = z.infer<typeof ComplaintSchema>;
export type EscalationCause = (typeof ESCALATION_CAUSES)[number];
