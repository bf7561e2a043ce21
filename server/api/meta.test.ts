import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { createApp } from '../app';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { createLogger } from '../log';
import { createToken, revokeToken } from '../store/tokens';
import { testApp } from '../../test/support/server';

describe.each(databases)('meta endpoints on $name', (target) => {
  const ctx = useDatabase(target);

  it('GET /healthz reports the database', async () => {
    const res = await testApp(ctx.db).request('/api/v1/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: ctx.db.kind });
  });

  it('writes one JSON log line per request', async () => {
    const lines: string[] = [];
    const app = createApp({
      db: ctx.db,
      policy: defaultPolicy,
      log: createLogger((l) => lines.push(l)),
      config: { widgetDir: '/nonexistent' },
    });
    await app.request('/api/v1/healthz', { headers: { 'x-request-id': 'abc-1' } });
    await app.request('/nope');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'abc-1',
      method: 'GET',
      path: '/api/v1/healthz',
      status: 200,
      ms: expect.any(Number),
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({ path: '/nope', status: 404 });
  });

  it('LOG_REQUESTS=problems (npm start) writes only the failed request', async () => {
    const lines: string[] = [];
    const app = createApp({
      db: ctx.db,
      policy: defaultPolicy,
      log: createLogger((l) => lines.push(l)),
      config: { widgetDir: '/nonexistent', logRequests: 'problems' },
    });
    await app.request('/api/v1/healthz');
    await app.request('/api/v1/complaints');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: 'request', path: '/api/v1/complaints', status: 401 }),
    ]);
  });

  it('LOG_REQUESTS=problems: a revoked token polling is one line per client and token, then a count', async () => {
    const lines: string[] = [];
    let at = new Date('2026-11-16T02:00:00Z');
    const app = createApp({
      db: ctx.db,
      policy: defaultPolicy,
      now: () => at,
      log: createLogger((l) => lines.push(l)),
      config: { widgetDir: '/nonexistent', logRequests: 'problems', trustProxy: 1 },
    });
    const token = await createToken(ctx.db.pool, { name: 'Wu', role: 'agent', now: at });
    await revokeToken(ctx.db.pool, token.id, at);
    const poll = (secret: string, ip = '203.0.113.7') =>
      app.request('/api/v1/sync', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${secret}`,
          'content-type': 'application/json',
          'x-forwarded-for': ip,
        },
        body: '{}',
      });
    const requests = () => lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');

    for (let minute = 0; minute < 5; minute++) {
      expect((await poll(token.secret)).status).toBe(401);
      at = new Date(at.getTime() + 60_000);
    }
    // Another token, another client: each is news once.
    await poll('cdt_typo');
    await poll(token.secret, '198.51.100.2');
    expect(requests()).toEqual([
      expect.objectContaining({ path: '/api/v1/sync', status: 401, ip: '203.0.113.7' }),
      expect.objectContaining({ status: 401, ip: '203.0.113.7' }),
      expect.objectContaining({ status: 401, ip: '198.51.100.2' }),
    ]);
    expect(requests()[0].quiet).toMatch(/for 10 min are counted, not logged/);
    expect(requests()[0]).not.toHaveProperty('repeats');
    expect(lines.join('\n')).not.toContain(token.secret);
    expect(lines.join('\n')).not.toContain('cdt_typo');

    // Ten minutes after its first line, the next refusal is logged with the four not logged.
    at = new Date('2026-11-16T02:10:00Z');
    await poll(token.secret);
    expect(requests()).toHaveLength(4);
    expect(requests()[3]).toMatchObject({ status: 401, ip: '203.0.113.7', repeats: 4 });
    // Other failures are not held back.
    await app.request('/nope');
    await app.request('/nope');
    expect(requests().filter((r) => r.status === 404)).toHaveLength(2);
  });

  it('LOG_REQUESTS=all (production) keeps a line for every refused poll', async () => {
    const lines: string[] = [];
    const app = createApp({
      db: ctx.db,
      policy: defaultPolicy,
      log: createLogger((l) => lines.push(l)),
      config: { widgetDir: '/nonexistent' },
    });
    for (let i = 0; i < 3; i++)
      await app.request('/api/v1/complaints', { headers: { authorization: 'Bearer cdt_x' } });
    expect(lines.map((l) => JSON.parse(l))).toEqual(
      Array(3).fill(expect.objectContaining({ status: 401 })),
    );
    expect(lines.join('')).not.toContain('repeats');
  });
});

describe('schema and OpenAPI', () => {
  const app = testApp({ pool: undefined as never, kind: 'pglite' });

  it('GET /schema is the JSON Schema of the submission, closed to unknown fields', async () => {
    const schema = (await (await app.request('/api/v1/schema')).json()) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'complainant', 'description', 'demand', 'readBackConfirmed']),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(
      (schema.properties as Record<string, { additionalProperties?: boolean }>).complainant!
        .additionalProperties,
    ).toBe(false);
  });

  it('GET /openapi.json is OpenAPI 3.1 with the generated schemas and every route', async () => {
    const doc = (await (await app.request('http://desk.test/api/v1/openapi.json')).json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]!.url).toBe('http://desk.test/api/v1');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'ComplaintSubmission',
        'Event',
        'Complaint',
        'IntakeAnswer',
        'Errors',
      ]),
    );
    for (const schema of Object.values(doc.components.schemas))
      expect(schema.$schema).toBeUndefined();
    // Every $ref points into the document.
    for (const ref of JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []) {
      const name = ref.slice(ref.lastIndexOf('/') + 1, -1);
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/intake',
        '/sync',
        '/complaints',
        '/complaints/{id}',
        '/complaints/{id}/events',
        '/complaints/{id}/attachments/{attachmentId}',
        '/healthz',
      ]),
    );
  });
});

describe('static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'cd-widget-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const app = (dir: string) =>
    testApp({ pool: undefined as never, kind: 'pglite' }, { config: { widgetDir: dir } });

  it('serves the built widget and the demo page', async () => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist/complaint-form.js'), 'export const x = 1;');
    mkdirSync(join(root, 'demo'), { recursive: true });
    writeFileSync(join(root, 'demo/index.html'), '<complaint-form></complaint-form>');
    writeFileSync(join(root, 'demo/demo.css'), 'body{}');
    writeFileSync(join(root, 'demo/server.ts'), 'secret');
    const js = await app(root).request('/widget/complaint-form.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toBe('export const x = 1;');
    const page = await app(root).request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<complaint-form>');
    const css = await app(root).request('/demo/demo.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await app(root).request('/demo/server.ts')).status).toBe(404);
    // Built: a wrong path is not "not built yet".
    const wrong = await app(root).request('/widget/');
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).not.toContain('not been built');
  });

  it('answers the browser’s favicon request without a failure to log', async () => {
    const lines: string[] = [];
    const quiet = createApp({
      db: { pool: undefined as never, kind: 'pglite' },
      policy: defaultPolicy,
      log: createLogger((l) => lines.push(l)),
      config: { widgetDir: root, logRequests: 'problems' },
    });
    const icon = await quiet.request('/favicon.ico');
    expect(icon.status).toBe(204);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(lines).toEqual([]);
  });

  it('lets any page load the widget; sends the secure headers everywhere; compresses', async () => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist/big.js'), `export const x = '${'a'.repeat(4096)}';`);
    const js = await app(root).request('/widget/big.js', {
      headers: { 'accept-encoding': 'gzip', 'x-request-id': 'from-the-caller' },
    });
    expect(js.status).toBe(200);
    expect(js.headers.get('access-control-allow-origin')).toBe('*');
    expect(js.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(js.headers.get('cache-control')).toBe('public, max-age=300');
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(js.headers.get('x-request-id')).toBe('from-the-caller');
    const missing = await app(root).request('/widget/none.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    const api = await app(root).request('/api/v1/schema', {
      headers: { 'x-request-id': 'no spaces allowed' },
    });
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(api.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends a file’s precompressed copy as it is (the widget build writes .br and .gz)', async () => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    const source = `export const x = '${'b'.repeat(4096)}';`;
    writeFileSync(join(root, 'dist/pre.js'), source);
    writeFileSync(join(root, 'dist/pre.js.br'), brotliCompressSync(source));
    writeFileSync(join(root, 'dist/pre.js.gz'), gzipSync(source));
    const ask = (encoding: string) =>
      app(root).request('/widget/pre.js', { headers: { 'accept-encoding': encoding } });
    const br = await ask('gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toContain('text/javascript');
    expect(br.headers.get('cache-control')).toBe('public, max-age=300');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(source);
    const gz = await ask('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(source);
    const plain = await ask('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(source);
  });

  it('answers 404 with a clear message when nothing is built, and never leaves the folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cd-empty-'));
    try {
      const page = await app(empty).request('/');
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('npm run build');
      const js = await app(empty).request('/widget/complaint-form.js');
      expect(js.status).toBe(404);
      expect(await js.text()).toContain('not been built');
    } finally {
      rmSync(empty, { recursive: true });
    }
    for (const path of [
      '/widget/../../etc/passwd',
      '/widget/%2e%2e/%2e%2e/etc/passwd',
      '/widget/..%2fpackage.json',
      '/widget/%E0%A4%A',
    ]) {
      expect((await app(root).request(path)).status, path).toBe(404);
    }
  });
});
