import { describe, expect, it } from 'vitest';
import type { ComplaintEvent } from '../schema/event';
import { fold } from './fold';
import { DEFAULT_AT, foldAccepted, happyPath, makeEvent, plusHours } from './test-helpers';

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
