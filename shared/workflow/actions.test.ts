import { describe, expect, it } from 'vitest';
import { type ActorRole, EVENT_TYPES, type EventType } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { availableActions, canApply } from './index';
import { happyState, type HappyStatus } from '../../test/support/workflow';

const allowedTypes = (status: HappyStatus | undefined, role: ActorRole): EventType[] => {
  const state = status ? happyState(status).state : undefined;
  return availableActions(state, { role })
    .filter((a) => a.allowed)
    .map((a) => a.type);
};

describe('availableActions: what each role is offered in each state', () => {
  it.each<[HappyStatus | undefined, ActorRole, EventType[]]>([
    [undefined, 'agent', ['captured', 'registered']],
    // The happy path's number came from the server, so no case number is offered below.
    [undefined, 'handler', ['captured']],
    ['draft', 'agent', ['draftUpdated', 'registered', 'noteAdded']],
    [
      'registered',
      'supervisor',
      [
        'classified',
        'assigned',
        'noteAdded',
        'severityOverridden',
        'escalated',
        'withdrawn',
        'transferred',
        'deadlineExtended',
        'visitBooked',
      ],
    ],
    [
      'assigned',
      'handler',
      [
        'contacted',
        'noteAdded',
        'escalated',
        'markedInvalid',
        'withdrawn',
        'deadlineExtended',
        'visitBooked',
      ],
    ],
    [
      'replied',
      'agent',
      [
        'classified',
        'noteAdded',
        'callbackRecorded',
        'reopened',
        'escalated',
        'withdrawn',
        'deadlineExtended',
        'visitBooked',
      ],
    ],
    [
      'follow_up',
      'handler',
      [
        'noteAdded',
        'callbackRecorded',
        'escalated',
        'withdrawn',
        'deadlineExtended',
        'closed',
        'visitBooked',
      ],
    ],
    ['closed', 'agent', ['noteAdded', 'reopened']],
    ['closed', 'admin', ['personalDataErased']],
  ])('in %s, a %s is offered %j', (status, role, expected) => {
    expect(allowedTypes(status, role).sort()).toEqual([...expected].sort());
  });

  it('lists every event type, with the reason for the ones not offered', () => {
    const actions = availableActions(happyState('replied').state, { role: 'agent' });
    expect(actions).toHaveLength(EVENT_TYPES.length);
    expect(actions.find((a) => a.type === 'closed')).toEqual({
      type: 'closed',
      allowed: false,
      reason: 'workflow.close.callbackRequired',
    });
    expect(actions.find((a) => a.type === 'approved')).toMatchObject({
      allowed: false,
      reason: 'workflow.forbidden',
      params: { event: 'approved', role: 'agent' },
    });
  });
});

describe('visit made (R-ESC-3)', () => {
  const visitMade = (state: ComplaintState) =>
    availableActions(state, { role: 'handler' }).find((a) => a.type === 'visitMade');

  it('is not offered until a visit is booked, with the reason, and again once it is made', () => {
    const { state } = happyState('in_progress');
    expect(visitMade(state)).toEqual({
      type: 'visitMade',
      allowed: false,
      reason: 'workflow.visit.noneBooked',
    });
    const booked = { ...state, visits: [{ for: state.receivedAt, bookedAt: state.receivedAt }] };
    expect(visitMade(booked)).toEqual({ type: 'visitMade', allowed: true });
    const made = { ...state, visits: [{ ...booked.visits[0]!, madeAt: state.receivedAt }] };
    expect(visitMade(made)).toMatchObject({ allowed: false, reason: 'workflow.visit.noneBooked' });
  });
});

describe('canApply', () => {
  it('judges approval authority without a payload', () => {
    const { state } = happyState('in_progress');
    const waiting = {
      ...state,
      status: 'awaiting_approval' as const,
      resolution: { ...state.resolution!, amount: 60_000, requiredRole: 'manager' as const },
    };
    expect(canApply(waiting, 'approved', 'supervisor')).toEqual({
      allowed: false,
      reason: 'workflow.approve.insufficient',
      params: { role: 'manager' },
    });
    expect(canApply(waiting, 'approved', 'manager')).toEqual({ allowed: true });
  });

  it('offers escalation until the top tier', () => {
    const { state } = happyState('registered');
    expect(canApply({ ...state, tier: 1 }, 'escalated', 'agent')).toEqual({ allowed: true });
    expect(canApply({ ...state, tier: 2 }, 'escalated', 'agent')).toEqual({
      allowed: false,
      reason: 'workflow.escalate.top',
    });
  });
});
