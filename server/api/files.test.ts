import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { bearer, postJson, pushEvent, testApp } from '../../test/support/server';
import { MAX_FILE_BYTES } from './files';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 9, 9]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1]);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(databases)('captured files on $name', (target) => {
  const ctx = useDatabase(target);

  async function synced() {
    const app = testApp(ctx.db);
    const agent = await bearer(ctx.db.pool, 'agent');
    const id = randomUUID();
    const captured = pushEvent('captured', id, {
      draft: { channel: 'web_page', description: 'The kettle leaks from the base.' },
    });
    const res = await postJson(app, 'http://desk.test/api/v1/sync', { events: [captured] }, agent);
    expect(res.status).toBe(200);
    return { app, agent, id };
  }

  const put = (
    app: ReturnType<typeof testApp>,
    headers: Record<string, string>,
    id: string,
    bytes: Uint8Array,
    hash = sha(bytes),
  ) =>
    app.request(`http://desk.test/api/v1/complaints/${id}/files/${hash}`, {
      method: 'PUT',
      headers: {
        ...headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('截图 screenshot.jpg'),
      },
      body: bytes as BodyInit,
    });

  it('stores a screenshot once: 201, then 200 on retry, one row; HEAD and GET find it', async () => {
    const { app, agent, id } = await synced();
    const url = `http://desk.test/api/v1/complaints/${id}/files/${sha(JPEG)}`;
    expect((await app.request(url, { method: 'HEAD', headers: agent })).status).toBe(404);
    const first = await put(app, agent, id, JPEG);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      sha256: sha(JPEG),
      type: 'image/jpeg',
      size: JPEG.length,
    });
    expect((await put(app, agent, id, JPEG)).status).toBe(200);
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM capture_files');
    expect(rows[0].n).toBe(1);
    expect((await app.request(url, { method: 'HEAD', headers: agent })).status).toBe(200);
    const got = await app.request(url, { headers: agent });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(JPEG);
  });

  it('the type is what the bytes are: HTML sent as a screenshot is refused (415)', async () => {
    const { app, agent, id } = await synced();
    const res = await put(app, agent, id, HTML);
    expect(res.status).toBe(415);
    const body = (await res.json()) as { errors: { code: string }[] };
    expect(body.errors[0]!.code).toBe('intake.fileType');
    expect((await put(app, agent, id, PNG)).status).toBe(201);
  });

  it('a damaged upload (hash mismatch) is refused with a localized message', async () => {
    const { app, agent, id } = await synced();
    const res = await put(app, { ...agent, 'accept-language': 'zh-CN' }, id, JPEG, sha(PNG));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { code: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({ code: 'file.hashMismatch' });
    expect(body.errors[0]!.message).toContain('SHA-256');
    expect(body.errors[0]!.message).toContain('上传已损坏');
  });

  it('over the size limit: 413, nothing stored', async () => {
    const { app, agent, id } = await synced();
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(JPEG);
    expect((await put(app, agent, id, big)).status).toBe(413);
    const { rows } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM capture_files');
    expect(rows[0].n).toBe(0);
  });

  it('a complaint the server does not know yet: 404 (the client retries after the next sync)', async () => {
    const { app, agent } = await synced();
    expect((await put(app, agent, randomUUID(), JPEG)).status).toBe(404);
  });

  it('needs a token', async () => {
    const { app, id } = await synced();
    expect((await put(app, {}, id, JPEG)).status).toBe(401);
  });
});
