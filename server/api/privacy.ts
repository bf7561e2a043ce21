import { type Context, Hono } from 'hono';
import type { Pool } from 'pg';
import * as z from 'zod/mini';
import type { Policy } from '../../shared/policy/policy';
import { toFieldErrors } from '../../shared/schema/issues';
import { type AuthEnv, requireToken, tokenOf } from '../auth/bearer';
import { readJsonObject } from '../http/read-json';
import type { Logger } from '../log';
import { message, requestError, requestLocale } from '../messages';
import { type EraseResult, eraseComplainant, exportComplainant } from '../privacy/complainant-data';

const Contact = {
  phone: z.optional(z.string().check(z.maxLength(100, 'validation.tooLong'))),
  email: z.optional(z.string().check(z.maxLength(254, 'validation.tooLong'))),
};
const hasContact = (v: { phone?: string; email?: string }) => Boolean(v.phone || v.email);
export const ExportRequest = z
  .strictObject(Contact)
  .check(z.refine(hasContact, { message: 'validation.contactRequired', path: ['phone'] }));
export const EraseRequest = z
  .strictObject({
    ...Contact,
    reason: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'validation.required'),
        z.maxLength(2_000, 'validation.tooLong'),
      ),
  })
  .check(z.refine(hasContact, { message: 'validation.contactRequired', path: ['phone'] }));

export interface PrivacyDeps {
  pool: Pool;
  policy: () => Policy;
  now: () => Date;
  log: Logger;
}

/**
 * PIPL requests about one complainant, admins only (docs/rules.md R-PIPL-2). The contact travels
 * in a POST body, never in a URL that access logs keep.
 * - `POST /admin/complainants/export` → everything stored about them (snapshots, events, photo list);
 * - `POST /admin/complainants/erase` → their finished complaints anonymised, with an audit event.
 */
export function privacyRoutes(deps: PrivacyDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const admin = requireToken(deps.pool, ['admin']);

  async function parse<T>(c: Context, schema: z.ZodMiniType<T>) {
    const locale = requestLocale(c.req.header('accept-language'));
    const read = await readJsonObject(c.req.raw, 16 * 1024);
    if (!read.ok) {
      const params = 'params' in read ? read.params : undefined;
      return { response: c.json(requestError(locale, read.code, params), read.status) };
    }
    const parsed = schema.safeParse(read.value, { reportInput: true });
    if (!parsed.success) {
      return {
        response: c.json({ errors: toFieldErrors(parsed.error.issues, locale, message) }, 400),
      };
    }
    return { value: parsed.data };
  }

  app.post('/admin/complainants/export', admin, async (c) => {
    const read = await parse(c, ExportRequest);
    if (read.response) return read.response;
    const data = await exportComplainant(deps.pool, read.value, deps.now());
    deps.log.info('personal data exported', {
      complaints: data.complaints.length,
      by: tokenOf(c).id,
    });
    return c.json(data);
  });

  app.post('/admin/complainants/erase', admin, async (c) => {
    const read = await parse(c, EraseRequest);
    if (read.response) return read.response;
    const { reason, ...contact } = read.value;
    const token = tokenOf(c);
    const result: EraseResult = await eraseComplainant(deps.pool, contact, {
      policy: deps.policy(),
      now: deps.now(),
      actor: { id: token.id, name: token.name, role: 'admin' },
      reason,
      tokenId: token.id,
    });
    deps.log.info('personal data erased', { erased: result.erased.length, by: token.id });
    const locale = requestLocale(c.req.header('accept-language'));
    return c.json({
      ...result,
      skipped: result.skipped.map((s) => ({ ...s, message: message(locale, s.reason) })),
    });
  });
  return app;
}
