import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import {
  ACTOR_ROLES,
  type ActorRole,
  EVENT_TYPES,
  type EventType,
  STATUSES,
} from '../schema/codes';
import { ComplaintSchema, type ComplaintState } from '../schema/complaint';
import type { ComplaintEvent, PayloadOf } from '../schema/event';
import { canApply, fold, transition } from './index';
import {
  happyPath,
  makeEvent,
  plusHours,
  sampleRecord,
  shanghai,
} from '../../test/support/workflow';

const START = shanghai('2026-03-02 09:00');

describe('fold', () => {
  it('folds the happy path to closed with nothing rejected', () => {
    const { state, rejected, effects } = fold(happyPath());
    expect(state?.status).toBe('closed');
    expect(rejected).toEqual([]);
    expect(effects).toEqual([]);
  });

  it('skips and reports a refused event, then carries on', () => {
    const events = happyPath();
    const premature = makeEvent('closed', {}, { at: shanghai('2026-03-02 12:30') });
    events.splice(4, 0, premature);
    const { state, rejected } = fold(events);
    expect(state?.status).toBe('closed');
    expect(rejected).toEqual([{ event: premature, reason: 'workflow.close.callbackRequired' }]);
  });

  it('reports the parameters of a refusal', () => {
    const bad = makeEvent('contacted', {}, { at: START });
    const { rejected } = fold([happyPath()[1]!, bad]);
    expect(rejected).toEqual([
      {
        event: bad,
        reason: 'workflow.illegal',
        params: { event: 'contacted', status: 'registered' },
      },
    ]);
  });

  it('applies a repeated event id once and reports the repeat (appends are idempotent)', () => {
    const events = happyPath();
    const { state, rejected } = fold([...events.slice(0, 3), events[2]!, ...events.slice(3)]);
    expect(state?.version).toBe(9);
    expect(rejected).toEqual([{ event: events[2], reason: 'workflow.event.duplicate' }]);
  });

  it('tags each effect with the event that caused it', () => {
    const record = sampleRecord({ description: 'Reporters from the press called me about this.' });
    const registered = makeEvent('registered', { record });
    const { effects } = fold([registered]);
    expect(effects).toEqual([
      { type: 'alertSevere', level: 'L3', eventId: registered.id },
      { type: 'escalated', tier: 1, role: 'supervisor', eventId: registered.id },
    ]);
  });

  it('continues from a stored snapshot', () => {
    const events = happyPath();
    const head = fold(events.slice(0, 4));
    const rest = fold(events.slice(4), {}, head.state);
    expect(rest.state).toEqual(fold(events).state);
  });

  it('returns no state for an empty log or a log of refusals', () => {
    expect(fold([]).state).toBeUndefined();
    expect(fold([makeEvent('closed', {})]).state).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: event sequences, partly guided by `canApply` so they reach deep states.

type Variants = { [T in EventType]: (at: string) => PayloadOf<T>[] };

/** For each event type, payloads that pass and payloads that break a rule. */
const VARIANTS: Variants = {
  captured: (at) => [
    { draft: { channel: 'phone', description: 'The machine leaks water.' } },
    { draft: { channel: 'email', receivedAt: at, urgent: true } },
  ],
  draftUpdated: () => [{ draft: { channel: 'walk_in', subject: 'Leak' } }, { draft: {} }],
  registered: () => [
    { record: sampleRecord({ receivedAt: START, readBackConfirmedAt: START }) },
    { record: sampleRecord({ receivedAt: START, readBackConfirmedAt: undefined }) },
    {
      record: sampleRecord({
        receivedAt: START,
        readBackConfirmedAt: START,
        description: 'My lawyer has the photos of the accident.',
        complainedAbout: { personId: 'u-handler' },
      }),
      caseNumber: '2603-0001',
    },
    {
      record: sampleRecord({
        receivedAt: START,
        channel: 'web_form',
        complainant: { anonymous: true },
      }),
      secondComplaintOf: '00000000-0000-4000-8000-000000000999',
    },
  ],
  caseNumberAssigned: () => [
    { caseNumber: '2603-0002', issuer: 'server' },
    { caseNumber: '2603-0003', issuer: 'local' },
  ],
  classified: () => [
    { category: 'service_attitude' },
    { department: 'finance' },
    {},
    { category: 'nope' },
  ],
  assigned: () => [
    { department: 'quality', handlerId: 'u-handler' },
    { department: 'after_sales', handlerId: 'u-2' },
    { department: 'quality', handlerId: 'u-3' },
    { department: 'nowhere' },
  ],
  contacted: () => [{}, { note: 'Called' }],
  noteAdded: () => [
    { text: 'Progress', progress: true },
    { text: 'Internal', progress: false },
    { text: ' ', progress: true },
  ],
  severityOverridden: () => [
    { level: 'L0', reason: 'Trivial' },
    { level: 'L4', reason: 'Media' },
    { level: 'L2', reason: '' },
  ],
  resolutionProposed: () => [
    { type: 'explanation', responsibility: 'customer', description: 'Explained' },
    { type: 'compensation', amount: 20_000, responsibility: 'supplier', description: 'Pay' },
    { type: 'compensation', amount: 60_000, responsibility: 'supplier', description: 'Pay more' },
    { type: 'repair', responsibility: 'company', description: 'Repair' },
    {
      type: 'repair',
      responsibility: 'company',
      rootCause: 'Hose',
      correctiveAction: 'Check hoses',
      description: 'Repair',
    },
    { type: 'explanation', responsibility: 'unclear', description: 'Unclear' },
  ],
  approved: () => [{}],
  approvalRejected: () => [{ reason: 'No' }, { reason: '' }],
  replied: () => [{ message: 'Outcome' }, { message: '' }],
  callbackRecorded: (at) => [
    { outcome: 'satisfied' },
    { outcome: 'unsatisfied' },
    { outcome: 'declined' },
    { outcome: 'unreachable', attemptedAt: plusHours(at, -24 * 7) },
    { outcome: 'unreachable', attemptedAt: at },
    { outcome: 'unreachable' },
  ],
  reopened: () => [{ reason: 'Back again' }, { reason: '' }],
  escalated: () => [{ reason: 'Asked' }, { reason: 'SLA', auto: true }, { reason: '' }],
  markedInvalid: () => [
    { reason: 'Misuse', explanation: 'Overloaded' },
    { reason: 'Misuse', explanation: '' },
  ],
  invalidConfirmed: () => [{}],
  withdrawn: () => [{ reason: 'Changed mind' }, { reason: '' }],
  transferred: () => [
    { to: 'Supplier', reason: 'Scope' },
    { to: '', reason: 'Scope' },
  ],
  deadlineExtended: (at) => [
    { clock: 'close', until: plusHours(at, 24 * 7), reason: 'Parts', customerAgreed: true },
    { clock: 'callback', until: plusHours(at, 24), reason: 'Away', customerAgreed: true },
    { clock: 'close', until: plusHours(at, -1), reason: 'Late', customerAgreed: true },
  ],
  closed: () => [{}, { note: 'Done' }],
};

const stepArb = fc.record({
  guided: fc.integer({ min: 0, max: 9 }),
  pick: fc.nat(),
  variant: fc.nat(),
  role: fc.constantFrom(...ACTOR_ROLES),
  // Mostly forward in time, sometimes an older event syncing late.
  gapMinutes: fc.integer({ min: -120, max: 4 * 24 * 60 }),
});
const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 60 });

type StepValue = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

interface Trace {
  events: ComplaintEvent[];
  /** The state after each event (unchanged when refused) and whether it was accepted. */
  steps: {
    event: ComplaintEvent;
    before: ComplaintState | undefined;
    after: ComplaintState | undefined;
    ok: boolean;
  }[];
}

/** Events that move a case forward; the generator favours them so sequences get deep. */
const FORWARD: readonly EventType[] = [
  'registered',
  'assigned',
  'contacted',
  'resolutionProposed',
  'approved',
  'replied',
  'callbackRecorded',
  'closed',
  'reopened',
  'invalidConfirmed',
];

/**
 * Builds events one by one against the evolving state. Half the steps take a forward action
 * that is allowed (mostly with its first, valid payload), three in ten any allowed action, and
 * two in ten any action at all.
 */
function simulate(steps: readonly StepValue[]): Trace {
  let state: ComplaintState | undefined;
  let minutes = 0;
  const trace: Trace = { events: [], steps: [] };
  for (const s of steps) {
    minutes = Math.max(0, minutes + s.gapMinutes);
    const at = plusHours(START, minutes / 60);
    let type: EventType = EVENT_TYPES[s.pick % EVENT_TYPES.length]!;
    let role: ActorRole = s.role;
    const forward = s.guided < 5;
    if (s.guided < 8) {
      const types = (forward ? FORWARD : EVENT_TYPES).filter((t) =>
        ACTOR_ROLES.some((r) => canApply(state, t, r).allowed),
      );
      const chosen = types[s.pick % Math.max(types.length, 1)];
      if (chosen) {
        const roles = ACTOR_ROLES.filter((r) => canApply(state, chosen, r).allowed);
        [type, role] = [chosen, roles[s.pick % roles.length]!];
      }
    }
    const variants = VARIANTS[type](at) as PayloadOf<EventType>[];
    const payload = variants[forward && s.variant % 3 !== 0 ? 0 : s.variant % variants.length]!;
    const event = makeEvent(type, payload as never, { at, actor: role });
    const result = transition(state, event);
    trace.events.push(event);
    trace.steps.push({
      event,
      before: state,
      after: result.ok ? result.state : state,
      ok: result.ok,
    });
    if (result.ok) state = result.state;
  }
  return trace;
}

const lastTier = defaultPolicy.escalationTiers.length - 1;

describe('fold: properties over random event sequences', () => {
  it('is deterministic and equals applying transition step by step', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const trace = simulate(steps);
        const once = fold(trace.events);
        const twice = fold(trace.events);
        expect(twice).toEqual(once);
        expect(once.state).toEqual(trace.steps.at(-1)?.after);
        expect(once.rejected.map((r) => r.event.id)).toEqual(
          trace.steps.filter((s) => !s.ok).map((s) => s.event.id),
        );
      }),
    );
  });

  it('never reaches an undefined or unknown state', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        let accepted = 0;
        for (const { after, ok } of simulate(steps).steps) {
          if (ok) accepted++;
          if (!after) continue;
          expect(STATUSES).toContain(after.status);
          expect(after.round).toBeGreaterThanOrEqual(1);
          expect(after.tier).toBeGreaterThanOrEqual(0);
          expect(after.tier).toBeLessThanOrEqual(lastTier);
          expect(after.version).toBe(accepted);
          const parsed = ComplaintSchema.safeParse(after);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
          if (after.status !== 'draft') expect(after.registeredAt).toBeDefined();
          if (
            ['assigned', 'in_progress', 'resolution_proposed', 'awaiting_approval'].includes(
              after.status,
            )
          ) {
            expect(after.assignment).toBeDefined();
          }
          if (after.status === 'awaiting_approval')
            expect(after.resolution?.requiredRole).toBeDefined();
          if (after.status === 'replied') expect(after.resolution).toBeDefined();
          if (after.status === 'closed') expect(after.closedAt).toBeDefined();
        }
      }),
    );
  });

  it('`closed` is left only by `reopened`', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        for (const { event, before, after, ok } of simulate(steps).steps) {
          if (ok && before?.status === 'closed' && after?.status !== 'closed') {
            expect(event.type).toBe('reopened');
          }
        }
      }),
    );
  });

  it('canApply agrees with transition: a refused action is refused with the same reason', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        for (const { event, before, ok } of simulate(steps).steps) {
          const check = canApply(before, event.type, event.actor.role);
          if (ok) expect(check.allowed).toBe(true);
          if (!check.allowed) {
            const r = transition(before, event);
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.reason).toBe(check.reason);
          }
        }
      }),
    );
  });

  it('a reopen always starts a new round in assigned', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        for (const { event, before, after, ok } of simulate(steps).steps) {
          if (ok && event.type === 'reopened') {
            expect(after?.status).toBe('assigned');
            expect(after?.round).toBe((before?.round ?? 0) + 1);
          }
        }
      }),
    );
  });
});

// Keep the properties meaningful: the generated sequences reach every status and event.
describe('the sequence generator', () => {
  it('reaches every status and has every event type accepted', () => {
    const statuses = new Set<string>();
    const accepted = new Set<string>();
    for (const steps of fc.sample(stepsArb, { numRuns: 300, seed: 42 })) {
      for (const { event, after, ok } of simulate(steps).steps) {
        if (after) statuses.add(after.status);
        if (ok) accepted.add(event.type);
      }
    }
    expect([...statuses].sort()).toEqual([...STATUSES].sort());
    expect([...accepted].sort()).toEqual([...EVENT_TYPES].sort());
  });
});
