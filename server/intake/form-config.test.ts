import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { resolvePolicy } from '../../shared/policy/resolve-policy';
import { databases, useDatabase } from '../../test/pg';
import { createApp } from '../app';
import { silentLogger } from '../log';
import { addSite } from '../store/sites';

const URL = 'http://desk.test/api/v1/intake/form-config';
const SHOP = 'https://shop.example.com';

/** The defaults with the categories an organisation chose: one of its own, one built in. */
function customPolicy() {
  const r = resolvePolicy({
    categories: [
      { code: 'parking', department: 'service', labels: { en: 'Parking', 'zh-CN': '停车' } },
      { code: 'billing', department: 'service' },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.policy;
}

describe.each(databases)('R-POLICY-4 GET /intake/form-config on $name', (target) => {
  const ctx = useDatabase(target);
  const app = (policy = customPolicy()) =>
    createApp({
      db: ctx.db,
      policy,
      now: () => new Date('2026-11-16T02:00:00Z'),
      config: { intakeRatePerMin: 10_000, widgetDir: '/nonexistent-widget-dir' },
      log: silentLogger,
    });

  it('sends the policy’s categories in order, named in both languages, publicly cacheable', async () => {
    const res = await app().request(`${URL}?site=shop`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.json()).toEqual({
      categories: [
        { code: 'parking', labels: { en: 'Parking', 'zh-CN': '停车' } },
        // No label in the policy: the built-in name.
        { code: 'billing', labels: { en: 'Billing & price', 'zh-CN': '账单与价格' } },
      ],
    });
    const plain = await (await app(defaultPolicy).request(URL)).json();
    expect(plain.categories.map((c: { code: string }) => c.code)).toEqual(
      defaultPolicy.categories.map((c) => c.code),
    );
  });

  it('lets the origins registered for the site read it across origins, no one else', async () => {
    await addSite(ctx.db.pool, 'shop', [SHOP], new Date());
    await addSite(ctx.db.pool, 'other', ['https://other.example'], new Date());
    const read = async (site: string | undefined, origin: string) =>
      (
        await app().request(site ? `${URL}?site=${site}` : URL, { headers: { origin } })
      ).headers.get('access-control-allow-origin');
    expect(await read('shop', SHOP)).toBe(SHOP);
    expect(await read(undefined, SHOP)).toBe(SHOP);
    expect(await read('other', SHOP)).toBeNull();
    expect(await read('shop', 'https://evil.example')).toBeNull();
    expect(await read('nosuchsite', SHOP)).toBeNull();
  });
});
