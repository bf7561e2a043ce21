/**
 * Complaint Desk's shared domain: the one source of truth for the widget, the extension and the
 * server. Explicit exports only; `index.test.ts` snapshots this list so the public API grows on
 * purpose. Preact UI pieces live in `shared/ui` (imported directly: they need a DOM).
 */

// Vocabulary
export {
  ACTOR_ROLES,
  CALLBACK_OUTCOMES,
  CHANNELS,
  CLOCKS,
  DEFAULT_CATEGORIES,
  EVENT_TYPES,
  LOCALES,
  PROFILES,
  REGULATORY_PROFILES,
  RESOLUTION_TYPES,
  RESPONSIBILITIES,
  ROLES,
  SEVERITY_LEVELS,
  STATUSES,
  type ActorRole,
  type CallbackOutcome,
  type Channel,
  type ClockId,
  type EventType,
  type Locale,
  type Profile,
  type ResolutionType,
  type Responsibility,
  type Role,
  type SeverityLevel,
  type Status,
} from './schema/codes';

// Schemas
export {
  ComplaintSubmissionSchema,
  MAX_SUBMISSION_ATTACHMENTS,
  MIN_FILL_MS,
  spamVerdict,
  submissionToRegistration,
  type ComplaintSubmission,
  type ComplaintSubmissionInput,
} from './schema/submission';
export { ACCEPTED_IMAGE_TYPES, type ImageType, sniffImageType } from './schema/image-type';
export {
  ClipSourceSchema,
  DraftSchema,
  EmailClipSchema,
  READ_BACK_CHANNELS,
  RegistrationSchema,
  type ClipSource,
  type Draft,
  type Registration,
} from './schema/registration';
export {
  PROFILE_FIELDS,
  normalizePhoneInput,
  type Complainant,
  type ProfileFields,
} from './schema/fields';
export { ComplaintSchema, type ComplaintState } from './schema/complaint';
export {
  ActorSchema,
  EventSchema,
  type Actor,
  type ComplaintEvent,
  type EventOf,
} from './schema/event';
export { issueKey, toFieldErrors, type FieldError } from './schema/issues';

// Workflow
export {
  OPEN_STATUSES,
  TERMINAL_STATUSES,
  availableActions,
  canApply,
  fold,
  transition,
  type AvailableAction,
  type Effect,
  type FoldResult,
  type TransitionResult,
  type WorkflowContext,
} from './workflow/index';

// Severity
export {
  assessSeverity,
  compareLevels,
  effectiveLevel,
  isSecondComplaint,
  maxLevel,
  severityAtLeast,
  type SeverityAssessment,
  type SeverityInput,
  type SeverityReason,
} from './severity/index';

// Deadlines on a business calendar
export {
  BusinessCalendarSchema,
  SLA_STATES,
  addWorkingTime,
  chinaCalendar,
  computeDeadlines,
  deadlineFor,
  formatDue,
  formatDuration,
  isWorkingDay,
  isWorkingTime,
  nextWorkingStart,
  type BusinessCalendar,
  type ClockDeadline,
  type Deadline,
  type DeadlineSummary,
  type SlaState,
} from './sla/index';

// Case numbers
export { caseNumberPeriod, formatCaseNumber, parseCaseNumber } from './numbering/index';

// Policy
export { defaultPolicy } from './policy/default-policy';
export { PolicySchema, type Policy } from './policy/policy';
export { resolvePolicy, type PolicyResult } from './policy/resolve-policy';

// Messages
export { en, hasMessage, t, tKey, zhCN, type MessageKey, type Messages } from './i18n/index';
export { createTranslator, pickLocale } from './i18n/translate';
