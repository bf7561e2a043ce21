import type { Context, MiddlewareHandler } from 'hono';
import type { Pool } from 'pg';
import type { Role } from '../../shared/schema/codes';
import { requestError, requestLocale } from '../messages';
import { type TokenInfo, findToken } from '../store/tokens';

export type AuthEnv = { Variables: { token: TokenInfo } };

/**
 * Requires `Authorization: Bearer <token>` of a live token (401 otherwise) and, when `roles` is
 * given, one of those roles (403). The token's role is the caller's role: a role claimed in a
 * body is never trusted.
 */
export function requireToken(pool: Pool, roles?: readonly Role[]): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const locale = requestLocale(c.req.header('accept-language'));
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json(requestError(locale, 'auth.required'), 401);
    }
    const token = await findToken(pool, match[1]!);
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return c.json(requestError(locale, 'auth.invalid'), 401);
    }
    if (roles && !roles.includes(token.role))
      return c.json(requestError(locale, 'auth.forbidden'), 403);
    c.set('token', token);
    await next();
  };
}

/** The token of an authenticated request. */
export const tokenOf = (c: Context<AuthEnv>): TokenInfo => c.get('token');
