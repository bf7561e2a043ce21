import { describe, expect, it } from 'vitest';
import { makeEvent, samplePayload } from '../../test/support/workflow';
import { EVENT_TYPES } from './codes';
import { EventSchema } from './event';

const parse = (value: unknown) => EventSchema.safeParse(value);
const issuesOf = (value: unknown) => {
  const r = parse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('EventSchema', () => {
  it.each(EVENT_TYPES)('accepts a valid %s event', (type) => {
    const event = makeEvent(type, samplePayload(type));
    const r = parse(event);
    expect(r.success, JSON.stringify(issuesOf(event))).toBe(true);
    expect(r.data?.type).toBe(type);
  });

  it('has one member per event type and no other', () => {
    expect(parse(makeEvent('closed', {})).success).toBe(true);
    expect(parse({ ...makeEvent('closed', {}), type: 'deleted' }).success).toBe(false);
  });

  it('strips unknown keys from the envelope, actor and payload', () => {
    const event = makeEvent('closed', { note: 'done' });
    const r = parse({
      ...event,
      extra: 1,
      actor: { ...event.actor, password: 'x' },
      payload: { note: 'done', sneaky: true },
    });
    expect(r.success).toBe(true);
    expect(r.data).toEqual(event);
  });

  it('keeps the server order `seq` when present', () => {
    expect(parse(makeEvent('closed', {}, { seq: 42 })).data?.seq).toBe(42);
  });

  it.each([
    ['a non-UUID id', { id: 'abc' }, 'id:validation.uuid'],
    ['a non-UUID complaint id', { complaintId: '1' }, 'complaintId:validation.uuid'],
    ['a time without offset', { at: '2026-03-02T10:00:00' }, 'at:validation.datetime'],
    ['an unknown actor role', { actor: { id: 'u', name: 'U', role: 'customer' } }, 'actor.role:'],
    [
      'an empty actor id',
      { actor: { id: '', name: 'U', role: 'agent' } },
      'actor.id:validation.tooShort',
    ],
  ])('rejects %s', (_name, patch, issue) => {
    const issues = issuesOf({ ...makeEvent('closed', {}), ...patch });
    expect(issues.some((i) => i.startsWith(issue))).toBe(true);
  });

  it.each([
    [
      'severityOverridden without a reason',
      makeEvent('severityOverridden', { level: 'L3', reason: ' ' }),
    ],
    [
      'deadlineExtended without agreement',
      makeEvent('deadlineExtended', {
        ...samplePayload('deadlineExtended'),
        customerAgreed: false as true,
      }),
    ],
    [
      'deadlineExtended with a bad time',
      makeEvent('deadlineExtended', { ...samplePayload('deadlineExtended'), until: 'tomorrow' }),
    ],
    ['withdrawn without a reason', makeEvent('withdrawn', { reason: '' })],
    ['transferred without a destination', makeEvent('transferred', { to: '', reason: 'x' })],
    [
      'markedInvalid without an explanation',
      makeEvent('markedInvalid', { reason: 'x', explanation: '' }),
    ],
    ['noteAdded without the progress flag', makeEvent('noteAdded', { text: 'x' } as never)],
    [
      'a callback with an unknown outcome',
      makeEvent('callbackRecorded', { outcome: 'happy' as never }),
    ],
    [
      'a resolution with a negative amount',
      makeEvent('resolutionProposed', { ...samplePayload('resolutionProposed'), amount: -1 }),
    ],
    [
      'a resolution with a bad currency',
      makeEvent('resolutionProposed', {
        ...samplePayload('resolutionProposed'),
        amount: 1,
        currency: 'yuan',
      }),
    ],
    [
      'an assignment to a non-code department',
      makeEvent('assigned', { department: 'Quality Dept' }),
    ],
    [
      'a registration with an incomplete record',
      makeEvent('registered', { record: { channel: 'phone' } as never }),
    ],
    [
      'a caseNumberIssuer other than local/server',
      makeEvent('caseNumberAssigned', { caseNumber: '2603-0001', issuer: 'me' as never }),
    ],
  ])('rejects %s', (_name, event) => {
    expect(parse(event).success).toBe(false);
  });

  it('bounds free text', () => {
    expect(
      parse(makeEvent('noteAdded', { text: 'x'.repeat(10_001), progress: false })).success,
    ).toBe(false);
    expect(parse(makeEvent('reopened', { reason: 'x'.repeat(2_001) })).success).toBe(false);
    expect(parse(makeEvent('reopened', { reason: 'x'.repeat(2_000) })).success).toBe(true);
  });

  it('trims strings', () => {
    expect(parse(makeEvent('withdrawn', { reason: '  changed mind  ' })).data?.payload).toEqual({
      reason: 'changed mind',
    });
  });
});
