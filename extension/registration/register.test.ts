import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { appendEvents, eventsOf } from '../db/log';
import {
  AGENT,
  COMPLETE_DRAFT,
  NOW,
  capturedEvent,
  freshDb,
  uuid,
} from '../../test/support/extension/fixtures';
import { previewDraft } from './preview';
import { registerComplaint } from './register';

async function captured(db: ReturnType<typeof freshDb>, n: number) {
  await appendEvents(db, uuid(n), [capturedEvent(uuid(100 + n), uuid(n), COMPLETE_DRAFT)], {
    now: NOW,
  });
}

describe('registerComplaint', () => {
  it('numbers cases YYMM-NNNN per device and month, marked local', async () => {
    const db = freshDb();
    await captured(db, 1);
    await captured(db, 2);
    await captured(db, 3);
    const r1 = await registerComplaint(db, {
      complaintId: uuid(1),
      draft: COMPLETE_DRAFT,
      actor: AGENT,
      now: NOW,
      eventId: uuid(201),
    });
    const r2 = await registerComplaint(db, {
      complaintId: uuid(2),
      draft: COMPLETE_DRAFT,
      actor: AGENT,
      now: NOW,
      eventId: uuid(202),
    });
    const december = new Date('2026-12-01T02:00:00.000Z');
    const r3 = await registerComplaint(db, {
      complaintId: uuid(3),
      draft: COMPLETE_DRAFT,
      actor: AGENT,
      now: december,
      eventId: uuid(203),
    });
    expect([r1, r2, r3].map((r) => r.ok && r.caseNumber)).toEqual([
      '2611-0001',
      '2611-0002',
      '2612-0001',
    ]);
    expect(await db.complaints.get(uuid(1))).toMatchObject({
      status: 'registered',
      caseNumber: '2611-0001',
      caseNumberIssuer: 'local',
    });
    expect(await db.drafts.count()).toBe(0);
  });

  it('reports field errors as message keys and burns no number', async () => {
    const db = freshDb();
    await captured(db, 1);
    const result = await registerComplaint(db, {
      complaintId: uuid(1),
      draft: { ...COMPLETE_DRAFT, channel: 'phone' },
      actor: AGENT,
      now: NOW,
      eventId: uuid(201),
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'readBackConfirmedAt', key: 'validation.readBackRequired' }],
    });
    expect(await db.meta.get('caseSerial:2611')).toBeUndefined();
    expect((await eventsOf(db, uuid(1))).map((e) => e.type)).toEqual(['captured']);
  });

  it('a clip with no complainant yet: the errors name the name and contact fields, not the group', async () => {
    const db = freshDb();
    await captured(db, 1);
    const { complainant: _, ...unnamed } = COMPLETE_DRAFT;
    const result = await registerComplaint(db, {
      complaintId: uuid(1),
      draft: unnamed,
      actor: AGENT,
      now: NOW,
      eventId: uuid(201),
    });
    expect(result.ok).toBe(false);
    const errors = 'errors' in result ? result.errors : [];
    // The side panel shows errors on the fields with these paths; "complainant" is none of them.
    expect(errors.map((e) => [e.path, e.key])).toEqual([
      ['complainant.name', 'validation.nameRequired'],
      ['complainant.phone', 'validation.contactRequired'],
    ]);
  });

  it('is refused by the workflow when the actor may not register (no number burnt)', async () => {
    const db = freshDb();
    await captured(db, 1);
    const handler = { ...AGENT, role: 'handler' as const };
    const result = await registerComplaint(db, {
      complaintId: uuid(1),
      draft: COMPLETE_DRAFT,
      actor: handler,
      now: NOW,
      eventId: uuid(201),
    });
    expect(result.ok).toBe(false);
    expect(await db.meta.get('caseSerial:2611')).toBeUndefined();
  });
});

describe('previewDraft', () => {
  it('is the workflow assessment of the draft, with the deadlines registering would start', async () => {
    const db = freshDb();
    await captured(db, 1);
    const log = await eventsOf(db, uuid(1));
    const calm = previewDraft(log, COMPLETE_DRAFT, AGENT, NOW);
    expect(calm?.severity.level).toBe('L1');
    expect(calm?.deadlines.map((d) => d.clock)).toEqual(['forward', 'reply', 'progress', 'close']);
    const angry = previewDraft(
      log,
      { ...COMPLETE_DRAFT, description: '已经起诉到法院了，并且联系了记者。', headcount: 12 },
      AGENT,
      NOW,
    );
    expect(angry?.severity.level).toBe('L4');
    expect(angry?.severity.reasons.map((r) => r.rule)).toContain('headcount_special_major');
    // L4 reply is 24 clock hours from now
    expect(angry?.deadlines.find((d) => d.clock === 'reply')?.dueAt.toISOString()).toBe(
      '2026-11-04T02:00:00.000Z',
    );
  });

  it('works for a manual complaint with no log yet', () => {
    const p = previewDraft(
      [],
      { channel: 'letter', description: 'A written complaint about billing.' },
      AGENT,
      NOW,
    );
    expect(p?.severity.reasons.map((r) => r.rule)).toContain('important_channel');
  });
});
