import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { policyVersion } from '../../shared/policy/policy-version';
import { databases, useDatabase } from '../../test/pg';
import { bearer, testApp } from '../../test/support/server';

const URL = 'http://desk.test/api/v1/policy';

describe.each(databases)('R-POLICY-1 GET /policy with a version on $name', (target) => {
  const ctx = useDatabase(target);

  it('sends {version, policy} with the version as ETag; 304 when the device has it', async () => {
    const app = testApp(ctx.db);
    const headers = await bearer(ctx.db.pool, 'agent');
    const res = await app.request(URL, { headers });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ version: policyVersion(defaultPolicy), policy: defaultPolicy });
    expect(res.headers.get('etag')).toBe(`"${body.version}"`);
    const again = await app.request(URL, {
      headers: { ...headers, 'if-none-match': `"${body.version}"` },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await app.request(URL, { headers: { ...headers, 'if-none-match': '"0000"' } });
    expect(stale.status).toBe(200);
  });

  it('a changed policy has another version', async () => {
    const app = testApp(ctx.db);
    const admin = await bearer(ctx.db.pool, 'admin');
    const before = (await (await app.request(URL, { headers: admin })).json()).version;
    const put = await app.request('http://desk.test/api/v1/admin/policy', {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ clocks: { close: { default: { amount: 3, unit: 'workingDays' } } } }),
    });
    expect(put.status).toBe(200);
    const after = await (await app.request(URL, { headers: admin })).json();
    expect(after.version).not.toBe(before);
    expect(after.policy.clocks.close.default.amount).toBe(3);
  });

  it('the version does not depend on key order', () => {
    expect(policyVersion({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      policyVersion({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    expect(policyVersion({ a: 1 })).not.toBe(policyVersion({ a: 2 }));
  });
});
