import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { ROLES, type Role } from '../../shared/schema/codes';

/** An API token as listed: never the secret. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  /** The policy department the person works in (null: none given). */
  department: string | null;
  createdAt: string;
  revokedAt: string | null;
}

const PREFIX = 'cdt_';

const COLUMNS = 'id, name, role, department, created_at, revoked_at';
/** A policy department code's shape (as in the policy schema and the 0008 column check). */
const DEPARTMENT_CODE = /^[a-z][a-z0-9_]{0,63}$/;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  department: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const toInfo = (r: TokenRow): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: r.role,
  department: r.department ?? null,
  createdAt: r.created_at.toISOString(),
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/** Creates a token; the secret is returned this once and only its SHA-256 is stored. */
export async function createToken(
  pool: Pool,
  input: { name: string; role: Role; department?: string | undefined; now: Date },
): Promise<TokenInfo & { secret: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new RangeError('A token needs a name of 1–100 characters.');
  if (!isRole(input.role))
    throw new RangeError(`Unknown role "${input.role}"; use one of ${ROLES.join(', ')}.`);
  const department = input.department?.trim() || null;
  if (department !== null && !DEPARTMENT_CODE.test(department))
    throw new RangeError(`"${department}" is not a department code (lower case, a–z, 0–9, _).`);
  const secret = PREFIX + randomBytes(32).toString('base64url');
  const { rows } = await pool.query<TokenRow>(
    `INSERT INTO tokens (id, name, role, department, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [randomUUID(), name, input.role, department, hashSecret(secret), input.now],
  );
  return { ...toInfo(rows[0]!), secret };
}

export async function listTokens(pool: Pool): Promise<TokenInfo[]> {
  const { rows } = await pool.query<TokenRow>(
    `SELECT ${COLUMNS} FROM tokens ORDER BY created_at, id`,
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
    `SELECT ${COLUMNS} FROM tokens WHERE hash = $1 AND revoked_at IS NULL`,
    [hashSecret(secret)],
  );
  return rows[0] && toInfo(rows[0]);
}
