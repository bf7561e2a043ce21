import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { foldOrder } from '../db/fold-order';
import { appendEvents } from '../db/log';
import type { Actor, StoredEvent } from '../db/types';
import {
  AGENT,
  COMPLETE_DRAFT,
  NOW,
  capturedEvent,
  freshDb,
  uuid,
} from '../../test/support/extension/fixtures';
import { loadCase } from '../case/load-case';
import { SYNC_CURSOR_KEY, applyAnswer, readCursor } from './apply';
import type { SyncAnswer } from './client';

const SUPERVISOR: Actor = { id: 'sup-1', name: 'Li', role: 'supervisor' };
const at = (min: number) => new Date(NOW.getTime() + min * 60_000).toISOString();

function serverEvent(
  seq: number,
  id: string,
  complaintId: string,
  type: string,
  payload: Record<string, unknown>,
  actor = SUPERVISOR,
) {
  return { id, complaintId, type, at: at(seq), actor, payload, seq };
}

const answer = (patch: Partial<SyncAnswer>): SyncAnswer => ({
  accepted: [],
  rejected: [],
  events: [],
  cursor: '0',
  ...patch,
});

describe('foldOrder', () => {
  it('puts what the server has first, in its order, then local events; refused ones are left out', () => {
    const e = (seq: number, pending: 0 | 1 | 2, serverSeq?: number) =>
      ({ seq, pending, ...(serverSeq === undefined ? {} : { serverSeq }) }) as StoredEvent;
    const ordered = foldOrder([e(1, 0, 9), e(2, 1), e(3, 0, 4), e(4, 2), e(5, 0), e(6, 1)]);
    expect(ordered.map((x) => x.seq)).toEqual([3, 1, 2, 5, 6]);
  });
});

describe('applyAnswer', () => {
  it('stores server events once, in server order, and refolds the snapshot', async () => {
    const db = freshDb();
    const captured = capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT);
    await appendEvents(db, uuid(1), [captured], { now: NOW });
    const registered = serverEvent(
      2,
      uuid(11),
      uuid(1),
      'registered',
      {
        record: { ...COMPLETE_DRAFT, receivedAt: NOW.toISOString() },
      },
      { ...AGENT, id: 'agent-2' },
    );
    const numbered = serverEvent(
      3,
      uuid(12),
      uuid(1),
      'caseNumberAssigned',
      { caseNumber: '2611-0042', issuer: 'server' },
      {
        id: 'server',
        name: 'Server',
        role: 'system',
      },
    );
    const reply = answer({
      accepted: [uuid(10)],
      events: [{ ...captured, seq: 1 }, registered, numbered],
      cursor: '3',
    });
    const first = await applyAnswer(db, reply, { pushed: [captured], now: NOW });
    expect(first).toMatchObject({
      accepted: 1,
      received: 2,
      rejected: 0,
      conflicts: 0,
      cursor: '3',
    });
    expect(await readCursor(db)).toBe('3');
    const row = await db.complaints.get(uuid(1));
    expect(row).toMatchObject({
      status: 'registered',
      caseNumber: '2611-0042',
      caseNumberIssuer: 'server',
    });
    const events = await db.events.orderBy('seq').toArray();
    expect(events.map((e) => [e.id, e.seq, e.serverSeq, e.pending])).toEqual([
      [uuid(10), 1, 1, 0],
      [uuid(11), 2, 2, 0],
      [uuid(12), 3, 3, 0],
    ]);

    // The same answer again (a retried request): nothing changes.
    const again = await applyAnswer(db, reply, { pushed: [captured], now: NOW });
    expect(again).toMatchObject({ accepted: 0, received: 0, rejected: 0 });
    expect(await db.events.count()).toBe(3);
    expect((await db.meta.get('eventSeq'))?.value).toBe(3);
  });

  it('folds server events before local pending ones, whatever order they arrived in', async () => {
    const db = freshDb();
    await appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], {
      now: NOW,
    });
    await applyAnswer(
      db,
      answer({
        accepted: [uuid(10)],
        events: [{ ...capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT), seq: 1 }],
        cursor: '1',
      }),
      {
        pushed: [],
        now: NOW,
      },
    );
    // Offline: a local note.
    const note = {
      id: uuid(20),
      complaintId: uuid(1),
      type: 'noteAdded',
      at: at(5),
      actor: AGENT,
      payload: { text: 'called back', progress: true },
    };
    expect((await appendEvents(db, uuid(1), [note], { now: NOW })).appended).toBe(true);
    // Meanwhile the server registered it elsewhere.
    await applyAnswer(
      db,
      answer({
        events: [
          serverEvent(
            2,
            uuid(11),
            uuid(1),
            'registered',
            { record: { ...COMPLETE_DRAFT, receivedAt: NOW.toISOString() } },
            { ...AGENT, id: 'agent-2' },
          ),
        ],
        cursor: '2',
      }),
      { pushed: [], now: NOW },
    );
    const row = await db.complaints.get(uuid(1));
    expect(row?.status).toBe('registered');
    expect(row?.state?.notes).toBe(1); // the local note still counts, after the server's events
    expect(await db.events.where('pending').equals(1).count()).toBe(1);
  });

  it('keeps refused events with their reason, including ones the server could not parse (#index)', async () => {
    const db = freshDb();
    const a = capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT);
    const b = capturedEvent(uuid(11), uuid(2), COMPLETE_DRAFT);
    await appendEvents(db, uuid(1), [a], { now: NOW });
    await appendEvents(db, uuid(2), [b], { now: NOW });
    const result = await applyAnswer(
      db,
      answer({
        rejected: [
          {
            id: uuid(10),
            reason: 'sync.forgedRole',
            params: { role: 'agent', tokenRole: 'supervisor' },
            message: 'x',
          },
          { id: '#1', reason: 'sync.invalidEvent', params: { fields: 'at' } },
        ],
        cursor: '0',
      }),
      { pushed: [a, b], now: NOW },
    );
    expect(result.rejected).toBe(2);
    const rows = await db.events.bulkGet([uuid(10), uuid(11)]);
    expect(rows.map((r) => [r?.pending, r?.rejection?.reason])).toEqual([
      [2, 'sync.forgedRole'],
      [2, 'sync.invalidEvent'],
    ]);
    expect(rows[0]?.rejection).toMatchObject({
      params: { role: 'agent', tokenRole: 'supervisor' },
      message: 'x',
      at: NOW.toISOString(),
    });
    expect((await db.complaints.get(uuid(1)))?.state).toBeNull();
    // A later append to that complaint folds without the refused event.
    expect(await db.meta.get(SYNC_CURSOR_KEY)).toMatchObject({ value: '0' });
  });

  // A server from before refusals carried their position: the answer's cursor stands in.
  it('lists an offline assignment the server refused after the withdrawal it already had, struck out of the fold', async () => {
    // Offline, this device assigns; meanwhile the customer withdrew (server seq 3).
    const { db, assigned } = await registeredThenAssignedOffline();
    await applyAnswer(
      db,
      answer({
        rejected: [{ id: uuid(20), reason: 'workflow.illegal', params: { status: 'withdrawn' } }],
        events: [serverEvent(3, uuid(21), uuid(1), 'withdrawn', { reason: 'Sorted out' })],
        cursor: '3',
      }),
      { pushed: [assigned], now: NOW },
    );
    const loaded = await loadCase(db, uuid(1));
    expect(loaded?.row.status).toBe('withdrawn');
    expect(loaded?.state?.assignment).toBeUndefined();
    expect(loaded?.events.map((e) => [e.type, e.pending])).toEqual([
      ['captured', 0],
      ['registered', 0],
      ['withdrawn', 0],
      ['assigned', 2],
    ]);
    expect(loaded?.events[3]?.rejection).toMatchObject({ reason: 'workflow.illegal', afterSeq: 3 });
  });

  it('places a refusal by the position the server gave it, even when the answer was the first page of several', async () => {
    const { db, assigned } = await registeredThenAssignedOffline();
    // The server held seq 3–5 when it refused the assignment, but this answer is one page of
    // the log (more: true) and ends at 3; the next page brings 4 and 5.
    const note = (seq: number, id: number) =>
      serverEvent(seq, uuid(id), uuid(1), 'noteAdded', { text: `Note ${seq}`, progress: false });
    await applyAnswer(
      db,
      answer({
        rejected: [{ id: uuid(20), reason: 'workflow.illegal', afterSeq: 5 }],
        events: [serverEvent(3, uuid(21), uuid(1), 'withdrawn', { reason: 'Sorted out' })],
        cursor: '3',
        more: true,
      }),
      { pushed: [assigned], now: NOW },
    );
    await applyAnswer(db, answer({ events: [note(4, 22), note(5, 23)], cursor: '5' }), {
      pushed: [],
      now: NOW,
    });
    const loaded = await loadCase(db, uuid(1));
    expect(
      loaded?.events.map((e) => [e.type, e.type === 'noteAdded' ? e.payload.text : '', e.pending]),
    ).toEqual([
      ['captured', '', 0],
      ['registered', '', 0],
      ['withdrawn', '', 0],
      ['noteAdded', 'Note 4', 0],
      ['noteAdded', 'Note 5', 0],
      ['assigned', '', 2],
    ]);
    expect(loaded?.events[5]?.rejection).toMatchObject({ afterSeq: 5 });
  });

  it('does not overwrite a local event whose id the server uses for something else', async () => {
    const db = freshDb();
    await appendEvents(db, uuid(1), [capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT)], {
      now: NOW,
    });
    const clash = serverEvent(1, uuid(10), uuid(9), 'captured', { draft: COMPLETE_DRAFT });
    const result = await applyAnswer(db, answer({ events: [clash], cursor: '1' }), {
      pushed: [],
      now: NOW,
    });
    expect(result.conflicts).toBe(1);
    expect((await db.events.get(uuid(10)))?.complaintId).toBe(uuid(1));
    expect(await db.complaints.get(uuid(9))).toBeUndefined();
  });
});

/** A complaint captured here and registered by the server (seq 1–2), then assigned offline. */
async function registeredThenAssignedOffline() {
  const db = freshDb();
  const captured = capturedEvent(uuid(10), uuid(1), COMPLETE_DRAFT);
  await appendEvents(db, uuid(1), [captured], { now: NOW });
  const registered = serverEvent(2, uuid(11), uuid(1), 'registered', {
    record: { ...COMPLETE_DRAFT, receivedAt: NOW.toISOString() },
  });
  await applyAnswer(
    db,
    answer({ accepted: [uuid(10)], events: [{ ...captured, seq: 1 }, registered], cursor: '2' }),
    { pushed: [captured], now: NOW },
  );
  const assigned = {
    id: uuid(20),
    complaintId: uuid(1),
    type: 'assigned',
    at: at(10),
    actor: SUPERVISOR,
    payload: { department: 'quality' },
  };
  expect((await appendEvents(db, uuid(1), [assigned], { now: NOW })).appended).toBe(true);
  return { db, assigned };
}
