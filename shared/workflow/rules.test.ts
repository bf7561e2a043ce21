import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import type { ComplaintEvent, PayloadOf } from '../schema/event';
import { computeDeadlines } from '../sla/index';
import { fold } from './fold';
import {
  DEFAULT_AT,
  foldAccepted,
  happyPath,
  makeEvent,
  plusHours,
  sampleRecord,
} from '../../test/support/workflow';
import type { WorkflowContext } from './types';

/** The happy path up to the resolution (company fault), then a reply at `hours` after receipt. */
function replyAt(hours: number, lateReason?: string): ReturnType<typeof fold> {
  const events = happyPath().slice(0, 6);
  const reply = makeEvent(
    'replied',
    { message: 'We will repair it.', ...(lateReason !== undefined ? { lateReason } : {}) },
    { at: plusHours(DEFAULT_AT, hours) },
  );
  return fold([...events, reply]);
}

describe('R-REPLY-1 a reply after the 24-hour target needs a written reason', () => {
  it.each<[number, string | undefined, boolean]>([
    [23, undefined, true],
    [24, undefined, true], // exactly at the target is on time
    [24.01, undefined, false],
    [30, '  ', false],
    [30, 'The part came from the factory', true],
  ])('reply %d h after registration, reason %j → accepted %s', (hours, reason, ok) => {
    const { state, rejected } = replyAt(hours, reason);
    expect(rejected.map((r) => r.reason)).toEqual(ok ? [] : ['workflow.reply.lateReasonRequired']);
    if (ok) expect(state?.status).toBe('replied');
  });

  it('keeps the reason on the case and names the target in the refusal', () => {
    expect(replyAt(30, 'Parts').state?.replyLateReason).toBe('Parts');
    expect(replyAt(30).rejected[0]?.params).toEqual({ due: '2026-03-03T02:00:00.000Z' });
  });

  it('a customer-agreed reply date replaces the target', () => {
    const events = happyPath().slice(0, 6);
    const extended = makeEvent(
      'deadlineExtended',
      { clock: 'reply', until: plusHours(DEFAULT_AT, 48), reason: 'Away', customerAgreed: true },
      { at: plusHours(DEFAULT_AT, 5) },
    );
    const reply = makeEvent('replied', { message: 'Done' }, { at: plusHours(DEFAULT_AT, 40) });
    expect(fold([...events, extended, reply]).rejected).toEqual([]);
  });
});

describe('R-SEV-AGING-1 aging survives a reopen: an earlier round’s company fault still counts', () => {
  function reopenedThenClassified(responsibility: 'company' | 'customer'): ComplaintEvent[] {
    const events = happyPath().slice(0, 5);
    const propose = makeEvent(
      'resolutionProposed',
      responsibility === 'company'
        ? {
            type: 'repair',
            responsibility,
            rootCause: 'Hose',
            correctiveAction: 'Check hoses',
            description: 'Repair',
          }
        : { type: 'explanation', responsibility, description: 'Explained' },
      { at: plusHours(DEFAULT_AT, 4) },
    );
    const reply = makeEvent('replied', { message: 'Done' }, { at: plusHours(DEFAULT_AT, 5) });
    const unsatisfied = makeEvent(
      'callbackRecorded',
      { outcome: 'unsatisfied' },
      { at: plusHours(DEFAULT_AT, 30) },
    );
    // Two months and a day after receipt, a re-classification re-assesses the case.
    const classify = makeEvent(
      'classified',
      { category: 'product_quality' },
      { at: '2026-05-03T10:00:00+08:00' },
    );
    return [...events, propose, reply, unsatisfied, classify];
  }

  it('a company fault found before the reopen lifts the case to L4 once two months pass', () => {
    const state = foldAccepted(reopenedThenClassified('company'));
    expect(state.round).toBe(2);
    expect(state.resolution).toBeUndefined();
    expect(state.priorCompanyFault).toEqual({ round: 1, at: plusHours(DEFAULT_AT, 30) });
    expect(state.severity.level).toBe('L4');
    expect(state.severity.assessed.reasons.map((r) => r.rule)).toContain('aging');
  });

  it('without a company fault in any round, aging does not fire', () => {
    const state = foldAccepted(reopenedThenClassified('customer'));
    expect(state.priorCompanyFault).toBeUndefined();
    expect(state.severity.assessed.reasons.map((r) => r.rule)).not.toContain('aging');
  });
});

/** The happy path to in_progress, then a proposal with `payload` by the handler. */
function propose(payload: Partial<PayloadOf<'resolutionProposed'>>, ctx: WorkflowContext = {}) {
  const events = happyPath().slice(0, 5);
  const event = makeEvent(
    'resolutionProposed',
    {
      type: 'repair',
      responsibility: 'company',
      correctiveAction: 'Check hoses',
      description: 'Repair',
      ...payload,
    } as PayloadOf<'resolutionProposed'>,
    { at: plusHours(DEFAULT_AT, 4) },
  );
  return fold([...events, event], ctx);
}

describe('R-CAUSE-1 root causes come from the policy’s coded list (other + text)', () => {
  it.each<[Partial<PayloadOf<'resolutionProposed'>>, string | undefined]>([
    [{ rootCauseCode: 'material' }, undefined],
    [{ rootCauseCode: 'other', rootCause: 'Heat wave' }, undefined],
    [{ rootCauseCode: 'other' }, 'workflow.resolution.rootCauseRequired'],
    [{ rootCauseCode: 'weather' }, 'workflow.resolution.unknownRootCause'],
    [{ rootCause: 'Loose hose' }, undefined], // text only: filed under other
    [{}, 'workflow.resolution.rootCauseRequired'],
    [{ responsibility: 'customer', type: 'explanation' }, undefined],
  ])('%j → %s', (payload, reason) => {
    const { rejected, state } = propose(payload);
    expect(rejected[0]?.reason).toBe(reason);
    if (!reason) expect(state?.resolution?.rootCauseCode).toBe(payload.rootCauseCode);
  });
});

describe('R-SHARE-1 responsibility shared between departments with ratios', () => {
  const base = { rootCauseCode: 'material' } as const;
  it.each<[PayloadOf<'resolutionProposed'>['shares'], string | undefined]>([
    [
      [
        { department: 'quality', ratio: 0.6 },
        { department: 'logistics', ratio: 0.4 },
      ],
      undefined,
    ],
    [[{ department: 'quality', ratio: 1 }], undefined],
    [
      [
        { department: 'quality', ratio: 0.6 },
        { department: 'logistics', ratio: 0.3 },
      ],
      'workflow.resolution.sharesInvalid',
    ],
    [
      [
        { department: 'quality', ratio: 0.5 },
        { department: 'quality', ratio: 0.5 },
      ],
      'workflow.resolution.sharesInvalid',
    ],
    [[{ department: 'nowhere', ratio: 1 }], 'workflow.unknownDepartment'],
  ])('%j → %s', (shares, reason) => {
    const { rejected, state } = propose({ ...base, shares });
    expect(rejected[0]?.reason).toBe(reason);
    if (!reason) expect(state?.resolution?.shares).toEqual(shares);
  });

  it('only the company’s fault is shared', () => {
    const { rejected } = propose({
      type: 'explanation',
      responsibility: 'customer',
      shares: [{ department: 'quality', ratio: 1 }],
    });
    expect(rejected[0]?.reason).toBe('workflow.resolution.sharesNeedCompany');
  });
});

describe('R-VIP-1 an important customer (重要业户 / VIP) is flagged on the case', () => {
  it('from the registration record, and set or cleared later by classification', () => {
    const record = sampleRecord({ vip: true });
    const registered = foldAccepted(happyPath(record).slice(0, 2));
    expect(registered.vip).toBe(true);
    const cleared = foldAccepted([
      ...happyPath(record).slice(0, 2),
      makeEvent('classified', { vip: false }, { at: plusHours(DEFAULT_AT, 1) }),
    ]);
    expect(cleared.vip).toBe(false);
    expect(foldAccepted(happyPath().slice(0, 2)).vip).toBeUndefined();
  });
});

describe('R-FEEDBACK-1 the next feedback promised at intake is a clock', () => {
  const promised = plusHours(DEFAULT_AT, 3);
  const record = sampleRecord({ nextFeedbackAt: promised });

  it('starts at registration, due at the promised time, breached after it', () => {
    const state = foldAccepted(happyPath(record).slice(0, 3));
    expect(state.clocks.feedback).toEqual({ startedAt: DEFAULT_AT, agreedDueAt: promised });
    const clock = (now: string) =>
      computeDeadlines(state, new Date(now)).clocks.find((c) => c.clock === 'feedback');
    expect(clock(plusHours(DEFAULT_AT, 3))?.state).not.toBe('breached');
    expect(clock(plusHours(DEFAULT_AT, 3.01))?.state).toBe('breached');
  });

  it('contacting the customer keeps the promise; a new promise restarts the clock', () => {
    const events = happyPath(record).slice(0, 3);
    const contacted = makeEvent(
      'contacted',
      { nextFeedbackAt: plusHours(DEFAULT_AT, 26) },
      { at: plusHours(DEFAULT_AT, 2) },
    );
    const state = foldAccepted([...events, contacted]);
    expect(state.clocks.feedback).toEqual({
      startedAt: plusHours(DEFAULT_AT, 2),
      agreedDueAt: plusHours(DEFAULT_AT, 26),
    });
    const note = makeEvent(
      'noteAdded',
      { text: 'Called back', progress: true },
      { at: plusHours(DEFAULT_AT, 20) },
    );
    expect(foldAccepted([...events, contacted, note]).clocks.feedback?.stoppedAt).toBe(
      plusHours(DEFAULT_AT, 20),
    );
  });
});

describe('R-CLOSE-1 the close clock may start at the first responder’s acceptance (policy)', () => {
  // Received at 10:00, registered at 15:00 the same day.
  const events = () => {
    const [captured, registered] = happyPath();
    return [captured!, { ...registered!, at: plusHours(DEFAULT_AT, 5) }];
  };
  it.each<[Policy['closeClockFrom'], string]>([
    ['registration', plusHours(DEFAULT_AT, 5)],
    ['acceptance', DEFAULT_AT],
  ])('closeClockFrom %s → starts %s', (closeClockFrom, startedAt) => {
    const policy: Policy = { ...defaultPolicy, closeClockFrom };
    expect(foldAccepted(events(), { policy }).clocks.close?.startedAt).toBe(startedAt);
  });
});
