import { type Context, Hono } from 'hono';
import type { Pool } from 'pg';
import * as z from 'zod/mini';
import { publicNotifications } from '../../shared/policy/notifications';
import type { Policy } from '../../shared/policy/policy';
import { ROLES } from '../../shared/schema/codes';
import { toFieldErrors } from '../../shared/schema/issues';
import { type AuthEnv, requireToken, tokenOf } from '../auth/bearer';
import { readJsonObject } from '../http/read-json';
import type { SiteDirectory } from '../intake/site-directory';
import type { Logger } from '../log';
import { message, requestError, requestLocale } from '../messages';
import { policyVersion } from '../../shared/policy/policy-version';
import { loadPolicyDocument, savePolicyDocument } from '../store/policy';
import { addSite, listSites, removeSite } from '../store/sites';
import { createToken, listTokens, revokeToken } from '../store/tokens';

const TokenRequest = z.strictObject({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(100, 'validation.tooLong')),
  role: z.enum(ROLES),
  department: z.optional(z.string()),
});
const SiteRequest = z.strictObject({
  origins: z
    .array(z.string().check(z.maxLength(300, 'validation.tooLong')))
    .check(z.maxLength(50, 'validation.max')),
});

const ADMIN_BODY_LIMIT = 256 * 1024;

export interface AdminDeps {
  pool: Pool;
  now: () => Date;
  sites: SiteDirectory;
  log: Logger;
  getPolicy: () => Policy;
  setPolicy: (policy: Policy) => void;
}

/**
 * `/policy` for every token (the extension applies the same rules), and `/admin/*` for admins
 * only: tokens, sites (the widget allowlist) and the policy overrides.
 */
export function adminRoutes(deps: AdminDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const locale = (c: Context) => requestLocale(c.req.header('accept-language'));

  async function body(c: Context) {
    const read = await readJsonObject(c.req.raw, ADMIN_BODY_LIMIT);
    if (!read.ok) {
      return {
        response: c.json(
          requestError(locale(c), read.code, 'params' in read ? read.params : undefined),
          read.status,
        ),
      };
    }
    return { value: read.value };
  }

  // The organisation's rules for the extension (docs/rules.md R-POLICY-1): `{version, policy}`,
  // the version as a strong ETag, so a device that has it gets 304.
  app.get('/policy', requireToken(deps.pool), (c) => {
    const policy = deps.getPolicy();
    const version = policyVersion(policy);
    const etag = `"${version}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return c.body(null, 304);
    }
    // Channel addresses and secrets are for admins only (GET /admin/policy).
    return c.json({
      version,
      policy: { ...policy, notifications: publicNotifications(policy.notifications) },
    });
  });
  // Who the caller's token is: the extension adopts this name and role in team mode.
  app.get('/me', requireToken(deps.pool), (c) => {
    const { id, name, role, department } = tokenOf(c);
    return c.json({ id, name, role, department });
  });

  app.use('/admin/*', requireToken(deps.pool, ['admin']));

  app.get('/admin/tokens', async (c) => c.json(await listTokens(deps.pool)));
  app.post('/admin/tokens', async (c) => {
    const read = await body(c);
    if (read.response) return read.response;
    const parsed = TokenRequest.safeParse(read.value, { reportInput: true });
    if (!parsed.success)
      return c.json({ errors: toFieldErrors(parsed.error.issues, locale(c), message) }, 400);
    // A department is one of the policy's, so the team list can name and group it.
    const department = parsed.data.department?.trim() || undefined;
    if (department && !deps.getPolicy().departments.some((d) => d.code === department))
      return c.json(
        {
          errors: [
            {
              path: 'department',
              code: 'token.unknownDepartment',
              message: message(locale(c), 'token.unknownDepartment', { department }),
            },
          ],
        },
        400,
      );
    const token = await createToken(deps.pool, { ...parsed.data, department, now: deps.now() });
    deps.log.info('token created', { tokenId: token.id, role: token.role, by: c.get('token').id });
    return c.json(token, 201);
  });
  app.delete('/admin/tokens/:id', async (c) => {
    const revoked = await revokeToken(deps.pool, c.req.param('id'), deps.now());
    if (!revoked) return c.json(requestError(locale(c), 'notFound'), 404);
    deps.log.info('token revoked', { tokenId: c.req.param('id'), by: c.get('token').id });
    return c.body(null, 204);
  });

  app.get('/admin/sites', async (c) => c.json(await listSites(deps.pool)));
  app.put('/admin/sites/:key', async (c) => {
    const read = await body(c);
    if (read.response) return read.response;
    const parsed = SiteRequest.safeParse(read.value, { reportInput: true });
    if (!parsed.success)
      return c.json({ errors: toFieldErrors(parsed.error.issues, locale(c), message) }, 400);
    try {
      const site = await addSite(deps.pool, c.req.param('key'), parsed.data.origins, deps.now());
      deps.sites.invalidate();
      return c.json(site);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      return c.json(
        { errors: [{ path: 'origins', code: 'validation.invalid', message: err.message }] },
        400,
      );
    }
  });
  app.delete('/admin/sites/:key', async (c) => {
    const removed = await removeSite(deps.pool, c.req.param('key'));
    deps.sites.invalidate();
    return removed ? c.body(null, 204) : c.json(requestError(locale(c), 'notFound'), 404);
  });

  app.get('/admin/policy', async (c) => c.json((await loadPolicyDocument(deps.pool)) ?? {}));
  app.put('/admin/policy', async (c) => {
    const read = await body(c);
    if (read.response) return read.response;
    const saved = await savePolicyDocument(deps.pool, read.value, deps.now());
    if (!saved.ok) {
      return c.json(
        {
          errors: saved.issues.map((i) => ({
            path: i.path,
            code: 'validation.invalid',
            message: i.message,
          })),
        },
        400,
      );
    }
    deps.setPolicy(saved.policy);
    deps.log.info('policy updated', { by: c.get('token').id });
    return c.json(saved.policy);
  });

  return app;
}
