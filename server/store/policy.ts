import type { Pool } from 'pg';
import type { Policy } from '../../shared/policy/policy';
import { resolvePolicy } from '../../shared/policy/resolve-policy';

/** The organisation's stored overrides, or undefined when none were saved. */
export async function loadPolicyDocument(pool: Pool): Promise<unknown> {
  const { rows } = await pool.query<{ document: unknown }>('SELECT document FROM policy WHERE id');
  return rows[0]?.document;
}

/** Validates `overrides` over the default policy and stores them; returns the resolved policy. */
export async function savePolicyDocument(
  pool: Pool,
  overrides: unknown,
  now: Date,
): Promise<
  { ok: true; policy: Policy } | { ok: false; issues: { path: string; message: string }[] }
> {
  const resolved = resolvePolicy(overrides);
  if (!resolved.ok) return resolved;
  await pool.query(
    `INSERT INTO policy (id, document, updated_at) VALUES (true, $1, $2)
     ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, updated_at = EXCLUDED.updated_at,
       version = policy.version + 1`,
    [JSON.stringify(overrides), now],
  );
  return resolved;
}
