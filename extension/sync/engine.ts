import type { ComplaintDb } from '../db/database';
import type { StoredEvent } from '../db/types';
import { type SanitizeMany, dropHtml, sanitizeSyncedEvents } from '../capture/synced-html';
import { dropDerived } from '../db/derived';
import { SYNC_CURSOR_KEY, applyAnswer, readCursor } from './apply';
import { type BackoffOptions, DEFAULT_BACKOFF, backoffDelay } from '@shared/retry/backoff';
import { type OutgoingEvent, SyncError, type SyncTransport } from './client';

export const SYNC_STATE_KEY = 'sync.state';
/** Events per push: far below the server's 10,000, so a slow link still finishes a round. */
export const BATCH_SIZE = 500;
/** Bytes per push (clips carry sanitized HTML); the server takes 32 MB. */
export const BATCH_BYTES = 4 * 1024 * 1024;

/** What the popup shows; all of it is in Dexie `meta`, so a restarted worker picks it up. */
export interface SyncState {
  /** The server the cursor belongs to. */
  server?: string;
  /** The end of the last complete sync. */
  lastSyncAt?: string;
  lastAttemptAt?: string;
  lastError?: { reason: string; params?: Record<string, unknown>; at: string };
  /** Failures in a row; the next attempt waits `backoffDelay(failures)`. */
  failures: number;
  nextAttemptAt?: string;
}

export type SyncOutcome =
  | { ok: true; pushed: number; received: number; rejected: number; rounds: number }
  | { ok: false; reason: string; params?: Record<string, unknown>; retryInMs?: number };

export interface SyncTarget {
  transport: SyncTransport;
  /** Identifies the server (its URL): another server starts from an empty cursor. */
  server: string;
}

export interface SyncEngineOptions {
  db: ComplaintDb;
  /** The configured server, or undefined in local mode (nothing to do). */
  target: () => Promise<SyncTarget | undefined>;
  now?: () => Date;
  random?: () => number;
  batchSize?: number;
  batchBytes?: number;
  /** Pushes and pulls per run; a guard against a server that never says "no more". */
  maxRounds?: number;
  backoff?: BackoffOptions;
  /**
   * DOMPurify for clip HTML that arrives from the server (another device's sanitizing is not
   * trusted). Without one, synced HTML is not stored at all.
   */
  sanitizeHtml?: SanitizeMany;
}

export async function readSyncState(db: ComplaintDb): Promise<SyncState> {
  const row = await db.meta.get(SYNC_STATE_KEY);
  return (row?.value as SyncState | undefined) ?? { failures: 0 };
}

/**
 * Whether this device derives automatic escalations itself (R-ESC-LOCAL): in solo mode always;
 * in team mode while it is not in step with the server — the last attempt failed, or it never
 * completed a sync with the configured server (its cases are not there yet, so the server's job
 * cannot escalate them). `serverUrl` is the configured server, undefined in solo mode.
 */
export function derivesEscalations(serverUrl: string | undefined, state: SyncState): boolean {
  if (!serverUrl) return true;
  return state.failures > 0 || !state.lastSyncAt || state.server !== serverUrl;
}

const outgoing = ({ id, complaintId, type, at, actor, payload }: StoredEvent): OutgoingEvent => ({
  id,
  complaintId,
  type,
  at,
  actor,
  payload,
});

/**
 * Team sync: pushes this device's pending events in bounded batches (local order) and pulls the
 * server's events since the stored cursor, applying each answer in one transaction
 * (`applyAnswer`). One run at a time; a trigger during a run makes it go round once more.
 * Failures back off exponentially with jitter; the attempt count, the next attempt time, the
 * cursor and every event's state live in Dexie, so a new engine on the same database (a
 * restarted service worker) carries on where the last one stopped.
 */
export class SyncEngine {
  private running: Promise<SyncOutcome> | undefined;
  private again = false;
  private readonly now: () => Date;

  constructor(private readonly opts: SyncEngineOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Syncs now, unless a backoff wait is running (`force`: the user asked, go anyway). */
  sync({ force = false }: { force?: boolean } = {}): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      let outcome: SyncOutcome;
      let forced = force;
      do {
        this.again = false;
        outcome = await this.attempt(forced);
        forced = false;
      } while (this.again && outcome.ok);
      return outcome;
    };
    this.running = run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Milliseconds until the next attempt is due (0: now). */
  async dueIn(): Promise<number> {
    const { nextAttemptAt } = await readSyncState(this.opts.db);
    return nextAttemptAt ? Math.max(0, Date.parse(nextAttemptAt) - this.now().getTime()) : 0;
  }

  /** Forgets the failures (the configuration changed): the next trigger tries at once. */
  async resetBackoff(): Promise<void> {
    await this.patch({ failures: 0, nextAttemptAt: undefined, lastError: undefined });
  }

  private async patch(patch: Partial<SyncState>): Promise<SyncState> {
    const db = this.opts.db;
    return db.transaction('rw', db.meta, async () => {
      const next = { ...(await readSyncState(db)), ...patch };
      for (const k of Object.keys(next) as (keyof SyncState)[])
        if (next[k] === undefined) delete next[k];
      await db.meta.put({ key: SYNC_STATE_KEY, value: next });
      return next;
    });
  }

  private async attempt(force: boolean): Promise<SyncOutcome> {
    const target = await this.opts.target();
    if (!target) return { ok: false, reason: 'ext.sync.off' };
    const db = this.opts.db;
    const state = await readSyncState(db);
    const wait = state.nextAttemptAt ? Date.parse(state.nextAttemptAt) - this.now().getTime() : 0;
    if (!force && wait > 0) return { ok: false, reason: 'ext.sync.backoff', retryInMs: wait };

    if (state.server !== target.server) {
      // Another server: its cursor numbers mean nothing here.
      await db.meta.delete(SYNC_CURSOR_KEY);
      await this.patch({ server: target.server });
    }
    await this.patch({ lastAttemptAt: this.now().toISOString() });
    try {
      const totals = await this.rounds(target.transport);
      await this.patch({
        failures: 0,
        lastError: undefined,
        nextAttemptAt: undefined,
        lastSyncAt: this.now().toISOString(),
      });
      return { ok: true, ...totals };
    } catch (err) {
      const e =
        err instanceof SyncError
          ? err
          : new SyncError('ext.sync.error.unknown', undefined, {
              message: String((err as Error)?.message ?? err),
            });
      const failures = (await readSyncState(db)).failures + 1;
      const delay = backoffDelay(failures, this.opts.random, this.opts.backoff ?? DEFAULT_BACKOFF);
      const at = this.now();
      await this.patch({
        failures,
        lastError: {
          reason: e.reason,
          ...(e.params ? { params: e.params } : {}),
          at: at.toISOString(),
        },
        nextAttemptAt: new Date(at.getTime() + delay).toISOString(),
      });
      return {
        ok: false,
        reason: e.reason,
        ...(e.params ? { params: e.params } : {}),
        retryInMs: delay,
      };
    }
  }

  private async rounds(transport: SyncTransport) {
    const db = this.opts.db;
    const maxRounds = this.opts.maxRounds ?? 10_000;
    const byteLimit = this.opts.batchBytes ?? BATCH_BYTES;
    let size = this.opts.batchSize ?? BATCH_SIZE;
    // The plan of this run: ids only; each batch is re-read, so the rows are always current.
    const plan = (await db.events.where('pending').equals(1).sortBy('seq')).map((e) => e.id);
    const totals = { pushed: 0, received: 0, rejected: 0, rounds: 0 };
    let next = 0;
    for (;;) {
      if (totals.rounds >= maxRounds) throw new SyncError('ext.sync.error.noProgress');
      totals.rounds += 1;
      const ids = plan.slice(next, next + size);
      const rows = await db.events.bulkGet(ids);
      const batch: StoredEvent[] = [];
      let bytes = 0;
      let taken = 0;
      for (const row of rows) {
        if (row?.pending === 1) {
          const cost = JSON.stringify(row.payload).length + 512;
          if (batch.length > 0 && bytes + cost > byteLimit) break;
          bytes += cost;
          batch.push(row);
        }
        taken += 1;
      }
      const events = batch.map(outgoing);
      let answer: Awaited<ReturnType<SyncTransport['sync']>>;
      try {
        answer = await transport.sync({ cursor: await readCursor(db), events });
      } catch (err) {
        if (err instanceof SyncError && err.status === 413 && batch.length > 1) {
          size = Math.max(1, Math.floor(batch.length / 2));
          continue;
        }
        throw err;
      }
      // Before the transaction: the sanitizer may be a round trip to the offscreen document.
      const incoming = await sanitizeSyncedEvents(
        answer.events,
        this.opts.sanitizeHtml ?? dropHtml,
      );
      const applied = await applyAnswer(
        db,
        { ...answer, events: incoming },
        { pushed: events, now: this.now() },
      );
      totals.pushed += applied.accepted;
      totals.rejected += applied.rejected;
      totals.received += applied.received;
      next += taken;

      const decided = new Set([...answer.accepted, ...answer.rejected.map((r) => r.id)]);
      const ignored = events.filter((e, i) => !decided.has(e.id) && !decided.has(`#${i}`));
      if (ignored.length > 0) throw new SyncError('ext.sync.error.noProgress');
      if (next >= plan.length && !answer.more) {
        // In step with the server now: its escalations replaced the ones derived offline.
        await dropDerived(db, this.now());
        return totals;
      }
    }
  }
}
