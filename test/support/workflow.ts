/**
 * Event factories for tests of the workflow and of everything built on it (stores, sync, UI).
 * Deterministic: ids come from a counter, times are explicit or a fixed working-day morning.
 */
import type { ActorRole, EventType } from '../../shared/schema/codes';
import type { Actor, ComplaintEvent, EventOf, PayloadOf } from '../../shared/schema/event';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { Registration } from '../../shared/schema/registration';
import { fold } from '../../shared/workflow/fold';
import type { WorkflowContext } from '../../shared/workflow/types';

/** A v4-shaped UUID for a number, so ids read well in failures: `uuidFor(7)` ends in …007. */
export function uuidFor(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The complaint every factory targets unless told otherwise. */
export const COMPLAINT_ID = uuidFor(0xc0ffee);

/** An instant in Asia/Shanghai: `shanghai('2026-03-02 10:00')` → `2026-03-02T10:00:00+08:00`. */
export function shanghai(local: string): string {
  const [date, time = '00:00'] = local.split(' ');
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/** Monday 2 March 2026, 10:00 in Shanghai: a working day, inside working hours. */
export const DEFAULT_AT = shanghai('2026-03-02 10:00');

/** One actor per role. */
export const ACTORS: Record<ActorRole, Actor> = {
  agent: { id: 'u-agent', name: 'Li Na', role: 'agent' },
  handler: { id: 'u-handler', name: 'Wang Wei', role: 'handler' },
  supervisor: { id: 'u-supervisor', name: 'Zhang Min', role: 'supervisor' },
  manager: { id: 'u-manager', name: 'Chen Jie', role: 'manager' },
  admin: { id: 'u-admin', name: 'Admin', role: 'admin' },
  system: { id: 'system', name: 'Complaint Desk', role: 'system' },
};

/** Who appends an event by default: someone the default policy allows. */
const DEFAULT_ROLE: Record<EventType, ActorRole> = {
  captured: 'agent',
  draftUpdated: 'agent',
  registered: 'agent',
  caseNumberAssigned: 'system',
  classified: 'supervisor',
  assigned: 'supervisor',
  contacted: 'handler',
  noteAdded: 'handler',
  severityOverridden: 'supervisor',
  resolutionProposed: 'handler',
  approved: 'supervisor',
  approvalRejected: 'supervisor',
  replied: 'handler',
  callbackRecorded: 'agent',
  reopened: 'supervisor',
  escalated: 'supervisor',
  markedInvalid: 'handler',
  invalidConfirmed: 'supervisor',
  withdrawn: 'agent',
  transferred: 'supervisor',
  deadlineExtended: 'handler',
  closed: 'agent',
  personalDataErased: 'admin',
  visitBooked: 'handler',
  visitMade: 'handler',
};

let nextId = 1;

export interface EventOptions {
  at?: string;
  /** An actor, or just a role (then `ACTORS[role]`). */
  actor?: Actor | ActorRole;
  id?: string;
  complaintId?: string;
  seq?: number;
}

/** One event of `type`; payloads are typed per type. */
export function makeEvent<T extends EventType>(
  type: T,
  payload: PayloadOf<T>,
  options: EventOptions = {},
): EventOf<T> {
  const actor = options.actor ?? DEFAULT_ROLE[type];
  const event = {
    id: options.id ?? uuidFor(nextId++),
    complaintId: options.complaintId ?? COMPLAINT_ID,
    type,
    at: options.at ?? DEFAULT_AT,
    actor: typeof actor === 'string' ? ACTORS[actor] : actor,
    payload,
    ...(options.seq !== undefined ? { seq: options.seq } : {}),
  };
  return event as unknown as EventOf<T>;
}

/** A complete phone registration record (read back, contact given), received at `DEFAULT_AT`. */
export function sampleRecord(overrides: Partial<Registration> = {}): Registration {
  return {
    channel: 'phone',
    receivedAt: DEFAULT_AT,
    readBackConfirmedAt: DEFAULT_AT,
    complainant: { name: '刘', anonymous: false, phone: '13812345678' },
    subject: 'Washing machine leaks',
    description: 'The washing machine delivered last week leaks water on every wash.',
    demand: 'Repair or replace the machine',
    category: 'product_quality',
    ...overrides,
  };
}

/** `iso` plus `hours`, written in Shanghai time (+08:00). */
export function plusHours(iso: string, hours: number): string {
  const shifted = new Date(Date.parse(iso) + (hours + 8) * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/**
 * The whole happy path, draft → closed, one event an hour from the record's `receivedAt`: capture, register,
 * assign, contact, progress note, resolution (repair, company fault), reply, callback, close.
 */
export function happyPath(record: Registration = sampleRecord()): ComplaintEvent[] {
  const hour = (h: number) => plusHours(record.receivedAt, h);
  const { receivedAt: _r, ...draft } = record;
  return [
    makeEvent('captured', { draft: { ...draft, receivedAt: record.receivedAt } }, { at: hour(0) }),
    makeEvent(
      'registered',
      { record, caseNumber: '2603-0001', caseNumberIssuer: 'server' },
      { at: hour(0) },
    ),
    makeEvent(
      'assigned',
      { department: 'quality', handlerId: 'u-handler', handlerName: 'Wang Wei' },
      { at: hour(1) },
    ),
    makeEvent('contacted', { note: 'Called the customer' }, { at: hour(2) }),
    makeEvent(
      'noteAdded',
      { text: 'Technician booked for tomorrow', progress: true },
      { at: hour(3) },
    ),
    makeEvent(
      'resolutionProposed',
      {
        type: 'repair',
        responsibility: 'company',
        rootCause: 'Loose drain hose from the factory',
        correctiveAction: 'Added a hose check to final inspection',
        description: 'Free repair at home',
      },
      { at: hour(4) },
    ),
    makeEvent(
      'replied',
      { message: 'We will repair your machine at home for free.' },
      { at: hour(5) },
    ),
    makeEvent('callbackRecorded', { outcome: 'satisfied' }, { at: hour(6) }),
    makeEvent('closed', {}, { at: hour(7) }),
  ];
}

/** A valid payload for every event type (the registered record is `sampleRecord()`). */
export function samplePayload<T extends EventType>(type: T): PayloadOf<T> {
  const payloads: { [K in EventType]: PayloadOf<K> } = {
    captured: { draft: { channel: 'phone', description: 'Leaking washing machine' } },
    draftUpdated: { draft: { channel: 'phone', description: 'Leaking washing machine, twice' } },
    registered: { record: sampleRecord() },
    caseNumberAssigned: { caseNumber: '2603-0001', issuer: 'server' },
    classified: { category: 'product_quality' },
    assigned: { department: 'quality', handlerId: 'u-handler', handlerName: 'Wang Wei' },
    contacted: {},
    noteAdded: { text: 'Technician booked', progress: true },
    severityOverridden: { level: 'L2', reason: 'Repeat customer' },
    resolutionProposed: {
      type: 'explanation',
      responsibility: 'customer',
      description: 'Explained usage',
    },
    approved: {},
    approvalRejected: { reason: 'Offer too high' },
    replied: { message: 'We explained how to use the machine.' },
    callbackRecorded: { outcome: 'satisfied' },
    reopened: { reason: 'Customer called again' },
    escalated: { reason: 'Customer asked for a manager' },
    markedInvalid: { reason: 'Misuse', explanation: 'The machine was overloaded.' },
    invalidConfirmed: {},
    withdrawn: { reason: 'Customer withdrew' },
    transferred: { to: 'Supplier hotline', reason: 'Out of scope' },
    deadlineExtended: {
      clock: 'close',
      until: shanghai('2026-03-20 18:00'),
      reason: 'Parts on order',
      customerAgreed: true,
    },
    closed: {},
    visitBooked: { for: shanghai('2026-03-03 10:00') },
    visitMade: {},
    personalDataErased: {
      reason: 'Retention period over',
      scope: 'retention',
      kept: { level: 'L1', assessedLevel: 'L1', tier: 0 },
    },
  };
  return payloads[type] as unknown as PayloadOf<T>;
}

/** Folds events that must all be accepted; throws listing any refusal (for test set-up). */
export function foldAccepted(
  events: readonly ComplaintEvent[],
  ctx: WorkflowContext = {},
): ComplaintState {
  const { state, rejected } = fold(events, ctx);
  if (rejected.length > 0) {
    const why = rejected.map(
      (r) => `${r.event.type}: ${r.reason} ${JSON.stringify(r.params ?? {})}`,
    );
    throw new Error(`events refused:\n${why.join('\n')}`);
  }
  if (!state) throw new Error('no events');
  return state;
}

/** The prefix of `happyPath()` that ends in each status. */
const HAPPY_PREFIX = {
  draft: 1,
  registered: 2,
  assigned: 3,
  in_progress: 5,
  resolution_proposed: 6,
  replied: 7,
  follow_up: 8,
  closed: 9,
} as const;

/** The statuses the happy path passes through. */
export type HappyStatus = keyof typeof HAPPY_PREFIX;

/** The happy-path state in `status` (draft … closed), with the events that led there. */
export function happyState(
  status: HappyStatus,
  record?: Registration,
  ctx: WorkflowContext = {},
): { state: ComplaintState; events: ComplaintEvent[] } {
  const events = happyPath(record).slice(0, HAPPY_PREFIX[status]);
  return { state: foldAccepted(events, ctx), events };
}
