/**
 * Where the team token lives: the extension origin's IndexedDB (token-store.ts), never
 * storage.local, which content scripts can read; an earlier version's token moves out.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSyncConfig, loadSyncForm, migrateSyncToken, saveSyncConfig } from './config';
import { clearTokens } from './token-store';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const TOKEN = 'cdt_5ecret-token-value';
const local = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

beforeEach(async () => {
  fakeBrowser.reset();
  await clearTokens();
});

describe('team configuration', () => {
  it('keeps the token out of storage.local and gives it back to extension code', async () => {
    const identity = { name: 'Li Na', role: 'agent' as const };
    await saveSyncConfig({ serverUrl: 'https://desk.example', token: TOKEN, identity });
    expect(await local()).not.toContain(TOKEN);
    expect(await loadSyncConfig()).toEqual({
      serverUrl: 'https://desk.example',
      token: TOKEN,
      identity,
    });
    // A new token replaces the old one; stopping drops it.
    await saveSyncConfig({ serverUrl: 'https://desk.example', token: 'cdt_other' });
    expect((await loadSyncConfig())?.token).toBe('cdt_other');
    await saveSyncConfig({ serverUrl: 'https://desk.example' });
    expect(await loadSyncConfig()).toBeUndefined();
    expect(await loadSyncForm()).toEqual({ serverUrl: 'https://desk.example' });
  });

  it('moves a token an earlier version kept in storage.local into IndexedDB and deletes it there', async () => {
    await fakeBrowser.storage.local.set({
      teamSync: { serverUrl: 'https://desk.example', token: TOKEN },
      other: 1,
    });
    await migrateSyncToken();
    expect(await local()).not.toContain(TOKEN);
    expect(await fakeBrowser.storage.local.get('other')).toEqual({ other: 1 });
    expect(await loadSyncConfig()).toEqual({ serverUrl: 'https://desk.example', token: TOKEN });
    // Idempotent: a second start changes nothing.
    await migrateSyncToken();
    expect((await loadSyncConfig())?.token).toBe(TOKEN);
  });

  it('migrates on first read too (a page opened before the background ran)', async () => {
    await fakeBrowser.storage.local.set({
      teamSync: { serverUrl: 'http://127.0.0.1:8787', token: TOKEN },
    });
    expect((await loadSyncForm()).token).toBe(TOKEN);
    expect(await local()).not.toContain(TOKEN);
  });

  it('hands out no token for a plain-http address of another machine (stored by an earlier version)', async () => {
    await fakeBrowser.storage.local.set({
      teamSync: { serverUrl: 'http://desk.example', token: TOKEN },
    });
    expect(await loadSyncConfig()).toBeUndefined();
    // The options page still shows what was stored, so the address can be corrected.
    expect(await loadSyncForm()).toEqual({ serverUrl: 'http://desk.example', token: TOKEN });
    await saveSyncConfig({ serverUrl: 'http://localhost:8787', token: TOKEN });
    expect((await loadSyncConfig())?.token).toBe(TOKEN);
  });
});
