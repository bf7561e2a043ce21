import type { Pool } from 'pg';
import type { Policy } from '../../shared/policy/policy';
import { resolvePolicy } from '../../shared/policy/resolve-policy';
import type { ComplaintState } from '../../shared/schema/complaint';
import type { ComplaintEvent } from '../../shared/schema/event';
import { OPEN_STATUSES, dueEscalations, transition } from '../../shared/workflow/index';
import { withTransaction } from '../db/transaction';
import type { Logger } from '../log';
import { loadStates, lockEventLog, saveComplaints } from '../store/complaints';
import { existingEvents, insertEvents } from '../store/events';
import { loadPolicyDocument } from '../store/policy';

/** Open complaints read per round trip while looking for breaches. */
const PAGE = 500;

/** Open complaints with an escalation due at `now`, read page by page (keyset on id). */
async function candidates(pool: Pool, policy: Policy, now: Date): Promise<string[]> {
  const due: string[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await pool.query<{ id: string; snapshot: ComplaintState }>(
      `SELECT id, snapshot FROM complaints
       WHERE status = ANY($1::text[]) AND id > $2 ORDER BY id LIMIT $3`,
      [OPEN_STATUSES, after, PAGE],
    );
    for (const r of rows) if (dueEscalations(r.snapshot, now, { policy }).length) due.push(r.id);
    if (rows.length < PAGE) return due;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * Appends the `escalated` events the shared `dueEscalations` says are owed at `now` (docs/rules.md
 * R-ESC-1, R-ESC-2), re-deciding on fresh snapshots under the event-log lock, so a run that
 * races another replica or a person's escalation appends nothing twice. Returns the events stored.
 */
export async function runAutoEscalation(
  pool: Pool,
  policy: Policy,
  now: Date,
): Promise<ComplaintEvent[]> {
  const ids = await candidates(pool, policy, now);
  if (ids.length === 0) return [];
  return withTransaction(pool, async (client) => {
    await lockEventLog(client);
    const states = await loadStates(client, ids);
    const stored: ComplaintEvent[] = [];
    const changed: ComplaintState[] = [];
    for (const state of states.values()) {
      const events = dueEscalations(state, now, { policy });
      const known = await existingEvents(
        client,
        events.map((e) => e.id),
      );
      let next = state;
      for (const event of events) {
        if (known.has(event.id)) continue;
        const r = transition(next, event, { policy });
        if (!r.ok) continue; // the rule and the workflow disagree: leave it to the next state
        next = r.state;
        stored.push(event);
      }
      if (next !== state) changed.push(next);
    }
    await saveComplaints(client, changed, policy);
    await insertEvents(client, stored, now, { tokenOf: () => null });
    return stored;
  });
}

/** The stored policy (what POLICY_FILE or the admin API last set), re-read each run. */
async function currentPolicy(pool: Pool): Promise<Policy | undefined> {
  const resolved = resolvePolicy((await loadPolicyDocument(pool)) ?? {});
  return resolved.ok ? resolved.policy : undefined;
}

/** A job run every `intervalMs` (one run at a time) with the current policy, until stopped. */
export function every(
  name: string,
  intervalMs: number,
  pool: Pool,
  log: Logger,
  run: (policy: Policy) => Promise<number>,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        const policy = await currentPolicy(pool);
        if (!policy) return;
        const done = await run(policy);
        if (done) log.info(name, { count: done });
      } catch (err) {
        log.error(`${name} failed`, { error: (err as Error).message });
      }
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}

/** Runs `runAutoEscalation` every `intervalMs` until stopped. */
export function startAutoEscalation(
  pool: Pool,
  log: Logger,
  now: () => Date = () => new Date(),
  intervalMs = 60_000,
): { stop(): Promise<void> } {
  return every('auto-escalated', intervalMs, pool, log, async (policy) => {
    return (await runAutoEscalation(pool, policy, now())).length;
  });
}
