import { Hono } from 'hono';
import type { Pool } from 'pg';
import type { Role } from '../../shared/schema/codes';
import { type AuthEnv, requireToken, tokenOf } from '../auth/bearer';

/** Who handles complaints: administrators run the system and are no one's assignee. */
export const STAFF_ROLES: readonly Role[] = ['agent', 'handler', 'supervisor', 'manager'];

/** A person the extension can assign a complaint to (one live token); never a secret. */
export interface TeamMember {
  id: string;
  name: string;
  role: Role;
  /** The policy department the person works in, if the token names one. */
  department: string | null;
}

/**
 * `GET /team` (staff tokens): the team's members — every live staff token, by name, with its role
 * and department — and which
 * of them the caller is (`me`), so "assign to me" names the same person on every device.
 */
export function teamRoutes({ pool }: { pool: Pool }): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.get('/team', requireToken(pool, STAFF_ROLES), async (c) => {
    const { rows } = await pool.query<TeamMember>(
      `SELECT id, name, role, department FROM tokens
       WHERE revoked_at IS NULL AND role = ANY($1::text[])
       ORDER BY name, created_at, id`,
      [STAFF_ROLES],
    );
    return c.json({ members: rows, me: tokenOf(c).id });
  });
  return app;
}
