import { CaseBuilder } from '../../test/support/review';
import { ACTORS, happyState, shanghai, uuidFor } from '../../test/support/workflow';
import { describe, expect, it } from 'vitest';
import {
  ACTION_KEYS,
  CASE_ACTIONS,
  type CaseAction,
  approvalNeeded,
  formFields,
  initialValues,
  isShown,
  localInputToIso,
  offerForKey,
  offeredActions,
  payloadFor,
  refusalField,
} from './actions';
import { buildAction } from './build-action';
import { defaultPolicy } from '@shared/policy/default-policy';
import { defaultTemplate, fillTemplate } from './templates';

const AT = new Date(shanghai('2026-03-02 12:00'));
const env = (state = happyState('in_progress').state, actor = ACTORS.handler) => ({
  state,
  actor,
  at: AT,
  id: uuidFor(0x77),
  locale: 'en' as const,
});

describe('offeredActions: exactly what the shared workflow allows', () => {
  it('a supervisor on an in-progress case', () => {
    const offers = offeredActions(happyState('in_progress').state, ACTORS.supervisor);
    expect(offers.filter((o) => o.allowed).map((o) => o.type)).toEqual([
      'assigned',
      'contacted',
      'noteAdded',
      'resolutionProposed',
      'escalated',
      'severityOverridden',
      'classified',
      'deadlineExtended',
      'markedInvalid',
      'withdrawn',
      'transferred',
      'visitBooked',
    ]);
    // Status makes no sense (approve, reply, close before a resolution…): left out.
    expect(offers.map((o) => o.type)).not.toContain('approved');
  });

  it('closing before a callback: offered disabled, with the workflow’s reason', () => {
    const offers = offeredActions(happyState('replied').state, ACTORS.agent);
    expect(offers.find((o) => o.type === 'closed')).toEqual({
      type: 'closed',
      allowed: false,
      reason: 'workflow.close.callbackRequired',
    });
  });

  it('a handler may not override severity: shown disabled as forbidden for the role', () => {
    const offers = offeredActions(happyState('in_progress').state, ACTORS.handler);
    expect(offers.find((o) => o.type === 'severityOverridden')).toMatchObject({
      allowed: false,
      reason: 'workflow.forbidden',
    });
    expect(offers.map((o) => o.type)).not.toContain('invalidConfirmed');
  });

  it('R-ESC-3 visit made: disabled with the workflow’s reason until a visit is booked', () => {
    const b = new CaseBuilder(uuidFor(5)).register(shanghai('2026-03-02 09:00'));
    const offer = () =>
      offeredActions(b.state(), ACTORS.supervisor).find((o) => o.type === 'visitMade');
    expect(offer()).toEqual({
      type: 'visitMade',
      allowed: false,
      reason: 'workflow.visit.noneBooked',
    });
    b.bookVisit(shanghai('2026-03-02 10:00'), shanghai('2026-03-03 09:00'));
    expect(offer()).toEqual({ type: 'visitMade', allowed: true });
    expect(
      offerForKey(offeredActions(b.state(), ACTORS.supervisor), ACTION_KEYS.visitMade)?.type,
    ).toBe('visitMade');
    b.visitMade(shanghai('2026-03-03 09:30'));
    expect(offer()).toMatchObject({ allowed: false, reason: 'workflow.visit.noneBooked' });
  });

  it('a draft: register (in the registration form) and notes', () => {
    expect(
      offeredActions(happyState('draft').state, ACTORS.agent).map((o) => [o.type, o.allowed]),
    ).toEqual([
      ['registered', true],
      ['noteAdded', true],
    ]);
  });
});

describe('buildAction: form → event, validated by the schema and the workflow', () => {
  it('an assignment', () => {
    const built = buildAction(
      'assigned',
      { department: 'quality', handlerId: ' u-9 ', handlerName: '', note: '' },
      env(happyState('registered').state, ACTORS.supervisor),
    );
    expect(built).toMatchObject({
      ok: true,
      event: {
        type: 'assigned',
        id: uuidFor(0x77),
        at: AT.toISOString(),
        payload: { department: 'quality', handlerId: 'u-9' },
      },
    });
  });

  it('recusal: the workflow refuses assigning the person complained about', () => {
    const state = new CaseBuilder(uuidFor(5))
      .register(shanghai('2026-03-02 10:00'), {
        complainedAbout: { personId: 'u-9', personName: 'Zhao' },
      })
      .state();
    expect(
      buildAction(
        'assigned',
        { department: 'quality', handlerId: 'u-9' },
        env(state, ACTORS.supervisor),
      ),
    ).toEqual({
      ok: false,
      refusal: { reason: 'workflow.assign.recusal' },
    });
  });

  it.each<[CaseAction, Record<string, string | boolean>, string]>([
    ['escalated', { reason: '  ' }, 'reason'],
    ['severityOverridden', { level: 'L3', reason: '' }, 'reason'],
    ['markedInvalid', { reason: 'Misuse', explanation: '' }, 'explanation'],
    ['transferred', { to: '', reason: 'Out of scope' }, 'to'],
    ['noteAdded', { text: '', progress: true }, 'text'],
  ])('%s: a required field left empty is a field error', (type, values, field) => {
    const built = buildAction(
      type,
      values,
      env(happyState('in_progress').state, ACTORS.supervisor),
    );
    expect(built.ok).toBe(false);
    expect('errors' in built && built.errors.map((e) => e.path)).toContain(field);
  });

  it('a proposal beyond the agent’s authority goes to approval (the event is still accepted)', () => {
    const values = {
      type: 'compensation',
      amount: '20000',
      responsibility: 'supplier',
      description: 'Compensation for the floor',
    };
    expect(approvalNeeded(values, ACTORS.agent)).toEqual({ role: 'supervisor' });
    expect(approvalNeeded({ ...values, amount: '2000' }, ACTORS.agent)).toEqual({});
    expect(
      approvalNeeded({ ...values, responsibility: 'unclear', amount: '' }, ACTORS.agent),
    ).toEqual({ role: 'manager' });
    const built = buildAction(
      'resolutionProposed',
      values,
      env(happyState('in_progress').state, ACTORS.agent),
    );
    expect(built).toMatchObject({
      ok: true,
      event: { payload: { type: 'compensation', amount: 20_000, responsibility: 'supplier' } },
    });
  });

  it('company fault needs a root cause (the workflow says so)', () => {
    const built = buildAction(
      'resolutionProposed',
      {
        type: 'repair',
        responsibility: 'company',
        description: 'Repair',
        rootCause: '',
        correctiveAction: '',
      },
      env(),
    );
    expect(built).toEqual({
      ok: false,
      refusal: { reason: 'workflow.resolution.rootCauseRequired' },
    });
  });

  it('unreachable needs the time of the SMS, in the calendar’s time zone, and 2 working days', () => {
    const state = happyState('replied').state;
    const tooEarly = buildAction(
      'callbackRecorded',
      { outcome: 'unreachable', attemptedAt: '2026-03-02T11:00' },
      env(state),
    );
    expect(tooEarly).toEqual({
      ok: false,
      refusal: { reason: 'workflow.callback.tooEarly', params: { days: 2 } },
    });
    const later = { ...env(state), at: new Date(shanghai('2026-03-05 12:00')) };
    expect(
      buildAction(
        'callbackRecorded',
        { outcome: 'unreachable', attemptedAt: '2026-03-02T11:00', note: '' },
        later,
      ),
    ).toMatchObject({
      ok: true,
      event: { payload: { outcome: 'unreachable', attemptedAt: '2026-03-02T03:00:00.000Z' } },
    });
  });

  it('a deadline extension needs the customer’s agreement', () => {
    const values = {
      clock: 'close',
      until: '2026-03-20T18:00',
      reason: 'Parts on order',
      customerAgreed: false,
    };
    const built = buildAction('deadlineExtended', values, env());
    expect(built.ok).toBe(false);
    expect(
      buildAction('deadlineExtended', { ...values, customerAgreed: true }, env()),
    ).toMatchObject({
      ok: true,
      event: {
        payload: { clock: 'close', until: '2026-03-20T10:00:00.000Z', customerAgreed: true },
      },
    });
  });

  it('payloads leave out blank optional fields and hidden fields', () => {
    expect(
      payloadFor(
        'resolutionProposed',
        {
          type: 'repair',
          amount: '500',
          responsibility: 'supplier',
          rootCause: 'x',
          description: 'Fix',
        },
        'Asia/Shanghai',
      ),
    ).toEqual({
      type: 'repair',
      responsibility: 'supplier',
      description: 'Fix',
    });
    expect(payloadFor('closed', { note: ' ' }, 'Asia/Shanghai')).toEqual({});
    // Contact: how, what came of it (a promised call-back at a calendar-clock time), next step.
    expect(
      payloadFor(
        'contacted',
        {
          method: 'phone',
          outcome: 'call_back',
          callBackAt: '2026-03-03T15:00',
          nextStep: ' 等客户回电 ',
        },
        'Asia/Shanghai',
      ),
    ).toEqual({
      method: 'phone',
      outcome: 'call_back',
      callBackAt: '2026-03-03T07:00:00.000Z',
      nextStep: '等客户回电',
    });
    expect(
      payloadFor('contacted', { method: 'sms', outcome: 'no_answer', callBackAt: 'x' }, 'UTC'),
    ).toEqual({ method: 'sms', outcome: 'no_answer' });
  });

  it('initial values: the current department for a reassignment, progress notes by default', () => {
    expect(initialValues('assigned', happyState('in_progress').state).department).toBe('quality');
    expect(initialValues('noteAdded', happyState('in_progress').state).progress).toBe(true);
  });

  it.each([
    ['2026-03-02T10:00', 'Asia/Shanghai', '2026-03-02T02:00:00.000Z'],
    ['2026-07-01T09:30', 'Europe/London', '2026-07-01T08:30:00.000Z'],
    ['not a time', 'UTC', undefined],
  ])('localInputToIso(%s, %s) → %s', (value, zone, expected) => {
    expect(localInputToIso(value, zone)).toBe(expected);
  });
});

describe('reply templates (customer-facing)', () => {
  it('fills name, case number and resolution, in the chosen language', () => {
    const { state } = happyState('resolution_proposed');
    expect(defaultTemplate(state)).toBe('repair');
    const zh = fillTemplate('repair', 'zh-CN', state);
    // A surname alone gets the courtesy form, never "尊敬的刘：".
    expect(zh).toMatch(/^尊敬的刘先生\/女士：/);
    expect(zh).toContain('2603-0001');
    expect(zh).toContain('Free repair at home');
    expect(fillTemplate('repair', 'en', state)).toMatch(/^Dear Mr\/Ms 刘,/);
  });

  it('uses the full name as recorded, and states the proposed amount', () => {
    const { state } = happyState('resolution_proposed');
    const named = {
      ...state,
      record: { ...state.record, complainant: { name: '陈明', anonymous: false } },
      resolution: {
        ...state.resolution!,
        type: 'compensation' as const,
        amount: 1200,
        currency: 'CNY',
      },
    };
    const zh = fillTemplate('compensation', 'zh-CN', named);
    expect(zh).toMatch(/^尊敬的陈明：/);
    expect(zh).toContain('金额：¥1,200.00。');
    expect(fillTemplate('compensation', 'en', named)).toContain('Amount: CN¥1,200.00.');
    const anonymous = {
      ...named,
      record: { ...named.record, complainant: { anonymous: true } },
    };
    expect(fillTemplate('ack', 'zh-CN', anonymous)).toMatch(/^尊敬的客户：/);
  });

  it('never shows internal fields (responsibility, root cause)', () => {
    const { state } = happyState('resolution_proposed');
    for (const lang of ['en', 'zh-CN'] as const) {
      const text = fillTemplate('resolution', lang, state);
      expect(text).not.toContain('Loose drain hose');
      expect(text).not.toMatch(/company|公司责任/i);
    }
  });
});

describe('ACTION_KEYS', () => {
  it('one distinct plain letter per action, none taken by the help (?)', () => {
    const keys = Object.values(ACTION_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z]$/);
    expect(Object.keys(ACTION_KEYS).sort()).toEqual([...CASE_ACTIONS, 'registered'].sort());
  });

  it('a key stands only for an action the workflow allows', () => {
    const offers = offeredActions(happyState('replied').state, ACTORS.agent);
    expect(offerForKey(offers, 'b')?.type).toBe('callbackRecorded');
    // Close fits the status but is refused (no callback yet): its letter opens nothing.
    expect(offers.find((o) => o.type === 'closed')?.allowed).toBe(false);
    expect(offerForKey(offers, ACTION_KEYS.closed)).toBeUndefined();
  });
});

describe('the fields the round-two events accept', () => {
  const proposed = () => happyState('resolution_proposed').state;
  const names = (type: CaseAction, state = proposed(), now = AT) =>
    formFields(type, state, defaultPolicy, now).map((f) => f.name);

  it('R-REPLY-1 the late-reply reason is asked for only after the reply target, and refused at it when blank', () => {
    // Registered Mon 10:00; the reply target is Tue 10:00.
    const onTime = new Date(shanghai('2026-03-03 10:00'));
    const late = new Date(shanghai('2026-03-03 10:01'));
    expect(names('replied', proposed(), onTime)).toEqual(['message']);
    expect(names('replied', proposed(), late)).toEqual(['message', 'lateReason']);
    const fields = formFields('replied', proposed(), defaultPolicy, late);
    const values = { message: 'We will repair it.', lateReason: ' ' };
    const built = buildAction('replied', values, { ...env(proposed()), at: late });
    expect(built).toEqual({
      ok: false,
      refusal: {
        reason: 'workflow.reply.lateReasonRequired',
        params: { due: '2026-03-03T02:00:00.000Z' },
      },
    });
    if (!built.ok && 'refusal' in built)
      expect(refusalField(built.refusal.reason, fields, values)).toBe('lateReason');
    expect(
      buildAction(
        'replied',
        { ...values, lateReason: 'Parts came late' },
        { ...env(proposed()), at: late },
      ),
    ).toMatchObject({ ok: true, event: { payload: { lateReason: 'Parts came late' } } });
  });

  it('R-CAUSE-1 the root cause is a code of the policy’s list; “other” asks for the words', () => {
    const state = happyState('in_progress').state;
    const fields = formFields('resolutionProposed', state, defaultPolicy, AT);
    const code = fields.find((f) => f.name === 'rootCauseCode')!;
    expect(code.options).toEqual(defaultPolicy.rootCauses.map((c) => c.code));
    const text = fields.find((f) => f.name === 'rootCause')!;
    const base = {
      type: 'repair',
      responsibility: 'company',
      correctiveAction: 'Check hoses',
      description: 'Repair',
    };
    expect(isShown(text, { ...base, rootCauseCode: 'installation' }, fields)).toBe(false);
    expect(isShown(text, { ...base, rootCauseCode: 'other' }, fields)).toBe(true);
    // "other" chosen, then the responsibility changed: neither is shown nor sent.
    const supplier = {
      ...base,
      responsibility: 'supplier',
      rootCauseCode: 'other',
      rootCause: 'x',
    };
    expect(isShown(text, supplier, fields)).toBe(false);
    expect(payloadFor('resolutionProposed', supplier, 'Asia/Shanghai')).not.toHaveProperty(
      'rootCause',
    );
    expect(
      buildAction(
        'resolutionProposed',
        { ...base, rootCauseCode: 'installation', rootCause: 'hidden' },
        env(state),
      ),
    ).toMatchObject({ ok: true, event: { payload: { rootCauseCode: 'installation' } } });
    const blank = buildAction(
      'resolutionProposed',
      { ...base, rootCauseCode: 'other', rootCause: '' },
      env(state),
    );
    expect(blank).toEqual({
      ok: false,
      refusal: { reason: 'workflow.resolution.rootCauseRequired' },
    });
  });

  it('R-SHARE-1 responsibility shares in percent become ratios; the shared rules refuse a wrong sum at the field', () => {
    const state = happyState('in_progress').state;
    const fields = formFields('resolutionProposed', state, defaultPolicy, AT);
    const shares = fields.find((f) => f.name === 'shares')!;
    expect(shares.options).toEqual(defaultPolicy.departments.map((d) => d.code));
    const values = {
      ...initialValues('resolutionProposed', state, defaultPolicy, AT),
      type: 'repair',
      responsibility: 'company',
      rootCauseCode: 'installation',
      correctiveAction: 'Check hoses',
      description: 'Repair',
      'share.quality': '70',
      'share.logistics': '30',
    };
    expect(buildAction('resolutionProposed', values, env(state))).toMatchObject({
      ok: true,
      event: {
        payload: {
          shares: [
            { department: 'quality', ratio: 0.7 },
            { department: 'logistics', ratio: 0.3 },
          ],
        },
      },
    });
    const short = buildAction(
      'resolutionProposed',
      { ...values, 'share.logistics': '20' },
      env(state),
    );
    expect(short).toEqual({ ok: false, refusal: { reason: 'workflow.resolution.sharesInvalid' } });
    expect(refusalField('workflow.resolution.sharesInvalid', fields, values)).toBe('shares');
    // A share of 0 % is the schema's field error, under the shares.
    const zero = buildAction(
      'resolutionProposed',
      { ...values, 'share.logistics': '0' },
      env(state),
    );
    expect(zero.ok === false && 'errors' in zero && zero.errors[0]!.path).toMatch(/^shares\./);
    // None filled: no shares at all (the handling department carries the fault).
    const { 'share.quality': _q, 'share.logistics': _s, ...unshared } = values;
    expect(payloadFor('resolutionProposed', unshared, 'Asia/Shanghai')).not.toHaveProperty(
      'shares',
    );
  });

  it('R-VIP-1 the VIP flag starts as the case has it and is sent with the classification', () => {
    const state = happyState('in_progress').state;
    expect(initialValues('classified', state, defaultPolicy, AT).vip).toBe(false);
    expect(initialValues('classified', { ...state, vip: true }, defaultPolicy, AT).vip).toBe(true);
    expect(
      buildAction(
        'classified',
        { category: '', department: '', vip: true },
        env(state, ACTORS.supervisor),
      ),
    ).toMatchObject({ ok: true, event: { payload: { vip: true } } });
  });

  it('R-FEEDBACK-1 a promised next feedback time on a contact or note, read in the calendar’s zone', () => {
    expect(names('contacted', happyState('assigned').state)).toContain('nextFeedbackAt');
    expect(
      payloadFor(
        'noteAdded',
        { text: 'Parts ordered', progress: true, nextFeedbackAt: '2026-03-04T15:00' },
        'Asia/Shanghai',
      ),
    ).toEqual({
      text: 'Parts ordered',
      progress: true,
      nextFeedbackAt: '2026-03-04T07:00:00.000Z',
    });
    expect(
      payloadFor('noteAdded', { text: 'x', progress: false, nextFeedbackAt: '' }, 'Asia/Shanghai'),
    ).toEqual({
      text: 'x',
      progress: false,
    });
  });

  it('R-ESC-3 a visit is booked for a time and recorded when made', () => {
    const state = happyState('in_progress').state;
    const booked = buildAction('visitBooked', { for: '2026-03-03T09:00', note: '' }, env(state));
    expect(booked).toMatchObject({
      ok: true,
      event: { payload: { for: '2026-03-03T01:00:00.000Z' } },
    });
    const missing = buildAction('visitBooked', { for: '', note: '' }, env(state));
    expect(missing.ok === false && 'errors' in missing && missing.errors[0]!.path).toBe('for');
  });
});
