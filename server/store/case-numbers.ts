import type { PoolClient } from 'pg';

/**
 * The next serial of `period` ('YYMM'). Call inside the registering transaction: the counter
 * row stays locked until commit, so concurrent registrations queue on it, and a rollback gives
 * the number back — serials are unique and gap-free per month.
 */
export async function allocateSerial(client: PoolClient, period: string): Promise<number> {
  const { rows } = await client.query<{ last: number }>(
    `INSERT INTO case_number_counters (period, last) VALUES ($1, 1)
     ON CONFLICT (period) DO UPDATE SET last = case_number_counters.last + 1
     RETURNING last`,
    [period],
  );
  return rows[0]!.last;
}
