/**
 * The background's triggers with the fake browser and the real server: on start, after a local
 * change (debounced), on the alarm tick, when the options change; a missing host permission is
 * an error the popup shows, not a silent stop.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { databases, useDatabase } from '../../test/pg';
import { type Fetch, teamServer } from '../../test/team-server';
import { appendEvents } from '../db/log';
import { COMPLETE_DRAFT, NOW, capturedEvent, freshDb } from '../../test/support/extension/fixtures';
import { saveSyncConfig } from './config';
import { readSyncState } from './engine';
import { SYNC_ALARM, startSyncService } from './service';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const SERVER = 'https://desk.test';

describe.each(databases)('sync service on $name', (target) => {
  const ctx = useDatabase(target);
  let stop: (() => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no permissions API: the e2e build's host permission, granted.
    (fakeBrowser as unknown as { permissions: unknown }).permissions = {
      contains: vi.fn(async () => true),
    };
  });
  afterEach(() => stop?.());

  async function start(fetch: Fetch) {
    const db = freshDb();
    const service = startSyncService({ db, locale: async () => 'en', fetch, debounceMs: 20 });
    stop = service.stop;
    return { db, service };
  }

  it('is idle in local mode', async () => {
    const calls: string[] = [];
    const { service } = await start(async (input) => {
      calls.push(input);
      return new Response('{}');
    });
    expect(await service.syncNow()).toEqual({ ok: false, reason: 'ext.sync.off' });
    expect(calls).toEqual([]);
  });

  it('syncs on start, after a local change, on the alarm, and when the options change', async () => {
    const server = teamServer(ctx.db);
    const calls: string[] = [];
    const fetch: Fetch = (input, init) => {
      calls.push(input);
      return server.fetch(input, init);
    };
    await saveSyncConfig({ serverUrl: SERVER, token: await server.token('agent') });
    const { db } = await start(fetch);
    await expect.poll(async () => (await readSyncState(db)).lastSyncAt).toBeDefined();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 1 });

    // A capture in any context: pushed shortly after, without anyone asking.
    const id = randomUUID();
    await appendEvents(db, id, [capturedEvent(randomUUID(), id, COMPLETE_DRAFT)], { now: NOW });
    await expect.poll(() => db.events.where('pending').equals(1).count()).toBe(0);
    const { rows } = await ctx.db.pool.query('SELECT id FROM complaints');
    expect(rows.map((r) => r.id)).toEqual([id]);

    // Another device's work arrives on the next tick.
    const other = randomUUID();
    const res = await server.fetch(`${SERVER}/api/v1/sync`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await server.token('agent', 'Zhou')}`,
      },
      body: JSON.stringify({
        events: [
          {
            ...capturedEvent(randomUUID(), other, COMPLETE_DRAFT),
            actor: { id: 'z', name: 'Zhou', role: 'agent' },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now() });
    await expect.poll(() => db.complaints.get(other)).toBeDefined();

    // A new token in the options: the failure count is forgotten and it syncs at once.
    await saveSyncConfig({ serverUrl: SERVER, token: 'cdt_revoked' });
    await expect
      .poll(async () => (await readSyncState(db)).lastError?.reason)
      .toBe('ext.sync.error.auth');
    const before = calls.length;
    const failedAt = (await readSyncState(db)).lastAttemptAt!;
    await saveSyncConfig({ serverUrl: SERVER, token: await server.token('agent') });
    await expect.poll(async () => (await readSyncState(db)).lastSyncAt! > failedAt).toBe(true);
    expect(calls.length).toBeGreaterThan(before);
    expect(await readSyncState(db)).toMatchObject({ failures: 0 });
  });

  it('reports a missing host permission instead of calling the server', async () => {
    const server = teamServer(ctx.db);
    const calls: string[] = [];
    (fakeBrowser as unknown as { permissions: unknown }).permissions = {
      contains: vi.fn(async () => false),
    };
    await saveSyncConfig({ serverUrl: SERVER, token: await server.token('agent') });
    const { db, service } = await start(async (input, init) => {
      calls.push(input);
      return server.fetch(input, init);
    });
    const outcome = await service.syncNow();
    expect(outcome).toMatchObject({ ok: false, reason: 'ext.sync.error.permission' });
    expect((await readSyncState(db)).lastError?.reason).toBe('ext.sync.error.permission');
    expect(calls).toEqual([]);
  });
});
