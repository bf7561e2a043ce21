import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { type Fetch, listen, teamServer } from '../../test/team-server';
import { appendEvents } from '../db/log';
import { COMPLETE_DRAFT, NOW, capturedEvent, freshDb } from '../../test/support/extension/fixtures';
import { SyncError, httpTransport, testConnection } from './client';
import { parseServerUrl } from './config';
import { SyncEngine } from './engine';

const SERVER = 'https://desk.test';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('parseServerUrl', () => {
  it.each([
    ['https://desk.example.com', 'https://desk.example.com'],
    ['  https://desk.example.com/  ', 'https://desk.example.com'],
    ['http://127.0.0.1:8787/api/v1/sync', 'http://127.0.0.1:8787'],
    ['https://example.com/desk/api/v1', 'https://example.com/desk'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://[::1]:8787/', 'http://[::1]:8787'],
  ])('%s → %s', (input, url) => {
    expect(parseServerUrl(input)).toEqual({ ok: true, url });
  });
  it.each(['desk.example.com', 'ftp://desk.example.com', 'https://user:pw@desk.example.com', ''])(
    'refuses %j',
    (input) => {
      expect(parseServerUrl(input)).toEqual({ ok: false, reason: 'ext.sync.error.url' });
    },
  );
  it.each(['http://desk.example.com', 'http://192.168.1.5:8787', 'http://localhost.evil.example'])(
    'refuses plain http to another machine: %s',
    (input) => {
      expect(parseServerUrl(input)).toEqual({ ok: false, reason: 'ext.sync.error.insecure' });
    },
  );
});

describe('a token over plain http', () => {
  it('is never sent to another machine, whatever the caller was given', async () => {
    const fetch = vi.fn<Fetch>(async () => json({ status: 'ok' }));
    const opts = { serverUrl: 'http://desk.example.com', token: 'cdt_secret', fetch };
    await expect(httpTransport(opts).sync({ cursor: null, events: [] })).rejects.toMatchObject({
      reason: 'ext.sync.error.insecure',
    });
    expect(await testConnection(opts)).toMatchObject({
      ok: false,
      reason: 'ext.sync.error.insecure',
      step: 'auth',
    });
    // Only the health check, which carries no token, went out.
    expect(
      fetch.mock.calls.map(
        ([, init]) => (init?.headers as Record<string, string> | undefined)?.authorization,
      ),
    ).toEqual([undefined]);
  });
});

describe('httpTransport', () => {
  const call = (fetch: Fetch) =>
    httpTransport({ serverUrl: SERVER, token: 't', fetch }).sync({ cursor: null, events: [] });

  it.each([
    [401, 'ext.sync.error.auth'],
    [403, 'ext.sync.error.forbidden'],
    [404, 'ext.sync.error.notFound'],
    [413, 'ext.sync.error.tooLarge'],
    [429, 'ext.sync.error.busy'],
    [500, 'ext.sync.error.server'],
    [503, 'ext.sync.error.server'],
    [400, 'ext.sync.error.refused'],
  ])("HTTP %d → %s, with the server's words", async (status, reason) => {
    const err = await call(async () =>
      json({ errors: [{ path: '', code: 'x', message: 'Server says no.' }] }, status),
    ).catch((e: SyncError) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect(err).toMatchObject({ reason, status, params: { message: 'Server says no.' } });
  });

  it('tells a network failure, a timeout and an answer it cannot read apart', async () => {
    await expect(
      call(async () => Promise.reject(new TypeError('fetch failed'))),
    ).rejects.toMatchObject({
      reason: 'ext.sync.error.network',
    });
    const slow = httpTransport({
      serverUrl: SERVER,
      token: 't',
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    await expect(slow.sync({ cursor: null, events: [] })).rejects.toMatchObject({
      reason: 'ext.sync.error.timeout',
    });
    await expect(call(async () => new Response('<html>proxy</html>'))).rejects.toMatchObject({
      reason: 'ext.sync.error.badAnswer',
    });
    await expect(call(async () => json({ accepted: 'all' }))).rejects.toMatchObject({
      reason: 'ext.sync.error.badAnswer',
    });
  });

  it('sends the bearer token and the language, and only the event fields the server takes', async () => {
    const fetch = vi.fn(async () => json({ accepted: [], rejected: [], events: [], cursor: '0' }));
    const t = httpTransport({ serverUrl: SERVER, token: 'cdt_abc', fetch, locale: 'zh-CN' });
    await t.sync({ cursor: '5', events: [] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${SERVER}/api/v1/sync`);
    expect(init.headers).toMatchObject({
      authorization: 'Bearer cdt_abc',
      'accept-language': 'zh-CN',
    });
    expect(JSON.parse(String(init.body))).toEqual({ cursor: '5', events: [] });
  });
});

describe('batches', () => {
  it('halves a batch the server finds too large (413) and carries on', async () => {
    const db = freshDb();
    for (let i = 0; i < 8; i++) {
      const id = randomUUID();
      await appendEvents(db, id, [capturedEvent(randomUUID(), id, COMPLETE_DRAFT)], { now: NOW });
    }
    const sizes: number[] = [];
    const fetch: Fetch = async (_input, init) => {
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      sizes.push(events.length);
      if (events.length > 3) return json({ errors: [] }, 413);
      return json({ accepted: events.map((e) => e.id), rejected: [], events: [], cursor: '0' });
    };
    const engine = new SyncEngine({
      db,
      target: async () => ({
        transport: httpTransport({ serverUrl: SERVER, token: 't', fetch }),
        server: SERVER,
      }),
    });
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 8 });
    expect(sizes).toEqual([8, 4, 2, 2, 2, 2]);
    expect(await db.events.where('pending').equals(1).count()).toBe(0);
  });

  it('bounds a batch by size as well as by count', async () => {
    const db = freshDb();
    for (let i = 0; i < 6; i++) {
      const id = randomUUID();
      const draft = { ...COMPLETE_DRAFT, description: `${i} ${'x'.repeat(3_000)}` };
      await appendEvents(db, id, [capturedEvent(randomUUID(), id, draft)], { now: NOW });
    }
    const sizes: number[] = [];
    const fetch: Fetch = async (_input, init) => {
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      sizes.push(events.length);
      return json({ accepted: events.map((e) => e.id), rejected: [], events: [], cursor: '0' });
    };
    const engine = new SyncEngine({
      db,
      batchBytes: 8_000,
      target: async () => ({
        transport: httpTransport({ serverUrl: SERVER, token: 't', fetch }),
        server: SERVER,
      }),
    });
    expect(await engine.sync()).toMatchObject({ ok: true, pushed: 6 });
    expect(sizes).toEqual([2, 2, 2]);
  });

  it('runs one sync at a time; a trigger during a run makes it go round once more', async () => {
    const db = freshDb();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const fetch: Fetch = async (_input, init) => {
      calls += 1;
      if (calls === 1) await gate;
      const { events } = JSON.parse(String(init?.body)) as { events: { id: string }[] };
      return json({ accepted: events.map((e) => e.id), rejected: [], events: [], cursor: '0' });
    };
    const engine = new SyncEngine({
      db,
      target: async () => ({
        transport: httpTransport({ serverUrl: SERVER, token: 't', fetch }),
        server: SERVER,
      }),
    });
    const first = engine.sync();
    await vi.waitFor(() => expect(calls).toBe(1));
    const id = randomUUID();
    await appendEvents(db, id, [capturedEvent(randomUUID(), id, COMPLETE_DRAFT)], { now: NOW });
    const second = engine.sync();
    const third = engine.sync();
    release();
    expect(await first).toMatchObject({ ok: true, pushed: 1 });
    expect(await second).toBe(await first);
    expect(await third).toBe(await first);
    expect(calls).toBe(2);
    expect(await db.events.where('pending').equals(1).count()).toBe(0);
  });
});

describe.each(databases)('testConnection against the server on $name', (target) => {
  const ctx = useDatabase(target);

  it('checks health, then the token, over real HTTP on 127.0.0.1', async () => {
    const server = teamServer(ctx.db);
    const http = await listen(server.app);
    try {
      const fetch: Fetch = (input, init) => globalThis.fetch(input, init);
      const token = await server.token('supervisor', 'Li Na');
      const ok = await testConnection({ serverUrl: http.url, token, fetch });
      expect(ok.ok).toBe(true);
      // GET /me names the token where the server has it (reported if not).
      if (ok.ok && ok.identity) expect(ok.identity).toEqual({ name: 'Li Na', role: 'supervisor' });
      expect(await testConnection({ serverUrl: http.url, token: 'cdt_nope', fetch })).toEqual({
        ok: false,
        reason: 'ext.sync.error.auth',
        step: 'auth',
        status: 401,
      });
      expect(
        await testConnection({ serverUrl: `${http.url}/nothing-here`, token, fetch }),
      ).toMatchObject({
        ok: false,
        step: 'health',
      });
    } finally {
      await http.close();
    }
    const refused = await testConnection({
      serverUrl: http.url,
      token: 'x',
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    expect(refused).toMatchObject({ ok: false, reason: 'ext.sync.error.network', step: 'health' });
  });
});
