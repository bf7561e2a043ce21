import type { Pool } from 'pg';
import type { Policy } from '../shared/policy/policy';
import { resolvePolicy } from '../shared/policy/resolve-policy';
import type { Logger } from './log';

/** The policy in force in this process; the admin API and the watcher set it. */
export interface LivePolicy {
  get(): Policy;
  set(policy: Policy): void;
}

export function livePolicy(initial: Policy): LivePolicy {
  let current = initial;
  return {
    get: () => current,
    set: (next) => {
      current = next;
    },
  };
}

/** The stored policy's version (0 when none was ever saved). */
export async function policyVersion(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ version: string }>('SELECT version FROM policy WHERE id');
  return Number(rows[0]?.version ?? 0);
}

/**
 * Keeps `live` equal to the stored policy when several processes share one PostgreSQL: every
 * `intervalMs` it reads the policy's version (one indexed row) and, when another process saved
 * a new one, loads and applies it. Returns `stop`. A stored document that no longer resolves is
 * logged and the policy in force is kept.
 */
export function watchPolicy(
  pool: Pool,
  live: LivePolicy,
  { intervalMs, log, version = 0 }: { intervalMs: number; log: Logger; version?: number },
): () => void {
  let seen = version;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await pool.query<{ version: string; document: unknown }>(
        'SELECT version, document FROM policy WHERE id AND version <> $1',
        [seen],
      );
      const row = rows[0];
      if (!row) return;
      seen = Number(row.version);
      const resolved = resolvePolicy(row.document);
      if (!resolved.ok) {
        log.error('stored policy is not valid; keeping the one in force', { version: seen });
        return;
      }
      live.set(resolved.policy);
      log.info('policy reloaded', { version: seen });
    } catch (err) {
      log.warn('policy check failed', { error: (err as Error).message });
    } finally {
      busy = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
