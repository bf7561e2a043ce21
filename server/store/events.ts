import type { Pool, PoolClient } from 'pg';
import type { ComplaintEvent } from '../../shared/schema/event';

type Queryable = Pool | PoolClient;

interface EventRow {
  seq: string;
  id: string;
  complaint_id: string;
  type: ComplaintEvent['type'];
  at: Date;
  actor: ComplaintEvent['actor'];
  payload: ComplaintEvent['payload'];
  received_at: Date;
  late: boolean;
}

const COLUMNS = 'seq, id, complaint_id, type, at, actor, payload, received_at, late';

/**
 * A stored event as the API gives it: EventSchema's shape (`at` is the device's time) with its
 * server order `seq`, the server's receipt time `receivedAt`, and `late` when `at` predates the
 * receipt by more than the offline allowance.
 */
export type StoredEvent = ComplaintEvent & { seq: number; receivedAt: string; late: boolean };

export function toEvent(r: EventRow): StoredEvent {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    type: r.type,
    at: r.at.toISOString(),
    actor: r.actor,
    payload: r.payload,
    seq: Number(r.seq),
    receivedAt: r.received_at.toISOString(),
    late: r.late,
  } as StoredEvent;
}

/**
 * Appends events in the given order (their `seq` follows it) in one statement and returns each
 * one's `seq` by id. The caller holds the event-log lock (lockEventLog) and has inserted their
 * complaints.
 */
export async function insertEvents(
  client: PoolClient,
  events: readonly ComplaintEvent[],
  receivedAt: Date,
  {
    tokenOf,
    isLate = () => false,
  }: {
    /** The token that pushed each event; null for the server's own. */
    tokenOf: (event: ComplaintEvent) => string | null;
    /** Dated more than the offline allowance before its receipt. */
    isLate?: (event: ComplaintEvent) => boolean;
  },
): Promise<Map<string, number>> {
  if (events.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; seq: string }>(
    `INSERT INTO events (id, complaint_id, type, at, actor, payload, received_at, token_id, late)
     SELECT e.id, e.complaint_id, e.type, e.at, e.actor, e.payload, $7, e.token_id, e.late
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[],
       string_to_array($5::text, E'\\x01')::jsonb[], string_to_array($6::text, E'\\x01')::jsonb[], $8::uuid[],
       $9::bool[])
       WITH ORDINALITY AS e(id, complaint_id, type, at, actor, payload, token_id, late, n)
     ORDER BY e.n
     RETURNING id, seq`,
    [
      events.map((e) => e.id),
      events.map((e) => e.complaintId),
      events.map((e) => e.type),
      events.map((e) => e.at),
      // One text of JSON documents separated by U+0001 (see saveComplaints).
      events.map((e) => JSON.stringify(e.actor)).join('\u0001'),
      events.map((e) => JSON.stringify(e.payload)).join('\u0001'),
      receivedAt,
      events.map(tokenOf),
      events.map(isLate),
    ],
  );
  return new Map(rows.map((r) => [r.id, Number(r.seq)]));
}

/** The `seq` of the last event in the log (0 when empty): where a refusal stands in it. */
export async function logHead(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ head: string }>(
    'SELECT coalesce(max(seq), 0)::text AS head FROM events',
  );
  return Number(rows[0]!.head);
}

/** The stored events among `ids`: id → its complaint and type (to tell a retry from a clash). */
export async function existingEvents(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, { complaintId: string; type: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; complaint_id: string; type: string }>(
    'SELECT id, complaint_id, type FROM events WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { complaintId: r.complaint_id, type: r.type }]));
}

/** Events after `cursor` in server order, at most `limit`. */
export async function eventsSince(db: Queryable, cursor: number, limit: number) {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [cursor, limit],
  );
  return rows.map(toEvent);
}

/** One complaint's log in server order. */
export async function eventsOf(db: Queryable, complaintId: string) {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE complaint_id = $1 ORDER BY seq`,
    [complaintId],
  );
  return rows.map(toEvent);
}
