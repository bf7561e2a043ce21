import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { caseNumberPeriod, formatCaseNumber } from '../../shared/numbering/index';
import type { Policy } from '../../shared/policy/policy';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { Actor, ComplaintEvent, EventOf } from '../../shared/schema/event';
import { mayAct } from '../../shared/access/may-act';
import { type FoldEffect, type ReasonParams, transition } from '../../shared/workflow/index';
import { enqueueEffects } from '../notify/outbox';
import { allocateSerial } from '../store/case-numbers';
import { loadStates, lockEventLog, saveComplaints } from '../store/complaints';
import { existingEvents, insertEvents, logHead } from '../store/events';
import type { TokenInfo } from '../store/tokens';

/** Why the server refused a pushed event: a workflow reason or one of these. */
export type RejectReason =
  | 'sync.forgedRole'
  | 'sync.idConflict'
  | 'sync.invalidEvent'
  | 'sync.serverNumber'
  | 'sync.futureTime'
  | 'sync.storeFailed'
  | 'access.notYours'
  | 'access.leadOnly'
  | 'complaint.staleVersion'
  | (string & {});

/** How far ahead of the server's clock a device's `at` may be (clock skew); later is refused. */
export const FUTURE_SKEW_MS = 5 * 60_000;

export interface Rejection {
  id: string;
  reason: RejectReason;
  params?: ReasonParams;
  /**
   * The log's last `seq` when the event was refused: it stands after every event up to there.
   * A device lists the refused event at that point of the case history, whichever page of the
   * log its answer carried.
   */
  afterSeq?: number;
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
  /** Ids among `stored` dated more than the policy's offline allowance before `now`. */
  late: Set<string>;
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
  /** Told about each event the database refused to store (the batch goes on without it). */
  onStoreError?: (eventId: string, err: unknown) => void;
}

/** An error the database raised (it carries a SQLSTATE), as opposed to a bug here. */
const isDatabaseError = (err: unknown) =>
  typeof (err as { code?: unknown })?.code === 'string' &&
  /^[0-9A-Z]{5}$/.test((err as { code: string }).code);

const emptyResult = (): ApplyResult => ({
  accepted: [],
  rejected: [],
  effects: [],
  states: new Map(),
  stored: [],
  late: new Set(),
});

/**
 * Applies pushed events in one transaction, in the order given, through the shared
 * `transition`. The server is the system of record:
 * - the actor of every event is the token's (id, name, role); a body claiming another role is
 *   refused (`sync.forgedRole`), another id or name is replaced;
 * - only the server issues case numbers: a device's `registered` claiming a server number and
 *   any device-made `caseNumberAssigned` are refused (`sync.serverNumber`); a registration gets
 *   the server's number at once (a `caseNumberAssigned` event by the server);
 * - the device's `at` is kept, the receipt time is `now`: an `at` later than now + skew is
 *   refused (`sync.futureTime`), one older than the offline allowance is stored flagged `late`;
 * - agents and handlers write only to their own or unassigned cases (shared `mayAct`).
 * Idempotent by event id: an id already stored is accepted again without effect; the same id
 * with another complaint or type is refused. Refusals are returned, never thrown.
 *
 * Cost is a handful of statements per batch however large (bulk reads and writes). Should the
 * database refuse the batch (a constraint, a value it cannot store), it is rolled back to a
 * savepoint and applied one event at a time, each in its own savepoint: the event the database
 * refuses is rejected alone (`sync.storeFailed`), the rest are stored.
 */
export async function applyEvents(
  client: PoolClient,
  events: readonly ComplaintEvent[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  await lockEventLog(client);
  await client.query('SAVEPOINT apply_batch');
  try {
    const result = await applyBatch(client, events, options);
    await client.query('RELEASE SAVEPOINT apply_batch');
    return result;
  } catch (err) {
    if (!isDatabaseError(err)) throw err;
    await client.query('ROLLBACK TO SAVEPOINT apply_batch');
  }
  const result = emptyResult();
  for (const event of events) {
    await client.query('SAVEPOINT apply_one');
    try {
      const one = await applyBatch(client, [event], options);
      await client.query('RELEASE SAVEPOINT apply_one');
      result.accepted.push(...one.accepted);
      result.rejected.push(...one.rejected);
      result.effects.push(...one.effects);
      result.stored.push(...one.stored);
      for (const [id, state] of one.states) result.states.set(id, state);
      for (const id of one.late) result.late.add(id);
    } catch (err) {
      if (!isDatabaseError(err)) throw err;
      await client.query('ROLLBACK TO SAVEPOINT apply_one');
      options.onStoreError?.(event.id, err);
      result.rejected.push({
        id: event.id,
        reason: 'sync.storeFailed',
        afterSeq: await logHead(client),
      });
    }
  }
  return result;
}

async function applyBatch(
  client: PoolClient,
  events: readonly ComplaintEvent[],
  { policy, now, caller, expectedVersions }: ApplyOptions,
): Promise<ApplyResult> {
  const result = emptyResult();
  const actor: Actor = { id: caller.id, name: caller.name, role: caller.role };
  const lateBefore = now.getTime() - policy.offlineAllowanceHours * 3_600_000;
  const stored = await existingEvents(client, [...new Set(events.map((e) => e.id))]);
  const states = await loadStates(client, [...new Set(events.map((e) => e.complaintId))]);
  const touched = new Set<string>();
  const serverMade = new Set<string>();
  const ctx = { policy };
  // How many of this batch's events were stored before each refusal (its place in the log).
  const storedBefore = new Map<Rejection, number>();
  const refuse = (r: Rejection) => {
    storedBefore.set(r, result.stored.length);
    result.rejected.push(r);
  };

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

  for (const pushed of events) {
    const before = stored.get(pushed.id);
    if (before) {
      if (before.complaintId === pushed.complaintId && before.type === pushed.type)
        result.accepted.push(pushed.id);
      else refuse({ id: pushed.id, reason: 'sync.idConflict' });
      continue;
    }
    if (pushed.actor.role !== caller.role) {
      refuse({
        id: pushed.id,
        reason: 'sync.forgedRole',
        params: { role: pushed.actor.role, tokenRole: caller.role },
      });
      continue;
    }
    const refusal = receiptRefusal(pushed, now);
    if (refusal) {
      refuse({ id: pushed.id, ...refusal });
      continue;
    }
    // The audit trail is written in the token's name, whatever the body says.
    const event = { ...pushed, actor } as ComplaintEvent;
    const state = states.get(event.complaintId);
    // A role the workflow never allows this event hears so from `transition` (workflow.forbidden).
    const access = policy.permissions[event.type]?.includes(actor.role)
      ? mayAct(actor, state, event.type, policy)
      : { ok: true as const };
    if (!access.ok) {
      refuse({ id: event.id, reason: access.reason });
      continue;
    }
    const expected = expectedVersions?.get(event.complaintId);
    if (expected !== undefined && (state?.version ?? 0) !== expected) {
      refuse({
        id: event.id,
        reason: 'complaint.staleVersion',
        params: { version: state?.version ?? 0 },
      });
      continue;
    }
    const r = apply(state, event);
    if (!r.ok) {
      refuse(
        r.params
          ? { id: event.id, reason: r.reason, params: r.params }
          : { id: event.id, reason: r.reason },
      );
      continue;
    }
    result.accepted.push(event.id);
    if (Date.parse(event.at) < lateBefore) result.late.add(event.id);

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
  const head = storedBefore.size > 0 ? await logHead(client) : 0;
  const seqs = await insertEvents(client, result.stored, now, {
    tokenOf: (e) => (serverMade.has(e.id) ? null : caller.id),
    isLate: (e) => result.late.has(e.id),
  });
  for (const [r, n] of storedBefore)
    r.afterSeq = n > 0 ? seqs.get(result.stored[n - 1]!.id)! : head;
  await enqueueEffects(client, result.stored, result.effects, now);
  for (const id of touched) result.states.set(id, states.get(id)!);
  return result;
}

/** Refusals decided by the envelope alone: a claimed server number, a time in the future. */
function receiptRefusal(
  event: ComplaintEvent,
  now: Date,
): Pick<Rejection, 'reason' | 'params'> | undefined {
  if (event.type === 'caseNumberAssigned') return { reason: 'sync.serverNumber' };
  if (event.type === 'registered' && event.payload.caseNumberIssuer === 'server')
    return { reason: 'sync.serverNumber' };
  if (Date.parse(event.at) > now.getTime() + FUTURE_SKEW_MS)
    return { reason: 'sync.futureTime', params: { at: event.at } };
  return undefined;
}
