import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import { type ActorRole, EVENT_TYPES, type EventType, RESOLUTION_TYPES } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import type { ComplaintEvent, PayloadOf } from '../schema/event';
import { type Effect, type TransitionResult, transition } from './index';
import {
  ACTORS,
  COMPLAINT_ID,
  DEFAULT_AT as DEFAULT,
  type HappyStatus,
  foldAccepted,
  happyPath,
  happyState,
  makeEvent,
  samplePayload,
  sampleRecord,
  shanghai,
  uuidFor,
} from '../../test/support/workflow';

/** Tuesday 3 March 2026, the day after the happy path. */
const LATER = shanghai('2026-03-03 10:00');

function accepted(result: TransitionResult): { state: ComplaintState; effects: Effect[] } {
  if (!result.ok)
    throw new Error(`refused: ${result.reason} ${JSON.stringify(result.params ?? {})}`);
  return result;
}

function refusedWith(result: TransitionResult) {
  return result.ok ? { ok: true } : { reason: result.reason, params: result.params };
}

function then<T extends EventType>(
  state: ComplaintState | undefined,
  type: T,
  payload: PayloadOf<T>,
  options: Parameters<typeof makeEvent>[2] = {},
  ctx: { policy?: Policy } = {},
): TransitionResult {
  return transition(state, makeEvent(type, payload, { at: LATER, ...options }), ctx);
}

/** A registered-and-assigned complaint in progress, with the given record. */
function inProgress(record = sampleRecord()): ComplaintState {
  return happyState('in_progress', record).state;
}

function propose(
  state: ComplaintState,
  payload: Partial<PayloadOf<'resolutionProposed'>>,
  actor: ActorRole = 'handler',
  ctx: { policy?: Policy } = {},
) {
  return then(
    state,
    'resolutionProposed',
    { type: 'compensation', responsibility: 'supplier', description: 'Compensation', ...payload },
    { actor },
    ctx,
  );
}

describe('the domain examples', () => {
  it('an agent offering 20,000 compensation → awaiting_approval (supervisor)', () => {
    const { state, effects } = accepted(propose(inProgress(), { amount: 20_000 }, 'agent'));
    expect(state.status).toBe('awaiting_approval');
    expect(state.resolution?.requiredRole).toBe('supervisor');
    expect(effects).toContainEqual({ type: 'approvalRequired', role: 'supervisor' });
  });

  it('closing without a callback outcome → refused with workflow.close.callbackRequired', () => {
    const { state } = happyState('replied');
    expect(refusedWith(then(state, 'closed', {}))).toEqual({
      reason: 'workflow.close.callbackRequired',
      params: undefined,
    });
  });

  it('the full happy path draft → registered → assigned → in_progress → resolution_proposed → replied → follow_up → closed', () => {
    const statuses: string[] = [];
    let state: ComplaintState | undefined;
    for (const event of happyPath()) {
      state = accepted(transition(state, event)).state;
      statuses.push(state.status);
    }
    expect(statuses).toEqual([
      'draft',
      'registered',
      'assigned',
      'in_progress',
      'in_progress',
      'resolution_proposed',
      'replied',
      'follow_up',
      'closed',
    ]);
    expect(state).toMatchObject({
      round: 1,
      tier: 0,
      version: 9,
      caseNumber: '2603-0001',
      notes: 1,
    });
    expect(state?.firstResponder).toEqual(ACTORS.agent);
  });
});

describe('permissions: "Roles" of domain.md §4, as policy.permissions', () => {
  it.each<[EventType, ActorRole]>([
    ['registered', 'admin'],
    ['registered', 'handler'],
    ['assigned', 'handler'],
    ['severityOverridden', 'agent'],
    ['approved', 'agent'],
    ['approved', 'handler'],
    ['markedInvalid', 'agent'],
    ['invalidConfirmed', 'handler'],
    ['transferred', 'handler'],
    ['noteAdded', 'system'],
  ])('%s by an %s → workflow.forbidden', (type, role) => {
    const { state } = happyState('registered');
    expect(refusedWith(then(state, type, samplePayload(type), { actor: role }))).toEqual({
      reason: 'workflow.forbidden',
      params: { event: type, role },
    });
  });

  it('follows an organisation policy: handlers allowed to assign', () => {
    const policy: Policy = {
      ...defaultPolicy,
      permissions: { ...defaultPolicy.permissions, assigned: ['handler'] },
    };
    const { state } = happyState('registered');
    expect(
      then(state, 'assigned', samplePayload('assigned'), { actor: 'handler' }, { policy }).ok,
    ).toBe(true);
    expect(
      refusedWith(
        then(state, 'assigned', samplePayload('assigned'), { actor: 'supervisor' }, { policy }),
      ),
    ).toMatchObject({
      reason: 'workflow.forbidden',
    });
  });
});

describe('legal state per event: "the shared state machine owns them"', () => {
  it.each<[EventType, HappyStatus]>([
    ['captured', 'registered'],
    ['registered', 'registered'],
    ['draftUpdated', 'assigned'],
    ['contacted', 'registered'],
    ['approved', 'in_progress'],
    ['approvalRejected', 'resolution_proposed'],
    ['callbackRecorded', 'in_progress'],
    ['reopened', 'in_progress'],
    ['markedInvalid', 'registered'],
    ['invalidConfirmed', 'in_progress'],
    ['transferred', 'replied'],
    ['resolutionProposed', 'replied'],
    ['classified', 'draft'],
    ['severityOverridden', 'draft'],
    ['escalated', 'draft'],
    ['withdrawn', 'draft'],
  ])('%s in %s → workflow.illegal {event, status}', (type, status) => {
    const { state } = happyState(status);
    expect(refusedWith(then(state, type, samplePayload(type), { actor: 'supervisor' }))).toEqual({
      reason: 'workflow.illegal',
      params: { event: type, status },
    });
  });

  it('any event but captured/registered before the complaint exists → workflow.noComplaint', () => {
    expect(refusedWith(then(undefined, 'noteAdded', samplePayload('noteAdded')))).toEqual({
      reason: 'workflow.noComplaint',
      params: { event: 'noteAdded' },
    });
  });

  it('an event of another complaint → workflow.event.otherComplaint', () => {
    const { state } = happyState('registered');
    const r = then(state, 'noteAdded', samplePayload('noteAdded'), { complaintId: uuidFor(999) });
    expect(refusedWith(r)).toMatchObject({ reason: 'workflow.event.otherComplaint' });
  });
});

describe('registration: "registration needs the required fields and, for phone/walk-in, the read-back confirmation" (rule 1)', () => {
  it('registers from a draft, keeping the capturer as first responder (首问责任制)', () => {
    const { state } = happyState('draft');
    const { state: next } = accepted(
      then(
        state,
        'registered',
        { record: sampleRecord() },
        { actor: 'supervisor', at: shanghai('2026-03-02 10:05') },
      ),
    );
    expect(next).toMatchObject({
      status: 'registered',
      registeredAt: shanghai('2026-03-02 10:05'),
    });
    expect(next.firstResponder).toEqual(ACTORS.agent);
  });

  it('registers from nothing (web-form intake, manual entry)', () => {
    const record = sampleRecord({ channel: 'web_form', readBackConfirmedAt: undefined });
    const { state } = accepted(
      then(undefined, 'registered', { record }, { actor: 'system', at: record.receivedAt }),
    );
    expect(state).toMatchObject({
      id: COMPLAINT_ID,
      status: 'registered',
      round: 1,
      tier: 0,
      version: 1,
    });
    expect(state.firstResponder).toEqual(ACTORS.system);
  });

  it.each([
    ['phone without read-back', { readBackConfirmedAt: undefined }, 'readBackConfirmedAt'],
    [
      'walk-in without read-back',
      { channel: 'walk_in' as const, readBackConfirmedAt: undefined },
      'readBackConfirmedAt',
    ],
    [
      'no name and not anonymous',
      { complainant: { anonymous: false, phone: '13812345678' } },
      'complainant.name',
    ],
    [
      'no contact and not anonymous',
      { complainant: { name: '刘', anonymous: false } },
      'complainant.phone',
    ],
    ['no description', { description: '' }, 'description'],
    ['no demand', { demand: '' }, 'demand'],
  ])('refuses %s → workflow.register.invalid', (_name, patch, field) => {
    const r = then(undefined, 'registered', { record: sampleRecord(patch) }, { at: LATER });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('workflow.register.invalid');
      expect(String(r.params?.fields)).toContain(field);
    }
  });

  it.each([
    ['web form', { channel: 'web_form' as const, readBackConfirmedAt: undefined }],
    ['email', { channel: 'email' as const, readBackConfirmedAt: undefined }],
    ['anonymous without contact', { complainant: { anonymous: true } }],
  ])('accepts %s', (_name, patch) => {
    expect(then(undefined, 'registered', { record: sampleRecord(patch) }).ok).toBe(true);
  });

  it('starts forward at receipt and reply, progress, close at registration (§5)', () => {
    const record = sampleRecord({ receivedAt: shanghai('2026-03-02 09:30') });
    const { state } = accepted(
      then(undefined, 'registered', { record }, { at: shanghai('2026-03-02 09:40') }),
    );
    expect(state.clocks).toEqual({
      forward: { startedAt: shanghai('2026-03-02 09:30') },
      reply: { startedAt: shanghai('2026-03-02 09:40') },
      progress: { startedAt: shanghai('2026-03-02 09:40') },
      close: { startedAt: shanghai('2026-03-02 09:40') },
    });
  });

  it('flags anonymous complaints replyPossible: false', () => {
    const record = sampleRecord({ complainant: { anonymous: true } });
    expect(accepted(then(undefined, 'registered', { record })).state.replyPossible).toBe(false);
  });

  it.each([
    ['ordinary', {}, {}, 'L1', 0],
    [
      'a letter (written complaint)',
      { channel: 'letter' as const, readBackConfirmedAt: undefined },
      {},
      'L2',
      0,
    ],
    ['service attitude', { category: 'service_attitude' }, {}, 'L2', 0],
    [
      'a lawyer mentioned',
      { description: 'I have asked my lawyer to write to you about this.' },
      {},
      'L3',
      1,
    ],
    ['already sued', { description: '我已起诉贵公司，请尽快处理这件事情。' }, {}, 'L4', 2],
    ['a claim of 20,000', { amountClaimed: { value: 20_000, currency: 'CNY' } }, {}, 'L3', 1],
    [
      'a claim of 20,000 USD (other currency: not compared)',
      { amountClaimed: { value: 20_000, currency: 'USD' } },
      {},
      'L1',
      0,
    ],
    ['ten complainants', { headcount: 10 }, {}, 'L4', 2],
    ['solved on the spot', {}, { agentLevel: 'L0' as const }, 'L0', 0],
    ['a second complaint', {}, { secondComplaintOf: uuidFor(77) }, 'L2', 1],
  ])('assesses severity and tier: %s', (_name, patch, extra, level, tier) => {
    const { state } = accepted(
      then(undefined, 'registered', { record: sampleRecord(patch), ...extra }),
    );
    expect(state.severity.level).toBe(level);
    expect(state.tier).toBe(tier);
  });

  it('alerts on L3/L4 registration and escalates per escalateOnSeverity', () => {
    const record = sampleRecord({ description: 'The fire in my kitchen started at the machine.' });
    const { state, effects } = accepted(then(undefined, 'registered', { record }));
    expect(effects).toEqual([
      { type: 'alertSevere', level: 'L3' },
      { type: 'escalated', tier: 1, role: 'supervisor' },
    ]);
    expect(state.escalations).toEqual([
      { tier: 1, at: LATER, auto: true, cause: 'severity', reason: 'L3' },
    ]);
    expect(state.severity.assessed.reasons[0]).toMatchObject({ rule: 'safety', detail: 'fire' });
  });

  it.each([
    ['out of hours, urgent', shanghai('2026-03-02 22:00'), true, [{ type: 'alertOnCall' }]],
    ['out of hours, not urgent', shanghai('2026-03-02 22:00'), false, []],
    ['in hours, urgent', shanghai('2026-03-02 11:00'), true, []],
    ['Saturday, urgent', shanghai('2026-03-07 11:00'), true, [{ type: 'alertOnCall' }]],
  ])('alerts the on-call leader: %s', (_name, receivedAt, urgent, expected) => {
    const record = sampleRecord({ receivedAt, readBackConfirmedAt: receivedAt, urgent });
    const { effects } = accepted(then(undefined, 'registered', { record }, { at: receivedAt }));
    expect(effects).toEqual(expected);
  });

  it('alerts on-call once: at the urgent out-of-hours capture, not again at registration', () => {
    const night = shanghai('2026-03-02 23:00');
    const captured = accepted(
      then(
        undefined,
        'captured',
        { draft: { channel: 'phone', receivedAt: night, urgent: true } },
        { at: night },
      ),
    );
    expect(captured.effects).toEqual([{ type: 'alertOnCall' }]);
    const record = sampleRecord({ receivedAt: night, readBackConfirmedAt: night, urgent: true });
    expect(accepted(then(captured.state, 'registered', { record })).effects).toEqual([]);
  });

  it('records the case number and who issued it; the server replaces a local number once', () => {
    const local = accepted(
      then(undefined, 'registered', { record: sampleRecord(), caseNumber: '2603-0007' }),
    ).state;
    expect(local).toMatchObject({ caseNumber: '2603-0007', caseNumberIssuer: 'local' });
    const server = accepted(
      then(local, 'caseNumberAssigned', { caseNumber: '2603-0003', issuer: 'server' }),
    ).state;
    expect(server).toMatchObject({ caseNumber: '2603-0003', caseNumberIssuer: 'server' });
    expect(
      refusedWith(
        then(server, 'caseNumberAssigned', { caseNumber: '2603-0009', issuer: 'server' }),
      ),
    ).toMatchObject({
      reason: 'workflow.caseNumber.alreadyIssued',
    });
  });

  it('a draft edit replaces the whole draft', () => {
    const { state } = accepted(
      then(
        undefined,
        'captured',
        { draft: { channel: 'email', subject: 'Leak' } },
        { at: DEFAULT },
      ),
    );
    const { state: next } = accepted(then(state, 'draftUpdated', { draft: { channel: 'phone' } }));
    expect(next.record).toEqual({ channel: 'phone' });
    expect(next.channel).toBe('phone');
  });
});

describe('rule 1: "Only registered complaints can be assigned"', () => {
  it('a draft → workflow.assign.notRegistered', () => {
    const { state } = happyState('draft');
    expect(refusedWith(then(state, 'assigned', samplePayload('assigned')))).toMatchObject({
      reason: 'workflow.assign.notRegistered',
    });
  });

  it('a registered complaint → assigned; forward stops, firstContact starts', () => {
    const { state } = happyState('registered');
    const { state: next } = accepted(then(state, 'assigned', samplePayload('assigned')));
    expect(next.status).toBe('assigned');
    expect(next.assignment).toMatchObject({
      department: 'quality',
      handlerId: 'u-handler',
      at: LATER,
    });
    expect(next.clocks.forward).toEqual({ startedAt: DEFAULT, stoppedAt: LATER });
    expect(next.clocks.firstContact).toEqual({ startedAt: LATER });
  });

  it('an unknown department → workflow.unknownDepartment', () => {
    const { state } = happyState('registered');
    expect(refusedWith(then(state, 'assigned', { department: 'nowhere' }))).toEqual({
      reason: 'workflow.unknownDepartment',
      params: { department: 'nowhere' },
    });
  });
});

describe('rule 2: "The assignee may not be the person complained about (recusal)"', () => {
  const record = sampleRecord({
    complainedAbout: { unit: 'Installation', personId: 'u-handler', personName: 'Wang Wei' },
  });
  const registered = () => happyState('registered', record).state;

  it.each([
    ['by id', { department: 'quality', handlerId: 'u-handler' }],
    ['by name', { department: 'quality', handlerName: 'Wang Wei' }],
    ['by name, differently typed', { department: 'quality', handlerName: '  wang   WEI ' }],
  ])('refuses the person complained about %s → workflow.assign.recusal', (_name, payload) => {
    expect(refusedWith(then(registered(), 'assigned', payload))).toMatchObject({
      reason: 'workflow.assign.recusal',
    });
  });

  it('accepts someone else', () => {
    expect(
      then(registered(), 'assigned', {
        department: 'quality',
        handlerId: 'u-2',
        handlerName: 'Zhao Lei',
      }).ok,
    ).toBe(true);
  });

  it('accepts anyone when nobody in particular is complained about', () => {
    expect(then(happyState('registered').state, 'assigned', samplePayload('assigned')).ok).toBe(
      true,
    );
  });
});

describe('reassignment: "cases reassigned ≥ 2 times (buck-passing 推诿)" (§6)', () => {
  const to = (handlerId: string) => ({ department: 'quality', handlerId });

  it('counts changes of assignee; the second puts the case in the supervisor queue', () => {
    let state = happyState('assigned').state;
    const step1 = accepted(then(state, 'assigned', to('u-handler')));
    expect(step1.state.reassignCount).toBe(0);
    expect(step1.effects).toEqual([]);
    state = step1.state;
    const step2 = accepted(then(state, 'assigned', to('u-2')));
    expect(step2.state.reassignCount).toBe(1);
    expect(step2.effects).toEqual([]);
    const step3 = accepted(then(step2.state, 'assigned', to('u-3')));
    expect(step3.state.reassignCount).toBe(2);
    expect(step3.effects).toEqual([{ type: 'supervisorReview', why: 'reassigned' }]);
  });

  it('does not restart the firstContact clock (passing the buck buys no time)', () => {
    const { state } = happyState('assigned');
    const next = accepted(then(state, 'assigned', to('u-2'))).state;
    expect(next.clocks.firstContact).toEqual(state.clocks.firstContact);
  });

  it('keeps a contacted case in progress', () => {
    const next = accepted(then(inProgress(), 'assigned', to('u-2'))).state;
    expect(next.status).toBe('in_progress');
  });
});

describe('contact and progress (§5 firstContact, progress)', () => {
  it('contact stops the firstContact clock; in_progress', () => {
    const { state } = happyState('assigned');
    const next = accepted(then(state, 'contacted', {})).state;
    expect(next.status).toBe('in_progress');
    expect(next.contactedAt).toBe(LATER);
    expect(next.clocks.firstContact?.stoppedAt).toBe(LATER);
  });

  it.each([
    [{ method: 'phone', outcome: 'reached', nextStep: 'Technician visit' }, true],
    [{ method: 'phone', outcome: 'call_back', callBackAt: shanghai('2026-03-03 15:00') }, true],
    [{ method: 'sms', outcome: 'no_answer', nextStep: 'Try again at 14:00' }, false],
    [{}, true], // recorded before method and outcome existed
  ] as const)('contact %j: the customer reached stops firstContact (%s)', (payload, reached) => {
    const { state } = happyState('assigned');
    const next = accepted(then(state, 'contacted', payload)).state;
    expect(next.status).toBe(reached ? 'in_progress' : 'assigned');
    expect(next.clocks.firstContact?.stoppedAt).toBe(reached ? LATER : undefined);
  });

  it('a promised call-back needs its time → workflow.contact.callBackAt', () => {
    const { state } = happyState('assigned');
    expect(refusedWith(then(state, 'contacted', { outcome: 'call_back' }))).toMatchObject({
      reason: 'workflow.contact.callBackAt',
    });
  });

  it('a progress note restarts the progress clock; other notes only count', () => {
    const state = inProgress();
    const progress = accepted(
      then(state, 'noteAdded', { text: 'Parts ordered', progress: true }),
    ).state;
    expect(progress.clocks.progress).toEqual({ startedAt: LATER });
    expect(progress.lastProgressAt).toBe(LATER);
    const internal = accepted(
      then(state, 'noteAdded', { text: 'Internal', progress: false }),
    ).state;
    expect(internal.clocks.progress).toEqual(state.clocks.progress);
    expect(internal.notes).toBe(state.notes + 1);
  });

  it('an empty note → workflow.note.empty', () => {
    expect(
      refusedWith(then(inProgress(), 'noteAdded', { text: '  ', progress: true })),
    ).toMatchObject({
      reason: 'workflow.note.empty',
    });
  });
});

describe('rule 3: "Before replied, responsibility is recorded"', () => {
  it('a reply without a resolution → workflow.reply.resolutionRequired', () => {
    expect(refusedWith(then(inProgress(), 'replied', samplePayload('replied')))).toMatchObject({
      reason: 'workflow.reply.resolutionRequired',
    });
  });

  it.each([
    ['no root cause', { correctiveAction: 'Train staff' }, 'workflow.resolution.rootCauseRequired'],
    [
      'no corrective action',
      { rootCause: 'Untrained staff' },
      'workflow.resolution.correctiveActionRequired',
    ],
    [
      'a blank root cause',
      { rootCause: ' ', correctiveAction: 'Train staff' },
      'workflow.resolution.rootCauseRequired',
    ],
  ])('company responsibility with %s → refused', (_name, patch, reason) => {
    const r = propose(inProgress(), { type: 'explanation', responsibility: 'company', ...patch });
    expect(refusedWith(r)).toMatchObject({ reason });
  });

  it.each(['customer', 'supplier'] as const)(
    '%s responsibility needs no root cause',
    (responsibility) => {
      expect(propose(inProgress(), { type: 'explanation', responsibility }).ok).toBe(true);
    },
  );

  it('unclear → awaits the highest approval tier (manager)', () => {
    const { state, effects } = accepted(
      propose(inProgress(), { type: 'explanation', responsibility: 'unclear' }, 'supervisor'),
    );
    expect(state.status).toBe('awaiting_approval');
    expect(state.resolution?.requiredRole).toBe('manager');
    expect(effects).toContainEqual({ type: 'approvalRequired', role: 'manager' });
  });

  it('unclear proposed by a manager needs nobody else', () => {
    const r = propose(inProgress(), { type: 'explanation', responsibility: 'unclear' }, 'manager');
    expect(accepted(r).state.status).toBe('resolution_proposed');
  });

  it('the customer is contacted before a resolution is proposed', () => {
    const { state } = happyState('assigned');
    expect(refusedWith(propose(state, { amount: 100 }))).toMatchObject({
      reason: 'workflow.resolution.contactFirst',
    });
  });

  it('an anonymous complaint (nobody to contact) may go from assigned to a resolution', () => {
    const { state } = happyState('assigned', sampleRecord({ complainant: { anonymous: true } }));
    expect(accepted(propose(state, { type: 'explanation' })).state.status).toBe(
      'resolution_proposed',
    );
  });

  it('a description is required', () => {
    expect(
      refusedWith(propose(inProgress(), { type: 'explanation', description: ' ' })),
    ).toMatchObject({
      reason: 'workflow.resolution.descriptionRequired',
    });
  });
});

describe('rule 4: "Approval authority by amount: an agent may offer up to 5,000; a supervisor up to 50,000; above 50,000 a manager"', () => {
  it.each<[ActorRole, number, string, string | undefined]>([
    ['agent', 5_000, 'resolution_proposed', undefined],
    ['agent', 5_000.01, 'awaiting_approval', 'supervisor'],
    ['agent', 20_000, 'awaiting_approval', 'supervisor'],
    ['handler', 50_000, 'awaiting_approval', 'supervisor'],
    ['handler', 60_000, 'awaiting_approval', 'manager'],
    ['supervisor', 50_000, 'resolution_proposed', undefined],
    ['supervisor', 50_001, 'awaiting_approval', 'manager'],
    ['manager', 10_000_000, 'resolution_proposed', undefined],
  ])('a %s offering %d → %s (requiredRole %s)', (role, amount, status, requiredRole) => {
    const { state } = accepted(propose(inProgress(), { amount }, role));
    expect(state.status).toBe(status);
    expect(state.resolution?.requiredRole).toBe(requiredRole);
  });

  it.each<[ActorRole, number, boolean]>([
    ['supervisor', 20_000, true],
    ['manager', 20_000, true],
    ['supervisor', 60_000, false],
    ['manager', 60_000, true],
  ])('approval by a %s of %d: allowed %s', (role, amount, allowed) => {
    const waiting = accepted(propose(inProgress(), { amount }, 'agent')).state;
    const r = then(waiting, 'approved', {}, { actor: role });
    if (allowed) {
      const { state } = accepted(r);
      expect(state.status).toBe('resolution_proposed');
      expect(state.resolution?.approvedBy).toEqual(ACTORS[role]);
    } else {
      expect(refusedWith(r)).toEqual({
        reason: 'workflow.approve.insufficient',
        params: { role: 'manager' },
      });
    }
  });

  it('an approved offer may be replied; a pending one may not', () => {
    const waiting = accepted(propose(inProgress(), { amount: 20_000 }, 'agent')).state;
    expect(refusedWith(then(waiting, 'replied', samplePayload('replied')))).toMatchObject({
      reason: 'workflow.reply.approvalPending',
    });
    const approvedState = accepted(then(waiting, 'approved', {}, { actor: 'supervisor' })).state;
    expect(accepted(then(approvedState, 'replied', samplePayload('replied'))).state.status).toBe(
      'replied',
    );
  });

  it('a rejected proposal goes back to in_progress and must be proposed anew', () => {
    const waiting = accepted(propose(inProgress(), { amount: 20_000 }, 'agent')).state;
    const back = accepted(then(waiting, 'approvalRejected', { reason: 'Too generous' })).state;
    expect(back.status).toBe('in_progress');
    expect(back.resolution).toBeUndefined();
    expect(refusedWith(then(back, 'replied', samplePayload('replied')))).toMatchObject({
      reason: 'workflow.reply.resolutionRequired',
    });
    expect(refusedWith(then(waiting, 'approvalRejected', { reason: '' }))).toMatchObject({
      reason: 'workflow.reasonRequired',
    });
  });

  it('limits are configurable: a supervisor limited to 10,000 cannot take 20,000', () => {
    const policy: Policy = {
      ...defaultPolicy,
      approvalLimits: { ...defaultPolicy.approvalLimits, supervisor: 10_000 },
    };
    const { state } = accepted(propose(inProgress(), { amount: 20_000 }, 'agent', { policy }));
    expect(state.resolution?.requiredRole).toBe('manager');
  });

  it('nobody may promise beyond every limit → workflow.resolution.beyondAuthority', () => {
    const policy: Policy = {
      ...defaultPolicy,
      approvalLimits: { ...defaultPolicy.approvalLimits, manager: 100_000 },
    };
    expect(refusedWith(propose(inProgress(), { amount: 200_000 }, 'agent', { policy }))).toEqual({
      reason: 'workflow.resolution.beyondAuthority',
      params: { amount: 200_000 },
    });
  });

  it('compensation needs an amount, in the organisation currency', () => {
    expect(refusedWith(propose(inProgress(), {}))).toMatchObject({
      reason: 'workflow.resolution.amountRequired',
    });
    expect(refusedWith(propose(inProgress(), { amount: 100, currency: 'USD' }))).toEqual({
      reason: 'workflow.resolution.currency',
      params: { currency: 'USD', expected: 'CNY' },
    });
    expect(accepted(propose(inProgress(), { amount: 100 })).state.resolution?.currency).toBe('CNY');
  });

  it('a claim over twice the offer raises severity to L3 (§3 amount rules)', () => {
    const state = inProgress(sampleRecord({ amountClaimed: { value: 9_000, currency: 'CNY' } }));
    expect(state.severity.level).toBe('L1');
    const { state: next, effects } = accepted(propose(state, { amount: 1_000 }));
    expect(next.severity.level).toBe('L3');
    expect(effects).toContainEqual({ type: 'alertSevere', level: 'L3' });
  });
});

describe('rule 5: "Resolution types"', () => {
  it.each(RESOLUTION_TYPES)('accepts %s', (type) => {
    const r = propose(inProgress(), { type, amount: type === 'compensation' ? 100 : undefined });
    expect(accepted(r).state.resolution?.type).toBe(type);
  });
});

describe('rule 6: "closed needs a callback outcome … unsatisfied → reopen with round + 1; unsatisfied twice → escalate one tier"', () => {
  it.each([
    ['replied', 'replied'],
    ['in_progress', 'in_progress'],
    ['registered', 'registered'],
  ] as const)('closing from %s → workflow.close.callbackRequired', (_name, status) => {
    const { state } = happyState(status);
    expect(refusedWith(then(state, 'closed', {}))).toMatchObject({
      reason: 'workflow.close.callbackRequired',
    });
  });

  it.each(['satisfied', 'declined'] as const)('%s → follow_up, then closed', (outcome) => {
    const replied = happyState('replied').state;
    const followUp = accepted(then(replied, 'callbackRecorded', { outcome })).state;
    expect(followUp.status).toBe('follow_up');
    expect(followUp.clocks.callback?.stoppedAt).toBe(LATER);
    expect(accepted(then(followUp, 'closed', {})).state.status).toBe('closed');
  });

  describe('unreachable: "an SMS/email sent and no answer within 2 working days"', () => {
    const feb11 = shanghai('2026-02-11 10:00');
    const replied = () =>
      happyState('replied', sampleRecord({ receivedAt: feb11, readBackConfirmedAt: feb11 })).state;

    it('needs the time of the attempt → workflow.callback.attemptRequired', () => {
      expect(
        refusedWith(then(replied(), 'callbackRecorded', { outcome: 'unreachable' })),
      ).toMatchObject({
        reason: 'workflow.callback.attemptRequired',
      });
    });

    it.each([
      ['1 working day later', shanghai('2026-03-02 16:00'), shanghai('2026-03-03 16:00'), false],
      ['2 working days later', shanghai('2026-03-02 16:00'), shanghai('2026-03-04 16:00'), true],
      [
        'Friday → Monday (a weekend is not working time)',
        shanghai('2026-03-06 10:00'),
        shanghai('2026-03-09 10:00'),
        false,
      ],
      ['Friday → Tuesday', shanghai('2026-03-06 10:00'), shanghai('2026-03-10 10:00'), true],
      [
        'Friday before the Spring Festival → during it (holidays)',
        shanghai('2026-02-13 10:00'),
        shanghai('2026-02-20 10:00'),
        false,
      ],
      [
        'Friday before the Spring Festival → the first working day after it',
        shanghai('2026-02-13 10:00'),
        shanghai('2026-02-24 10:00'),
        true,
      ],
      [
        'Thursday → the make-up Saturday (调休 counts)',
        shanghai('2026-02-12 10:00'),
        shanghai('2026-02-14 10:00'),
        true,
      ],
    ])('attempt and callback %s: allowed %s', (_name, attemptedAt, at, allowed) => {
      const r = then(
        replied(),
        'callbackRecorded',
        { outcome: 'unreachable', attemptedAt },
        { at },
      );
      if (allowed) {
        const { state, effects } = accepted(r);
        expect(state.status).toBe('follow_up');
        expect(effects).toEqual([{ type: 'supervisorReview', why: 'unreachable' }]);
      } else {
        expect(refusedWith(r)).toEqual({
          reason: 'workflow.callback.tooEarly',
          params: { days: 2 },
        });
      }
    });
  });

  it('unsatisfied → reopened: assigned, round 2, a second complaint at least L2, clocks restarted', () => {
    const replied = happyState('replied').state;
    const { state, effects } = accepted(
      then(replied, 'callbackRecorded', { outcome: 'unsatisfied', note: 'Still leaks' }),
    );
    expect(state).toMatchObject({
      status: 'assigned',
      round: 2,
      secondComplaint: true,
      unsatisfiedCount: 1,
      tier: 0,
    });
    expect(state.severity.level).toBe('L2');
    expect(state.resolution).toBeUndefined();
    expect(state.assignment).toEqual(replied.assignment);
    for (const clock of ['firstContact', 'reply', 'progress', 'close'] as const) {
      expect(state.clocks[clock]).toEqual({ startedAt: LATER });
    }
    expect(state.clocks.callback?.stoppedAt).toBe(LATER);
    expect(effects).toEqual([
      { type: 'reopened', round: 2 },
      { type: 'supervisorReview', why: 'unsatisfied' },
    ]);
  });

  it('unsatisfied twice → one tier up', () => {
    const events: ComplaintEvent[] = happyPath().slice(0, 7);
    events.push(
      makeEvent(
        'callbackRecorded',
        { outcome: 'unsatisfied' },
        { at: shanghai('2026-03-03 10:00') },
      ),
    );
    events.push(makeEvent('contacted', {}, { at: shanghai('2026-03-03 11:00') }));
    events.push(
      makeEvent('resolutionProposed', samplePayload('resolutionProposed'), {
        at: shanghai('2026-03-03 12:00'),
      }),
    );
    events.push(
      makeEvent('replied', samplePayload('replied'), { at: shanghai('2026-03-03 13:00') }),
    );
    const state = foldAccepted(events);
    expect(state.tier).toBe(0);
    const { state: next, effects } = accepted(
      then(
        state,
        'callbackRecorded',
        { outcome: 'unsatisfied' },
        { at: shanghai('2026-03-04 10:00') },
      ),
    );
    expect(next).toMatchObject({ round: 3, tier: 1, unsatisfiedCount: 2 });
    expect(effects).toContainEqual({ type: 'escalated', tier: 1, role: 'supervisor' });
    expect(next.escalations.at(-1)).toMatchObject({ tier: 1, cause: 'unsatisfied', auto: true });
  });

  it('an anonymous complaint closes after the reply (nobody to call back) and has no callback clock', () => {
    const { state } = happyState('replied', sampleRecord({ complainant: { anonymous: true } }));
    expect(state.clocks.callback).toBeUndefined();
    expect(accepted(then(state, 'closed', {})).state.status).toBe('closed');
  });
});

describe('rule 7: "Escalation tiers (default three): agent → supervisor → manager"', () => {
  it('escalates one tier at a time up to the last → workflow.escalate.top', () => {
    let state = happyState('registered').state;
    for (const [tier, role] of [
      [1, 'supervisor'],
      [2, 'manager'],
    ] as const) {
      const r = accepted(
        then(state, 'escalated', { reason: 'Customer asked' }, { actor: 'agent' }),
      );
      expect(r.state.tier).toBe(tier);
      expect(r.effects).toEqual([{ type: 'escalated', tier, role }]);
      state = r.state;
    }
    expect(refusedWith(then(state, 'escalated', { reason: 'Again' }))).toMatchObject({
      reason: 'workflow.escalate.top',
    });
  });

  it('records who escalated and whether the system did (SLA breach)', () => {
    const { state } = happyState('registered');
    const next = accepted(
      then(state, 'escalated', { reason: 'reply clock breached', auto: true }, { actor: 'system' }),
    ).state;
    expect(next.escalations).toEqual([
      {
        tier: 1,
        at: LATER,
        auto: true,
        cause: 'event',
        reason: 'reply clock breached',
        by: ACTORS.system,
      },
    ]);
  });

  it('needs a reason', () => {
    expect(
      refusedWith(then(happyState('registered').state, 'escalated', { reason: '' })),
    ).toMatchObject({
      reason: 'workflow.reasonRequired',
    });
  });

  it('tiers never go down, even when severity does', () => {
    const state = happyState(
      'registered',
      sampleRecord({ description: 'My lawyer will call you about this.' }),
    ).state;
    expect(state.tier).toBe(1);
    const lowered = accepted(
      then(state, 'severityOverridden', { level: 'L1', reason: 'Just a remark' }),
    ).state;
    expect(lowered.severity.level).toBe('L1');
    expect(lowered.tier).toBe(1);
  });
});

describe('rule 8: "Deadline extensions only with the customer\'s agreement, recorded with a reason"', () => {
  const until = shanghai('2026-03-20 18:00');

  it('sets the agreed due time on the clock and records the extension', () => {
    const state = inProgress();
    const next = accepted(
      then(state, 'deadlineExtended', {
        clock: 'close',
        until,
        reason: 'Parts',
        customerAgreed: true,
      }),
    ).state;
    expect(next.clocks.close).toEqual({ startedAt: DEFAULT, agreedDueAt: until });
    expect(next.extensions).toEqual([
      { clock: 'close', until, reason: 'Parts', by: ACTORS.handler, at: LATER },
    ]);
  });

  it.each([
    [
      "without the customer's agreement",
      { customerAgreed: false as true },
      'workflow.extend.customerAgreement',
    ],
    ['without a reason', { reason: ' ' }, 'workflow.reasonRequired'],
    [
      'to a time already past',
      { until: shanghai('2026-03-01 10:00') },
      'workflow.extend.untilPast',
    ],
    ['of a clock not running', { clock: 'callback' as const }, 'workflow.extend.clockNotRunning'],
  ])('refuses an extension %s', (_name, patch, reason) => {
    const payload = {
      clock: 'close' as const,
      until,
      reason: 'Parts',
      customerAgreed: true as const,
      ...patch,
    };
    expect(refusedWith(then(inProgress(), 'deadlineExtended', payload))).toMatchObject({ reason });
  });
});

describe('severity override: "A supervisor may override the level either way, with a reason"', () => {
  it('overrides up, alerting at L3, and keeps the assessment', () => {
    const state = happyState('registered').state;
    const { state: next, effects } = accepted(
      then(state, 'severityOverridden', { level: 'L3', reason: 'VIP customer' }),
    );
    expect(next.severity).toMatchObject({
      level: 'L3',
      assessed: { level: 'L1' },
      override: { level: 'L3', reason: 'VIP customer', by: ACTORS.supervisor, at: LATER, round: 1 },
    });
    expect(effects).toEqual([
      { type: 'alertSevere', level: 'L3' },
      { type: 'escalated', tier: 1, role: 'supervisor' },
    ]);
  });

  it('is never silently changed by re-assessment', () => {
    const state = happyState('registered').state;
    const overridden = accepted(
      then(state, 'severityOverridden', { level: 'L1', reason: 'Routine' }),
    ).state;
    const reclassified = accepted(
      then(overridden, 'classified', { category: 'service_attitude' }),
    ).state;
    expect(reclassified.severity.assessed.level).toBe('L2');
    expect(reclassified.severity.level).toBe('L1');
    expect(reclassified.severity.override?.level).toBe('L1');
  });

  it('a reopen after the override lifts the handled level to L2; a new override in the new round wins', () => {
    const replied = happyState('replied').state;
    const overridden = accepted(
      then(replied, 'severityOverridden', { level: 'L0', reason: 'Trivial' }),
    ).state;
    expect(overridden.severity.level).toBe('L0');
    const reopenedState = accepted(
      then(overridden, 'reopened', { reason: 'Customer called back' }),
    ).state;
    expect(reopenedState.severity.level).toBe('L2');
    expect(reopenedState.severity.override?.level).toBe('L0');
    const again = accepted(
      then(reopenedState, 'severityOverridden', { level: 'L1', reason: 'Checked again' }),
    ).state;
    expect(again.severity.level).toBe('L1');
  });

  it('needs a reason', () => {
    expect(
      refusedWith(
        then(happyState('registered').state, 'severityOverridden', { level: 'L3', reason: '' }),
      ),
    ).toMatchObject({
      reason: 'workflow.reasonRequired',
    });
  });
});

describe('classification (§3)', () => {
  it('sets the category and its default department', () => {
    const next = accepted(
      then(happyState('registered').state, 'classified', { category: 'billing' }),
    ).state;
    expect(next).toMatchObject({ category: 'billing', department: 'finance' });
  });

  it.each([
    [{}, 'workflow.classify.empty'],
    [{ category: 'weather' }, 'workflow.classify.unknownCategory'],
    [{ department: 'nowhere' }, 'workflow.unknownDepartment'],
  ])('refuses %j → %s', (payload, reason) => {
    expect(refusedWith(then(happyState('registered').state, 'classified', payload))).toMatchObject({
      reason,
    });
  });
});

describe('invalid: "a verdict reached after investigation, with a reason … every invalid verdict enters the supervisor queue"', () => {
  const invalid = () =>
    accepted(
      then(inProgress(), 'markedInvalid', {
        reason: 'Misuse',
        explanation: 'The machine was overloaded.',
      }),
    );

  it('needs a reason and an explanation for the customer', () => {
    expect(
      refusedWith(then(inProgress(), 'markedInvalid', { reason: 'Misuse', explanation: '' })),
    ).toMatchObject({
      reason: 'workflow.invalid.explanationRequired',
    });
    expect(
      refusedWith(then(inProgress(), 'markedInvalid', { reason: '', explanation: 'x' })),
    ).toMatchObject({
      reason: 'workflow.reasonRequired',
    });
  });

  it('puts the case in the supervisor queue and stops every clock', () => {
    const { state, effects } = invalid();
    expect(state.status).toBe('invalid');
    expect(state.verdict).toMatchObject({ reason: 'Misuse', confirmed: false, by: ACTORS.handler });
    expect(effects).toEqual([{ type: 'supervisorReview', why: 'invalidVerdict' }]);
    for (const span of Object.values(state.clocks)) expect(span?.stoppedAt).toBeDefined();
  });

  it('is confirmed once by a supervisor', () => {
    const confirmed = accepted(then(invalid().state, 'invalidConfirmed', {})).state;
    expect(confirmed.verdict).toMatchObject({ confirmed: true, confirmedBy: ACTORS.supervisor });
    expect(refusedWith(then(confirmed, 'invalidConfirmed', {}))).toMatchObject({
      reason: 'workflow.invalid.alreadyConfirmed',
    });
  });

  it('is overturned only by a supervisor or manager reopening it (round + 1, verdict kept on record)', () => {
    const { state } = invalid();
    expect(
      refusedWith(then(state, 'reopened', { reason: 'Customer disputes' }, { actor: 'agent' })),
    ).toMatchObject({
      reason: 'workflow.reopen.verdictNeedsLead',
    });
    const reopenedState = accepted(
      then(state, 'reopened', { reason: 'Wrong verdict' }, { actor: 'manager' }),
    ).state;
    expect(reopenedState).toMatchObject({ status: 'assigned', round: 2 });
    expect(reopenedState.verdict?.overturned).toEqual({
      by: ACTORS.manager,
      at: LATER,
      reason: 'Wrong verdict',
    });
  });
});

describe('side states: withdrawn and transferred are terminal', () => {
  it.each([
    ['withdrawn', { reason: 'Customer withdrew' }],
    ['transferred', { to: 'Supplier hotline', reason: 'Out of scope' }],
  ] as const)('%s stops every clock and cannot be left', (type, payload) => {
    const { state } = accepted(then(inProgress(), type, payload as never));
    expect(state.status).toBe(type);
    for (const span of Object.values(state.clocks)) expect(span?.stoppedAt).toBeDefined();
    for (const next of ['reopened', 'assigned', 'closed', 'escalated'] as const) {
      expect(then(state, next, samplePayload(next)).ok).toBe(false);
    }
    expect(then(state, 'noteAdded', { text: 'Filed', progress: false }).ok).toBe(true);
  });

  it.each([
    ['withdrawn', { reason: '' }, 'workflow.reasonRequired'],
    ['transferred', { to: 'Supplier', reason: '' }, 'workflow.reasonRequired'],
    ['transferred', { to: ' ', reason: 'Out of scope' }, 'workflow.transfer.destinationRequired'],
  ] as const)('%s %j → %s', (type, payload, reason) => {
    expect(refusedWith(then(inProgress(), type, payload as never))).toMatchObject({ reason });
  });
});

describe('closed: "reopen from replied/follow_up/closed goes back to assigned with round + 1"; closed is left only by reopened', () => {
  it.each(['replied', 'follow_up', 'closed'] as const)('reopens from %s', (status) => {
    const { state, effects } = accepted(
      then(happyState(status).state, 'reopened', { reason: 'Customer came back' }),
    );
    expect(state).toMatchObject({ status: 'assigned', round: 2, secondComplaint: true });
    expect(state.closedAt).toBeUndefined();
    expect(effects).toContainEqual({ type: 'reopened', round: 2 });
  });

  it.each(EVENT_TYPES.filter((t) => t !== 'reopened'))(
    '%s leaves a closed complaint closed',
    (type) => {
      const { state } = happyState('closed');
      const r = then(state, type, samplePayload(type), { actor: 'supervisor' });
      if (r.ok) expect(r.state.status).toBe('closed');
    },
  );

  it('a reopen needs a reason', () => {
    expect(refusedWith(then(happyState('closed').state, 'reopened', { reason: '' }))).toMatchObject(
      {
        reason: 'workflow.reasonRequired',
      },
    );
  });
});

describe('time: events come from devices whose clocks and connections differ', () => {
  it('refuses an event dated before the complaint was received → workflow.time.beforeReceived', () => {
    const { state } = happyState('registered');
    const r = then(
      state,
      'noteAdded',
      { text: 'x', progress: false },
      { at: shanghai('2026-03-02 09:50') },
    );
    expect(refusedWith(r)).toMatchObject({ reason: 'workflow.time.beforeReceived' });
  });

  it('tolerates a few minutes of clock skew', () => {
    const { state } = happyState('registered');
    expect(
      then(state, 'noteAdded', { text: 'x', progress: false }, { at: shanghai('2026-03-02 09:58') })
        .ok,
    ).toBe(true);
  });

  it('refuses a registration dated before its record says the complaint arrived', () => {
    const record = sampleRecord({
      receivedAt: shanghai('2026-03-03 12:00'),
      readBackConfirmedAt: shanghai('2026-03-03 12:00'),
    });
    expect(
      refusedWith(then(undefined, 'registered', { record }, { at: shanghai('2026-03-03 11:00') })),
    ).toMatchObject({
      reason: 'workflow.time.beforeReceived',
    });
  });

  it('accepts an older event synced late; updatedAt never moves back', () => {
    const { state } = happyState('in_progress');
    const late = accepted(
      then(
        state,
        'noteAdded',
        { text: 'Offline note', progress: false },
        { at: shanghai('2026-03-02 10:30') },
      ),
    ).state;
    expect(late.updatedAt).toBe(state.updatedAt);
    expect(late.version).toBe(state.version + 1);
  });

  it('uses only event times (no clock): the same events give the same state', () => {
    const a = foldAccepted(happyPath());
    const b = foldAccepted(happyPath());
    expect({ ...a, id: '' }).toEqual({ ...b, id: '' });
  });
});

describe('robustness: malformed events are refused, never thrown', () => {
  const good = makeEvent('noteAdded', { text: 'x', progress: false }, { at: LATER });
  it.each([
    ['no payload', { ...good, payload: undefined }],
    ['an unknown type', { ...good, type: 'deleted' }],
    ['a time without offset', { ...good, at: '2026-03-03 10:00' }],
    ['an unknown role', { ...good, actor: { id: 'x', name: 'x', role: 'customer' } }],
    ['no actor', { ...good, actor: null }],
    ['a note that is not text', makeEvent('contacted', { note: 42 } as never)],
    [
      'an unknown resolution type',
      makeEvent('resolutionProposed', {
        ...samplePayload('resolutionProposed'),
        type: 'cake' as never,
      }),
    ],
    ['a non-UUID id', { ...good, id: 'note-1' }],
    ['null', null],
  ])('%s → workflow.event.invalid', (_name, event) => {
    const r = transition(happyState('in_progress').state, event as ComplaintEvent);
    expect(refusedWith(r)).toMatchObject({ reason: 'workflow.event.invalid' });
  });

  it.each([
    ['a capture without a draft', makeEvent('captured', {} as never), 'workflow.event.invalid'],
    [
      'a registration without a record',
      makeEvent('registered', {} as never),
      'workflow.register.invalid',
    ],
  ])('%s → %s', (_name, event, reason) => {
    expect(refusedWith(transition(undefined, event))).toMatchObject({ reason });
  });
});
