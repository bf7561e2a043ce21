import type { Role } from '@shared/schema/codes';
import { browser } from 'wxt/browser';

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

/** The stored configuration; undefined in local mode (no server URL or no token). */
export async function loadSyncConfig(): Promise<SyncConfig | undefined> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<SyncConfig> | undefined;
  if (!stored?.serverUrl || !stored.token) return undefined;
  return stored as SyncConfig;
}

/** What the options form shows (possibly incomplete). */
export async function loadSyncForm(): Promise<Partial<SyncConfig>> {
  return ((await browser.storage.local.get(KEY))[KEY] as Partial<SyncConfig> | undefined) ?? {};
}

export async function saveSyncConfig(config: Partial<SyncConfig>): Promise<void> {
  await browser.storage.local.set({ [KEY]: config });
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
 * The server URL as typed by a person: http(s) only, no credentials, query or fragment; a pasted
 * `/api/v1…` suffix and trailing slashes are dropped.
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
  const path = url.pathname.replace(/\/api\/v1(\/.*)?$/, '').replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/** The optional host permission that lets the extension call the server (any port). */
export function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
