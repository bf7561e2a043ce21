import type { Pool } from 'pg';
import type { Logger } from '../log';
import { eraseExpired } from '../privacy/complainant-data';
import { every, startAutoEscalation } from './auto-escalation';

/**
 * The server's own periodic work: automatic escalation every minute (docs/rules.md R-ESC-1) and
 * the PIPL retention erasure every hour (R-PIPL-1). Each re-reads the stored policy per run.
 */
export function startJobs(
  pool: Pool,
  log: Logger,
  now: () => Date = () => new Date(),
): { stop(): Promise<void> } {
  const jobs = [
    startAutoEscalation(pool, log, now),
    every('personal data erased', 3_600_000, pool, log, async (policy) => {
      return (await eraseExpired(pool, policy, now())).erased.length;
    }),
  ];
  return {
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()));
    },
  };
}
