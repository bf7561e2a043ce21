import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { ROLES, type Role } from '../../shared/schema/codes';

/** An API token as listed: never the secret. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

const PREFIX = 'cdt_';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  created_at: Date;
  revoked_at: Date | null;
}

const toInfo = (r: TokenRow): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** Creates a token; the secret is returned this once and only its SHA-256 is stored. */
export async function createToken(
  pool: Pool,
  input: { name: string; role: Role; now: Date },
): Promise<TokenInfo & { secret: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new RangeError('A token needs a name of 1–100 characters.');
  if (!isRole(input.role))
    throw new RangeError(`Unknown role "${input.role}"; use one of ${ROLES.join(', ')}.`);
  const secret = PREFIX + randomBytes(32).toString('base64url');
  const { rows } = await pool.query<TokenRow>(
    `INSERT INTO tokens (id, name, role, hash, created_at) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, name, role, created_at, revoked_at`,
    [randomUUID(), name, input.role, hashSecret(secret), input.now],
  );
  return { ...toInfo(rows[0]!), secret };
}

export async function listTokens(pool: Pool): Promise<TokenInfo[]> {
  const { rows } = await pool.query<TokenRow>(
    'SELECT id, name, role, created_at, revoked_at FROM tokens ORDER BY created_at, id',
  );
  return rows.map(toInfo);
}

/** Live tokens, of one role or of all. */
export async function countTokens(pool: Pool, role?: Role): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM tokens WHERE revoked_at IS NULL AND ($1::text IS NULL OR role = $1)',
    [role ?? null],
  );
  return Number(rows[0]!.n);
}

/** Revokes a token by id; false when there is no such (unrevoked) token. */
export async function revokeToken(pool: Pool, id: string, now: Date): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const { rowCount } = await pool.query(
    'UPDATE tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
    [id, now],
  );
  return rowCount === 1;
}

/** The live token a bearer secret belongs to, or undefined. */
export async function findToken(pool: Pool, secret: string): Promise<TokenInfo | undefined> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return undefined;
  const { rows } = await pool.query<TokenRow>(
    'SELECT id, name, role, created_at, revoked_at FROM tokens WHERE hash = $1 AND revoked_at IS NULL',
    [hashSecret(secret)],
  );
  return rows[0] && toInfo(rows[0]);
}
