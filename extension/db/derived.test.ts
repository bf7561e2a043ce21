import 'fake-indexeddb/auto';
import { defaultPolicy } from '@shared/policy/default-policy';
import { SYSTEM_ACTOR, dueEscalations } from '@shared/workflow/auto-escalation';
import { describe, expect, it } from 'vitest';
import { alarmTick } from '../background/alarm';
import { exportBackup } from '../backup/backup';
import { registerComplaint } from '../registration/register';
import { AGENT, COMPLETE_DRAFT, NOW, freshDb, uuid } from '../../test/support/extension/fixtures';
import { deriveEscalations, dropDerived } from './derived';
import { DERIVED } from './types';

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function registered() {
  const db = freshDb();
  const complaintId = uuid(1);
  const r = await registerComplaint(db, {
    complaintId,
    draft: COMPLETE_DRAFT,
    actor: AGENT,
    now: NOW,
    eventId: uuid(2),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { db, complaintId };
}

describe('R-ESC-LOCAL the extension derives automatic escalations itself, never pushed', () => {
  it('stores the shared rule’s events once, marked derived, and the case is one tier up', async () => {
    const { db, complaintId } = await registered();
    // Registered Tue 10:00 (working hours): the forward clock (30 working minutes) breaches at 10:30.
    expect(await deriveEscalations(db, at(30), defaultPolicy)).toEqual([]);
    const before = (await db.complaints.get(complaintId))!.state!;
    expect(before.tier).toBe(0);

    const owed = dueEscalations(before, at(31), { policy: defaultPolicy });
    expect(owed).toHaveLength(1);
    const stored = await deriveEscalations(db, at(31), defaultPolicy);
    expect(stored.map((e) => e.id)).toEqual(owed.map((e) => e.id));
    expect(stored[0]).toMatchObject({
      type: 'escalated',
      actor: SYSTEM_ACTOR,
      pending: DERIVED,
      at: '2026-11-03T02:30:00.000Z',
      payload: { auto: true, breach: 'forward@2026-11-03T02:00:00.000Z' },
    });
    expect((await db.complaints.get(complaintId))!.state!.tier).toBe(1);
    // Nothing for the push: only pending 1 leaves the device.
    expect(await db.events.where('pending').equals(1).count()).toBe(1);

    // Once per breach, however many ticks see it.
    expect(await deriveEscalations(db, at(32), defaultPolicy)).toEqual([]);
    expect(await db.events.where('pending').equals(DERIVED).count()).toBe(1);
  });

  it('a backup leaves derived events out; dropping them folds the case back', async () => {
    const { db, complaintId } = await registered();
    await deriveEscalations(db, at(31), defaultPolicy);
    const backup = JSON.parse(await exportBackup(db, at(32))) as { events: unknown[] };
    expect(backup.events).toHaveLength(1);

    expect(await dropDerived(db, at(32))).toBe(1);
    expect(await db.events.where('pending').equals(DERIVED).count()).toBe(0);
    expect((await db.complaints.get(complaintId))!.state!.tier).toBe(0);
    expect(await dropDerived(db, at(33))).toBe(0);
  });

  it('the alarm tick derives only when told to (solo, or team mode offline)', async () => {
    const { db, complaintId } = await registered();
    const tick = (escalate: boolean) =>
      alarmTick({
        db,
        now: at(31),
        lastTick: at(30),
        since: NOW,
        locale: 'en',
        sent: { load: async () => ({}), save: async () => undefined },
        setBadge: () => undefined,
        notify: () => undefined,
        policy: defaultPolicy,
        escalate,
      });
    await tick(false);
    expect((await db.complaints.get(complaintId))!.state!.tier).toBe(0);
    await tick(true);
    expect((await db.complaints.get(complaintId))!.state!.tier).toBe(1);
  });
});
