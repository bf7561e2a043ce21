import type { Pool, PoolClient } from 'pg';
import type { SourceEvent, TeamEvent } from '../../shared/alerts/team';
import type { FoldEffect } from '../../shared/workflow/index';

type Queryable = Pool | PoolClient;

/** What an outbox entry says happened; the router turns it into deliveries. */
export type OutboxData =
  | { source: 'event'; event: SourceEvent; effects: FoldEffect[] }
  | { source: 'clock'; event: TeamEvent }
  | { source: 'reply' | 'report'; delivery: DirectDelivery };

/** A delivery decided by its caller (a customer reply, the report mail), not by routing. */
export interface DirectDelivery {
  channel: string;
  channelType: 'email' | 'sms';
  event: 'reply' | 'report';
  message: unknown;
  /** A reply's address and text, for the log entry written when it is sent (or not). */
  to?: string;
  text?: string;
  /** Who asked (a reply's result is written to the log in their name). */
  requestedBy?: { id: string; name: string; role: string };
}

export interface OutboxEntry {
  key: string;
  complaintId?: string | undefined;
  data: OutboxData;
}

const SEP = '\u0001';

/** Adds entries; an entry whose key is already there is left as it is (idempotent). */
export async function enqueue(db: Queryable, entries: readonly OutboxEntry[], now: Date) {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO notify_outbox (key, source, complaint_id, data, created_at)
     SELECT k, s, c, d, $5 FROM unnest($1::text[], $2::text[], $3::uuid[],
       string_to_array($4::text, E'\\x01')::jsonb[]) AS e(k, s, c, d)
     ON CONFLICT (key) DO NOTHING`,
    [
      entries.map((e) => e.key),
      entries.map((e) => e.data.source),
      entries.map((e) => e.complaintId ?? null),
      entries.map((e) => JSON.stringify(e.data)).join(SEP),
      now,
    ],
  );
}

/**
 * The hook where events commit (intake, sync, single actions): in the caller's transaction,
 * one outbox entry per event that had workflow effects. Which of them the team hears about,
 * where and when is decided later by the router (shared/alerts/team.ts).
 */
export async function enqueueEffects(
  client: Queryable,
  events: readonly SourceEvent[],
  effects: readonly FoldEffect[],
  now: Date = new Date(),
): Promise<void> {
  if (effects.length === 0) return;
  const byEvent = new Map<string, FoldEffect[]>();
  for (const e of effects) byEvent.set(e.eventId, [...(byEvent.get(e.eventId) ?? []), e]);
  await enqueue(
    client,
    events
      .filter((e) => byEvent.has(e.id))
      .map((e) => ({
        key: `event:${e.id}`,
        complaintId: e.complaintId,
        data: {
          source: 'event' as const,
          event: { id: e.id, type: e.type, complaintId: e.complaintId, at: e.at },
          effects: byEvent.get(e.id)!,
        },
      })),
    now,
  );
}
