import type { Pool, PoolClient } from 'pg';
import type { Policy } from '../../shared/policy/policy';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { ComplaintEvent } from '../../shared/schema/event';
import { complaintRow } from '../complaints/projection';

type Queryable = Pool | PoolClient;

/** Arbitrary constant: every transaction that appends events takes it (see lockEventLog). */
export const EVENT_LOG_LOCK = 72_610_002;

/**
 * Serializes appenders until commit, so `seq` values become visible in order and a sync
 * cursor never skips an event that commits late. Take it before the first append.
 */
export async function lockEventLog(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK]);
}

/** Appends one event; returns its seq, or undefined when an event with this id exists. */
export async function appendEvent(
  client: PoolClient,
  event: ComplaintEvent,
  receivedAt: Date,
  tokenId: string | null = null,
): Promise<number | undefined> {
  const { rows } = await client.query<{ seq: string }>(
    `INSERT INTO events (id, complaint_id, type, at, actor, payload, received_at, token_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING seq`,
    [
      event.id,
      event.complaintId,
      event.type,
      event.at,
      JSON.stringify(event.actor),
      JSON.stringify(event.payload),
      receivedAt,
      tokenId,
    ],
  );
  return rows[0] ? Number(rows[0].seq) : undefined;
}

const COLUMNS = [
  'id',
  'case_number',
  'status',
  'severity',
  'assignee',
  'site',
  'received_at',
  'next_due_at',
  'alert_at',
  'updated_at',
  'version',
  'snapshot',
  'search',
  'phone_key',
  'email_key',
  'category',
] as const;

function values(state: ComplaintState, policy: Policy): unknown[] {
  const row = complaintRow(state, policy);
  return [
    row.id,
    row.caseNumber,
    row.status,
    row.severity,
    row.assignee,
    row.site,
    row.receivedAt,
    row.nextDueAt,
    row.alertAt,
    row.updatedAt,
    row.version,
    JSON.stringify(state),
    row.search,
    row.phoneKey,
    row.emailKey,
    row.category,
  ];
}

/** Inserts the snapshot of a new complaint; false when the id is taken. */
export async function insertComplaint(
  client: PoolClient,
  state: ComplaintState,
  policy: Policy,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO complaints (${COLUMNS.join(', ')})
     VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO NOTHING`,
    values(state, policy),
  );
  return rowCount === 1;
}

const TYPES = [
  'uuid',
  'text',
  'text',
  'text',
  'text',
  'text',
  'timestamptz',
  'timestamptz',
  'timestamptz',
  'timestamptz',
  'int4',
  'jsonb',
  'text',
  'text',
  'text',
  'text',
];
const SNAPSHOT = COLUMNS.indexOf('snapshot');

/**
 * Inserts or replaces the snapshots of `states` in one statement. Snapshots travel as one text
 * of JSON documents separated by U+0001 (JSON.stringify never emits it raw): parsing a jsonb[]
 * array literal costs the embedded database several times more.
 */
export async function saveComplaints(
  client: PoolClient,
  states: readonly ComplaintState[],
  policy: Policy,
): Promise<void> {
  if (states.length === 0) return;
  const rows = states.map((s) => values(s, policy));
  const params: unknown[] = COLUMNS.map((_, c) => rows.map((r) => r[c]));
  params[SNAPSHOT] = (params[SNAPSHOT] as string[]).join('\u0001');
  const args = TYPES.map((t, i) =>
    i === SNAPSHOT ? `string_to_array($${i + 1}::text, E'\\x01')::jsonb[]` : `$${i + 1}::${t}[]`,
  );
  await client.query(
    `INSERT INTO complaints (${COLUMNS.join(', ')})
     SELECT * FROM unnest(${args.join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1)
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`,
    params,
  );
}

/** The stored snapshots among `ids`. */
export async function loadStates(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, ComplaintState>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; snapshot: ComplaintState }>(
    'SELECT id, snapshot FROM complaints WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.snapshot]));
}

/** One complaint's snapshot, or undefined. */
export async function loadState(db: Queryable, id: string): Promise<ComplaintState | undefined> {
  return (await loadStates(db, [id])).get(id);
}
