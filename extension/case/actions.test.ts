import { CaseBuilder } from '../../test/support/review';
import { ACTORS, happyState, shanghai, uuidFor } from '../../test/support/workflow';
import { describe, expect, it } from 'vitest';
import {
  ACTION_KEYS,
  CASE_ACTIONS,
  type CaseAction,
  approvalNeeded,
  buildAction,
  initialValues,
  localInputToIso,
  offerForKey,
  offeredActions,
  payloadFor,
} from './actions';
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
