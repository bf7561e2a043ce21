import type { Role } from '@shared/schema/codes';
import { browser } from 'wxt/browser';
import { mayCarryToken } from './server-url';
import { clearTokens, getToken, putToken } from './token-store';

/** Team mode: where the server is and the token this device uses (options page). */
export interface SyncConfig {
  /** Origin (and path prefix, if any) of the server, without a trailing slash or `/api/v1`. */
  serverUrl: string;
  token: string;
  /** Who the token is, as the server said (GET /api/v1/me) at the last connection test. */
  identity?: TeamIdentity;
}

export interface TeamIdentity {
  name: string;
  role: Role;
}

const KEY = 'teamSync';
/** Where a token kept in storage.local by an earlier version goes (two contexts migrating at
 * once write the same row). */
const MIGRATED_REF = 'migrated';

/** What storage.local holds: never the token, which content scripts could read there. */
interface StoredSync {
  serverUrl?: string;
  identity?: TeamIdentity;
  /** The token's key in token-store.ts. */
  tokenRef?: string;
  /** Where earlier versions kept the token; moved out by {@link readStored}. */
  token?: string;
}

async function readStored(): Promise<StoredSync> {
  const stored = ((await browser.storage.local.get(KEY))[KEY] as StoredSync | undefined) ?? {};
  if (stored.token === undefined) return stored;
  const { token, ...rest } = stored;
  const next: StoredSync = token
    ? { ...rest, tokenRef: await putToken(token, MIGRATED_REF) }
    : rest;
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Moves a token an earlier version kept in storage.local into the extension's IndexedDB. */
export async function migrateSyncToken(): Promise<void> {
  await readStored();
}

/**
 * The stored configuration; undefined in local mode (no server URL or no token), and for a
 * plain-http address of another machine (stored by an earlier version): the token is never
 * handed out to be sent in the clear.
 */
export async function loadSyncConfig(): Promise<SyncConfig | undefined> {
  const form = await loadSyncForm();
  if (!form.serverUrl || !form.token || !mayCarryToken(form.serverUrl)) return undefined;
  return form as SyncConfig;
}

/** What the options form shows (possibly incomplete). */
export async function loadSyncForm(): Promise<Partial<SyncConfig>> {
  const { serverUrl, identity, tokenRef } = await readStored();
  const token = tokenRef ? await getToken(tokenRef) : undefined;
  return {
    ...(serverUrl ? { serverUrl } : {}),
    ...(token ? { token } : {}),
    ...(identity ? { identity } : {}),
  };
}

export async function saveSyncConfig({ token, ...rest }: Partial<SyncConfig>): Promise<void> {
  let tokenRef: string | undefined;
  if (token) tokenRef = await putToken(token);
  else await clearTokens();
  await browser.storage.local.set({ [KEY]: { ...rest, ...(tokenRef ? { tokenRef } : {}) } });
}

export function onSyncConfigChanged(cb: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export type ParsedUrl = { ok: true; url: string } | { ok: false; reason: string };

/**
 * The server URL as typed by a person: https (http only on this computer), no credentials,
 * query or fragment; a pasted `/api/v1…` suffix and trailing slashes are dropped.
 */
export function parseServerUrl(input: string): ParsedUrl {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'ext.sync.error.url' };
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
    return { ok: false, reason: 'ext.sync.error.url' };
  }
  if (!mayCarryToken(url.href)) return { ok: false, reason: 'ext.sync.error.insecure' };
  const path = url.pathname.replace(/\/api\/v1(\/.*)?$/, '').replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/** The optional host permission that lets the extension call the server (any port). */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
