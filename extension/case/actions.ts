/**
 * The case view's actions as data: which actions a user is offered (exactly as the shared
 * workflow allows) and the fields of each action's form. The event a filled form produces is
 * built by build-action.ts, fetched on the first action (it loads the workflow and zod).
 */
import { activePolicy } from '../policy/active-policy';
import type { Policy } from '@shared/policy/policy';
import {
  CALLBACK_OUTCOMES,
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  type ClockId,
  type EventType,
  RESOLUTIONS_WITH_AMOUNT,
  RESOLUTION_TYPES,
  RESPONSIBILITIES,
  SEVERITY_LEVELS,
} from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { Actor } from '@shared/schema/event';
import { fromLocal } from '@shared/sla/zoned-time';
// The workflow's files one by one, not its index: what the forms ask (the guard, the reply's
// due time) must not bring the handlers and the severity reader into the page's first load.
import { type AvailableAction, availableActions } from '@shared/workflow/actions';
import { requiredApprover } from '@shared/workflow/authority';
import { workflowEnv } from '@shared/workflow/env';
import { LEGAL_FROM } from '@shared/workflow/guard';
import { OTHER_CAUSE, lateReplyDue } from '@shared/workflow/resolution-rules';
import type { WorkflowContext } from '@shared/workflow/types';

/** Actions the case view offers a form for, in display order (capture and numbering are not). */
export const CASE_ACTIONS = [
  'assigned',
  'contacted',
  'noteAdded',
  'resolutionProposed',
  'approved',
  'approvalRejected',
  'replied',
  'callbackRecorded',
  'closed',
  'escalated',
  'severityOverridden',
  'classified',
  'deadlineExtended',
  'reopened',
  'markedInvalid',
  'invalidConfirmed',
  'withdrawn',
  'transferred',
  'visitBooked',
  'visitMade',
] as const satisfies readonly EventType[];
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type Offer = AvailableAction & { type: CaseAction | 'registered' };

/**
 * What the user is offered on this case: every action the workflow allows, and — disabled, with
 * the workflow's reason — those that fit the case's status but not the user's role or the
 * case's facts. Actions that make no sense in this status are left out.
 */
export function offeredActions(
  state: ComplaintState,
  actor: { role: Actor['role'] },
  ctx: WorkflowContext = {},
): Offer[] {
  const all = availableActions(state, actor, ctx);
  const types: readonly (CaseAction | 'registered')[] =
    state.status === 'draft' ? ['registered', 'noteAdded'] : CASE_ACTIONS;
  return types.flatMap((type) => {
    const a = all.find((x) => x.type === type)!;
    if (a.allowed) return [a as Offer];
    if (a.reason === 'workflow.illegal' || a.reason === 'workflow.noComplaint') return [];
    if (a.reason === 'workflow.forbidden' && !LEGAL_FROM[type]?.includes(state.status)) return [];
    return [a as Offer];
  });
}

/** `shares`: one percentage per option (department), values `share.<code>` (R-SHARE-1). */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'number'
  | 'checkbox'
  | 'datetime'
  | 'shares';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Message key of the label. */
  label: string;
  /** Option values and the message-key prefix naming them (`${prefix}${value}`). */
  options?: readonly string[];
  optionPrefix?: string;
  /** Marked required in the form (the schema and the workflow decide in the end). */
  required?: boolean;
  /** Shown only when another field (itself shown) has one of these values. */
  when?: { field: string; values: readonly string[] };
}

export type FormValues = Record<string, string | boolean>;

/** What an action's fields and payload depend on besides the form's values. */
export interface ActionContext {
  state: ComplaintState;
  policy: Policy;
  /** When the form is filled in (a reply after its target needs a reason). */
  now: Date;
}

/**
 * One case action: its form's fields (options that depend on the policy or the case are filled
 * in from `ctx`) and the payload a filled form stands for (before schema validation), with
 * `datetime-local` values read in the calendar's `timeZone`.
 */
interface ActionSpec {
  fields(ctx: ActionContext): FieldSpec[];
  toPayload(values: FormValues, timeZone: string): Record<string, unknown>;
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : '');
const opt = (v: string | boolean | undefined) => str(v) || undefined;
/** The payload without its absent (undefined) members. */
const compact = (p: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));

const reason: FieldSpec = {
  name: 'reason',
  kind: 'textarea',
  label: 'review.form.reason',
  required: true,
};
const note: FieldSpec = { name: 'note', kind: 'textarea', label: 'review.form.note' };
const amount: FieldSpec = {
  name: 'amount',
  kind: 'number',
  label: 'review.form.amount',
  when: { field: 'type', values: RESOLUTIONS_WITH_AMOUNT },
};
const departmentField = (ctx: ActionContext, required: boolean): FieldSpec => ({
  name: 'department',
  kind: 'select',
  label: 'review.form.department',
  options: ctx.policy.departments.map((d) => d.code),
  optionPrefix: 'department.',
  ...(required ? { required } : {}),
});

/** The next feedback promised to the customer (R-FEEDBACK-1): starts the feedback clock. */
const nextFeedbackAt: FieldSpec = {
  name: 'nextFeedbackAt',
  kind: 'datetime',
  label: 'review.form.nextFeedbackAt',
};
const isoOf = (v: string | boolean | undefined, timeZone: string) =>
  str(v) ? (localInputToIso(str(v), timeZone) ?? str(v)) : undefined;

/** Filled percentages of a `shares` field as ratios; undefined when none is filled. */
function sharesOf(values: FormValues): { department: string; ratio: number }[] | undefined {
  const shares = Object.entries(values)
    .filter(([k, v]) => k.startsWith('share.') && str(v) !== '')
    .map(([k, v]) => ({ department: k.slice('share.'.length), ratio: Number(str(v)) / 100 }));
  return shares.length ? shares : undefined;
}

/** Actions whose whole form is a reason. */
const reasonOnly: ActionSpec = {
  fields: () => [reason],
  toPayload: (v) => ({ reason: str(v.reason) }),
};
/** Actions whose whole form is an optional note. */
const noteOnly: ActionSpec = {
  fields: () => [note],
  toPayload: (v) => compact({ note: opt(v.note) }),
};

/** Every case action's form, one entry each (a missing action is a compile error). */
export const ACTIONS: Record<CaseAction, ActionSpec> = {
  assigned: {
    fields: (ctx) => [
      departmentField(ctx, true),
      { name: 'handlerId', kind: 'text', label: 'review.form.handlerId' },
      { name: 'handlerName', kind: 'text', label: 'review.form.handlerName' },
      note,
    ],
    toPayload: (v) =>
      compact({
        department: str(v.department),
        handlerId: opt(v.handlerId),
        handlerName: opt(v.handlerName),
        note: opt(v.note),
      }),
  },
  classified: {
    fields: (ctx) => [
      {
        name: 'category',
        kind: 'select',
        label: 'review.form.category',
        options: ctx.policy.categories.map((c) => c.code),
        optionPrefix: 'category.',
      },
      departmentField(ctx, false),
      // 重要业户 (R-VIP-1): starts as the case has it, so saving it unchanged changes nothing.
      { name: 'vip', kind: 'checkbox', label: 'review.form.vip' },
    ],
    toPayload: (v) =>
      compact({ category: opt(v.category), department: opt(v.department), vip: v.vip === true }),
  },
  // How, what came of it, and what happens next (an unanswered attempt stops no clock).
  contacted: {
    fields: () => [
      {
        name: 'method',
        kind: 'select',
        label: 'ws.contact.method',
        options: CONTACT_METHODS,
        optionPrefix: 'contactMethod.',
        required: true,
      },
      {
        name: 'outcome',
        kind: 'select',
        label: 'ws.contact.outcome',
        options: CONTACT_OUTCOMES,
        optionPrefix: 'contactOutcome.',
        required: true,
      },
      {
        name: 'callBackAt',
        kind: 'datetime',
        label: 'ws.contact.callBackAt',
        when: { field: 'outcome', values: ['call_back'] },
        required: true,
      },
      { name: 'nextStep', kind: 'text', label: 'ws.contact.nextStep' },
      nextFeedbackAt,
      note,
    ],
    toPayload: (v, timeZone) =>
      compact({
        method: opt(v.method),
        outcome: opt(v.outcome),
        callBackAt:
          v.outcome === 'call_back' && str(v.callBackAt)
            ? (localInputToIso(str(v.callBackAt), timeZone) ?? str(v.callBackAt))
            : undefined,
        nextStep: opt(v.nextStep),
        nextFeedbackAt: isoOf(v.nextFeedbackAt, timeZone),
        note: opt(v.note),
      }),
  },
  noteAdded: {
    fields: () => [
      { name: 'text', kind: 'textarea', label: 'review.form.text', required: true },
      { name: 'progress', kind: 'checkbox', label: 'review.form.progress' },
      nextFeedbackAt,
    ],
    toPayload: (v, timeZone) =>
      compact({
        text: str(v.text),
        progress: v.progress === true,
        nextFeedbackAt: isoOf(v.nextFeedbackAt, timeZone),
      }),
  },
  severityOverridden: {
    fields: () => [
      {
        name: 'level',
        kind: 'select',
        label: 'review.form.level',
        options: SEVERITY_LEVELS,
        optionPrefix: 'severity.',
        required: true,
      },
      reason,
    ],
    toPayload: (v) => ({ level: str(v.level), reason: str(v.reason) }),
  },
  resolutionProposed: {
    fields: (ctx) => [
      {
        name: 'type',
        kind: 'select',
        label: 'review.form.type',
        options: RESOLUTION_TYPES,
        optionPrefix: 'resolution.',
        required: true,
      },
      amount,
      {
        name: 'responsibility',
        kind: 'select',
        label: 'review.form.responsibility',
        options: RESPONSIBILITIES,
        optionPrefix: 'responsibility.',
        required: true,
      },
      // R-CAUSE-1: a code of the policy's list; `other` takes the cause in words.
      {
        name: 'rootCauseCode',
        kind: 'select',
        label: 'review.form.rootCauseCode',
        options: ctx.policy.rootCauses.map((c) => c.code),
        optionPrefix: 'cause.',
        when: { field: 'responsibility', values: ['company'] },
        required: true,
      },
      {
        name: 'rootCause',
        kind: 'textarea',
        label: 'review.form.rootCause',
        when: { field: 'rootCauseCode', values: [OTHER_CAUSE] },
        required: true,
      },
      {
        name: 'correctiveAction',
        kind: 'textarea',
        label: 'review.form.correctiveAction',
        when: { field: 'responsibility', values: ['company'] },
        required: true,
      },
      // R-SHARE-1: left empty, the handling department carries the fault whole.
      {
        name: 'shares',
        kind: 'shares',
        label: 'review.form.shares',
        options: ctx.policy.departments.map((d) => d.code),
        optionPrefix: 'department.',
        when: { field: 'responsibility', values: ['company'] },
      },
      { name: 'description', kind: 'textarea', label: 'review.form.description', required: true },
    ],
    toPayload: (v) => {
      const company = v.responsibility === 'company';
      const code = opt(v.rootCauseCode);
      return compact({
        type: str(v.type),
        amount: str(v.amount) && isShown(amount, v) ? Number(str(v.amount)) : undefined,
        responsibility: str(v.responsibility),
        rootCauseCode: company ? code : undefined,
        // A text without a code is how older clients wrote a cause ("other").
        rootCause: company && (code ?? OTHER_CAUSE) === OTHER_CAUSE ? opt(v.rootCause) : undefined,
        correctiveAction: company ? opt(v.correctiveAction) : undefined,
        shares: company ? sharesOf(v) : undefined,
        description: str(v.description),
      });
    },
  },
  approved: noteOnly,
  approvalRejected: reasonOnly,
  replied: {
    fields: ({ state, policy, now }) => [
      { name: 'message', kind: 'textarea', label: 'review.form.message', required: true },
      // R-REPLY-1, asked of the shared rule: only a reply after its target needs a reason.
      ...(lateReplyDue(state, now.toISOString(), workflowEnv({ policy }))
        ? [
            {
              name: 'lateReason',
              kind: 'textarea',
              label: 'review.form.lateReason',
              required: true,
            } satisfies FieldSpec,
          ]
        : []),
    ],
    // `via`/`to`: set when the agent confirms a reply they sent by hand (webmail, copied).
    toPayload: (v) =>
      compact({
        message: str(v.message),
        lateReason: opt(v.lateReason),
        via: opt(v.via),
        to: opt(v.to),
      }),
  },
  callbackRecorded: {
    fields: () => [
      {
        name: 'outcome',
        kind: 'select',
        label: 'review.form.outcome',
        options: CALLBACK_OUTCOMES,
        optionPrefix: 'callback.',
        required: true,
      },
      {
        name: 'attemptedAt',
        kind: 'datetime',
        label: 'review.form.attemptedAt',
        when: { field: 'outcome', values: ['unreachable'] },
        required: true,
      },
      note,
    ],
    toPayload: (v, timeZone) =>
      compact({
        outcome: str(v.outcome),
        attemptedAt:
          v.outcome === 'unreachable'
            ? (localInputToIso(str(v.attemptedAt), timeZone) ?? str(v.attemptedAt))
            : undefined,
        note: opt(v.note),
      }),
  },
  closed: noteOnly,
  escalated: reasonOnly,
  deadlineExtended: {
    fields: ({ state }) => [
      {
        name: 'clock',
        kind: 'select',
        label: 'review.form.clock',
        options: (Object.keys(state.clocks) as ClockId[]).filter(
          (c) => state.clocks[c] && !state.clocks[c]!.stoppedAt,
        ),
        optionPrefix: 'clock.',
        required: true,
      },
      { name: 'until', kind: 'datetime', label: 'review.form.until', required: true },
      reason,
      {
        name: 'customerAgreed',
        kind: 'checkbox',
        label: 'review.form.customerAgreed',
        required: true,
      },
    ],
    toPayload: (v, timeZone) => ({
      clock: str(v.clock),
      until: localInputToIso(str(v.until), timeZone) ?? str(v.until),
      reason: str(v.reason),
      customerAgreed: v.customerAgreed === true,
    }),
  },
  reopened: reasonOnly,
  markedInvalid: {
    fields: () => [
      reason,
      { name: 'explanation', kind: 'textarea', label: 'review.form.explanation', required: true },
    ],
    toPayload: (v) => ({ reason: str(v.reason), explanation: str(v.explanation) }),
  },
  invalidConfirmed: noteOnly,
  withdrawn: reasonOnly,
  transferred: {
    fields: () => [{ name: 'to', kind: 'text', label: 'review.form.to', required: true }, reason],
    toPayload: (v) => ({ to: str(v.to), reason: str(v.reason) }),
  },
  // R-ESC-3: a booked visit missed two days running escalates; the made one is recorded.
  visitBooked: {
    fields: () => [
      { name: 'for', kind: 'datetime', label: 'review.form.visitFor', required: true },
      note,
    ],
    toPayload: (v, timeZone) => compact({ for: isoOf(v.for, timeZone) ?? '', note: opt(v.note) }),
  },
  visitMade: noteOnly,
};

/**
 * Each action's shortcut on the case page: one lower-case letter, mnemonic where the English name
 * allows (a·ssign, c·ontact, n·ote, p·ropose, r·eply, e·scalate, w·ithdraw…). A missing action is
 * a compile error; `?` is the help, so no action takes it. Only what the workflow allows fires.
 */
export const ACTION_KEYS: Record<CaseAction | 'registered', string> = {
  registered: 'g',
  assigned: 'a',
  contacted: 'c',
  noteAdded: 'n',
  resolutionProposed: 'p',
  approved: 'y',
  approvalRejected: 'u',
  replied: 'r',
  callbackRecorded: 'b',
  closed: 'd',
  escalated: 'e',
  severityOverridden: 's',
  classified: 'k',
  deadlineExtended: 't',
  reopened: 'o',
  markedInvalid: 'i',
  invalidConfirmed: 'm',
  withdrawn: 'w',
  transferred: 'f',
  visitBooked: 'v',
  visitMade: 'h',
};

/** The allowed offer a key press stands for, if any. */
export function offerForKey(offers: readonly Offer[], key: string): Offer | undefined {
  return offers.find((o) => o.allowed && ACTION_KEYS[o.type] === key);
}

/**
 * The field a workflow refusal is about, so the form shows it there (with the rule's own
 * message) rather than below the form.
 */
const REFUSAL_FIELDS: Record<string, string> = {
  'workflow.reply.lateReasonRequired': 'lateReason',
  'workflow.resolution.rootCauseRequired': 'rootCause',
  'workflow.resolution.unknownRootCause': 'rootCauseCode',
  'workflow.resolution.correctiveActionRequired': 'correctiveAction',
  'workflow.resolution.sharesInvalid': 'shares',
  'workflow.resolution.sharesNeedCompany': 'shares',
  'workflow.unknownDepartment': 'shares',
};

/** The form field a refusal belongs to, when one of `fields` is shown for it. */
export function refusalField(
  reason: string,
  fields: readonly FieldSpec[],
  values: FormValues,
): string | undefined {
  const name = REFUSAL_FIELDS[reason];
  const field = fields.find((f) => f.name === name);
  return field && isShown(field, values, fields) ? name : undefined;
}

/** The fields of an action's form. */
export function formFields(
  type: CaseAction,
  state: ComplaintState,
  policy: Policy = activePolicy(),
  now: Date = new Date(),
): FieldSpec[] {
  return ACTIONS[type].fields({ state, policy, now });
}

/** Whether a field is shown for the current values (and the field it depends on is shown). */
export function isShown(
  field: FieldSpec,
  values: FormValues,
  fields: readonly FieldSpec[] = [],
): boolean {
  if (!field.when) return true;
  const parent = fields.find((f) => f.name === field.when!.field);
  if (parent && parent !== field && !isShown(parent, values, fields)) return false;
  return field.when.values.includes(String(values[field.when.field] ?? ''));
}

/** Starting values: the first option of required selects, progress notes by default. */
export function initialValues(
  type: CaseAction,
  state: ComplaintState,
  policy: Policy = activePolicy(),
  now: Date = new Date(),
): FormValues {
  const values: FormValues = {};
  for (const f of formFields(type, state, policy, now)) {
    if (f.kind === 'checkbox')
      values[f.name] = f.name === 'vip' ? state.vip === true : f.name === 'progress';
    else if (f.kind === 'shares') for (const o of f.options ?? []) values[`share.${o}`] = '';
    else if (f.kind === 'select' && f.required) values[f.name] = f.options?.[0] ?? '';
    else values[f.name] = '';
  }
  if (type === 'assigned') {
    values.department =
      state.assignment?.department ?? state.department ?? String(values.department);
  }
  return values;
}

/** A `datetime-local` value (`YYYY-MM-DDTHH:mm`) in `timeZone` as an ISO instant. */
export function localInputToIso(value: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const local = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  return new Date(fromLocal(timeZone, local)).toISOString();
}

/** The payload a filled form stands for (before schema validation). */
export function payloadFor(
  type: CaseAction,
  values: FormValues,
  timeZone: string,
): Record<string, unknown> {
  return ACTIONS[type].toPayload(values, timeZone);
}

/** Who must approve an offer of `amount` made by the actor (undefined: nobody). */
export function approvalNeeded(
  values: FormValues,
  actor: Actor,
  policy: Policy = activePolicy(),
): { role?: string; beyondEveryone?: boolean } {
  const amount = Number(str(values.amount));
  const responsibility = str(values.responsibility) as (typeof RESPONSIBILITIES)[number];
  if (!RESPONSIBILITIES.includes(responsibility)) return {};
  const r = requiredApprover(
    { amount: Number.isFinite(amount) && str(values.amount) ? amount : undefined, responsibility },
    actor.role,
    policy,
  );
  if (!r.ok) return { beyondEveryone: true };
  return r.role ? { role: r.role } : {};
}
