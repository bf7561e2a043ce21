import type { PoolClient } from 'pg';
import type { ComplaintState } from '../../shared/schema/complaint';
import { contactKeys } from '../complaints/projection';

/** Rows per round trip while backfilling. */
const PAGE = 1000;

/**
 * Migration 3 added the normalized contact columns; rows written before it get them here, in
 * the migration's transaction, from their snapshots through the same shared functions the
 * server writes them with (SQL never re-implements the rule).
 */
async function contactKeysBackfill(client: PoolClient): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await client.query<{ id: string; snapshot: ComplaintState }>(
      'SELECT id, snapshot FROM complaints WHERE id > $1 ORDER BY id LIMIT $2',
      [after, PAGE],
    );
    if (rows.length === 0) return;
    const keys = rows.map((r) => contactKeys(r.snapshot));
    await client.query(
      `UPDATE complaints c SET phone_key = k.phone_key, email_key = k.email_key, category = k.category
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS k(id, phone_key, email_key, category)
       WHERE c.id = k.id`,
      [
        rows.map((r) => r.id),
        keys.map((k) => k.phoneKey),
        keys.map((k) => k.emailKey),
        keys.map((k) => k.category),
      ],
    );
    after = rows[rows.length - 1]!.id;
  }
}

/** Data steps run right after a migration's SQL, in its transaction, by version. */
export const BACKFILLS: Record<number, (client: PoolClient) => Promise<void>> = {
  3: contactKeysBackfill,
  // Phone keys became E.164 (docs/rules.md R-SECOND-2): the same step rewrites them.
  5: contactKeysBackfill,
};
