import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { caseNumberPeriod, formatCaseNumber } from '../../shared/numbering/index';
import type { Policy } from '../../shared/policy/policy';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { Actor, ComplaintEvent, EventOf } from '../../shared/schema/event';
import { type FoldEffect, type ReasonParams, transition } from '../../shared/workflow/index';
import { enqueueEffects } from '../notify/outbox';
import { allocateSerial } from '../store/case-numbers';
import { loadStates, lockEventLog, saveComplaints } from '../store/complaints';
import { existingEvents, insertEvents } from '../store/events';
import type { TokenInfo } from '../store/tokens';

/** Why the server refused a pushed event: a workflow reason or one of these. */
export type RejectReason =
  | 'sync.forgedRole'
  | 'sync.idConflict'
  | 'sync.invalidEvent'
  | 'complaint.staleVersion'
  | (string & {});

export interface Rejection {
  id: string;
  reason: RejectReason;
  params?: ReasonParams;
}

export interface ApplyResult {
  /** Ids now stored: applied now, or already stored before (a retry). */
  accepted: string[];
  rejected: Rejection[];
  /** Effects of the events applied now, for the shell to run once. */
  effects: FoldEffect[];
  /** Final state of every complaint an event was applied to. */
  states: Map<string, ComplaintState>;
  /** Events stored now, in server order (including the server's own case numbers). */
  stored: ComplaintEvent[];
}

/** The server numbering a complaint that a device registered. */
export const NUMBERING_ACTOR: Actor = { id: 'server', name: 'Server', role: 'system' };

export interface ApplyOptions {
  policy: Policy;
  now: Date;
  /** The authenticated caller: every event's actor role must be the token's role. */
  caller: TokenInfo;
  /** complaintId → the version the caller saw (POST /complaints/:id/events). */
  expectedVersions?: Map<string, number>;
}

/**
 * Applies pushed events in one transaction, in the order given, through the shared
 * `transition`. Idempotent by event id: an id already stored is accepted again without effect;
 * the same id with another complaint or type is refused. A `registered` event without a
 * server-issued case number gets one at once (a `caseNumberAssigned` event by the server).
 * Refusals are returned, never thrown; nothing is dropped silently.
 *
 * Cost is a handful of statements per batch however large (bulk reads and writes), so 10,000
 * events stay within the sync budget.
 */
export async function applyEvents(
  client: PoolClient,
  events: readonly ComplaintEvent[],
  { policy, now, caller, expectedVersions }: ApplyOptions,
): Promise<ApplyResult> {
  await lockEventLog(client);
  const result: ApplyResult = {
    accepted: [],
    rejected: [],
    effects: [],
    states: new Map(),
    stored: [],
  };
  const stored = await existingEvents(client, [...new Set(events.map((e) => e.id))]);
  const states = await loadStates(client, [...new Set(events.map((e) => e.complaintId))]);
  const touched = new Set<string>();
  const serverMade = new Set<string>();
  const ctx = { policy };

  const apply = (state: ComplaintState | undefined, event: ComplaintEvent) => {
    const r = transition(state, event, ctx);
    if (!r.ok) return r;
    states.set(event.complaintId, r.state);
    touched.add(event.complaintId);
    stored.set(event.id, { complaintId: event.complaintId, type: event.type });
    result.stored.push(event);
    for (const effect of r.effects) result.effects.push({ ...effect, eventId: event.id });
    return r;
  };

  for (const event of events) {
    const before = stored.get(event.id);
    if (before) {
      if (before.complaintId === event.complaintId && before.type === event.type)
        result.accepted.push(event.id);
      else result.rejected.push({ id: event.id, reason: 'sync.idConflict' });
      continue;
    }
    if (event.actor.role !== caller.role) {
      result.rejected.push({
        id: event.id,
        reason: 'sync.forgedRole',
        params: { role: event.actor.role, tokenRole: caller.role },
      });
      continue;
    }
    const state = states.get(event.complaintId);
    const expected = expectedVersions?.get(event.complaintId);
    if (expected !== undefined && (state?.version ?? 0) !== expected) {
      result.rejected.push({
        id: event.id,
        reason: 'complaint.staleVersion',
        params: { version: state?.version ?? 0 },
      });
      continue;
    }
    const r = apply(state, event);
    if (!r.ok) {
      result.rejected.push(
        r.params
          ? { id: event.id, reason: r.reason, params: r.params }
          : { id: event.id, reason: r.reason },
      );
      continue;
    }
    result.accepted.push(event.id);

    if (event.type === 'registered' && r.state.caseNumberIssuer !== 'server') {
      const timeZone = policy.calendar.timeZone;
      const serial = await allocateSerial(
        client,
        caseNumberPeriod(now, timeZone, policy.caseNumberFormat),
      );
      const numbering: EventOf<'caseNumberAssigned'> = {
        id: randomUUID(),
        complaintId: event.complaintId,
        type: 'caseNumberAssigned',
        at: now.toISOString(),
        actor: NUMBERING_ACTOR,
        payload: {
          caseNumber: formatCaseNumber(now, serial, timeZone, policy.caseNumberFormat),
          issuer: 'server',
        },
      };
      serverMade.add(numbering.id);
      const numbered = apply(r.state, numbering);
      // The workflow allows this event after any registration; failing here is a bug: roll back.
      if (!numbered.ok) throw new Error(`caseNumberAssigned refused: ${numbered.reason}`);
    }
  }

  const changed = [...touched].map((id) => states.get(id)!);
  await saveComplaints(client, changed, policy);
  await insertEvents(client, result.stored, now, (e) => (serverMade.has(e.id) ? null : caller.id));
  await enqueueEffects(client, result.stored, result.effects, now);
  for (const id of touched) result.states.set(id, states.get(id)!);
  return result;
}
