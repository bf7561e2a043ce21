import type { Locale } from '@shared/schema/codes';
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { SanitizeMany } from '../capture/synced-html';
import type { ComplaintDb } from '../db/database';
import { type Fetch, SyncError, type SyncTransport, httpTransport } from './client';
import { loadSyncConfig, onSyncConfigChanged, originPattern } from './config';
import { SyncEngine, type SyncOutcome } from './engine';
import { uploadFiles } from './files';

async function uploadAfterSync(db: ComplaintDb, fetch: Fetch): Promise<void> {
  const config = await loadSyncConfig();
  if (config && (await mayReach(config.serverUrl)))
    await uploadFiles(db, { serverUrl: config.serverUrl, token: config.token, fetch });
}

export const SYNC_ALARM = 'team-sync';
/** A burst of local changes (a capture, a bulk action) becomes one push. */
export const CHANGE_DEBOUNCE_MS = 1_500;

/** Whether the extension may call the server (the optional host permission, or e2e's grant). */
async function mayReach(serverUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(serverUrl)] });
  } catch {
    // No permissions API here (unit tests): let fetch decide.
    return true;
  }
}

export interface SyncServiceDeps {
  db: ComplaintDb;
  locale: () => Promise<Locale>;
  fetch?: Fetch;
  now?: () => Date;
  debounceMs?: number;
  /** DOMPurify for clip HTML from the server (the offscreen document on Chrome). */
  sanitizeHtml?: SanitizeMany;
}

/**
 * The background's sync triggers: on start, on the `team-sync` alarm (every minute), shortly
 * after local changes (a Dexie live query on the pending count sees every context's writes),
 * after a backoff wait, and when the options change. The engine keeps all state in Dexie, so a
 * restarted service worker simply starts again.
 */
export function startSyncService(deps: SyncServiceDeps) {
  const fetcher: Fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const engine = new SyncEngine({
    db: deps.db,
    now: deps.now,
    sanitizeHtml: deps.sanitizeHtml,
    target: async () => {
      const config = await loadSyncConfig();
      if (!config) return undefined;
      const http = httpTransport({
        serverUrl: config.serverUrl,
        token: config.token,
        fetch: fetcher,
        locale: await deps.locale(),
      });
      const transport: SyncTransport = {
        async sync(body) {
          if (!(await mayReach(config.serverUrl))) throw new SyncError('ext.sync.error.permission');
          return http.sync(body);
        },
      };
      return { transport, server: config.serverUrl };
    },
  });

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let changeTimer: ReturnType<typeof setTimeout> | undefined;

  async function run(force = false): Promise<SyncOutcome> {
    clearTimeout(retryTimer);
    const outcome = await engine.sync({ force });
    // Files after the events: the server needs the complaint first (sync/files.ts).
    if (outcome.ok) await uploadAfterSync(deps.db, fetcher).catch(() => undefined);
    // A short wait is kept by a timer while the worker lives; a longer one by the alarm tick.
    if (!outcome.ok && outcome.retryInMs !== undefined && outcome.retryInMs < 60_000) {
      retryTimer = setTimeout(() => void run().catch(() => undefined), outcome.retryInMs);
    }
    return outcome;
  }
  const kick = () => void run().catch(() => undefined);

  try {
    browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_ALARM) kick();
    });
  } catch {
    // no alarms here: the other triggers remain
  }

  let lastPending = -1;
  const pending = liveQuery(() => deps.db.events.where('pending').equals(1).count()).subscribe({
    next: (count) => {
      const grew = count > 0 && count > lastPending;
      lastPending = count;
      if (!grew) return;
      clearTimeout(changeTimer);
      changeTimer = setTimeout(kick, deps.debounceMs ?? CHANGE_DEBOUNCE_MS);
    },
    error: () => undefined,
  });

  const stopConfig = onSyncConfigChanged(() => {
    void engine
      .resetBackoff()
      .then(() => run(true))
      .catch(() => undefined);
  });

  kick();

  return {
    engine,
    /** The popup's "Sync now": ignores a running backoff wait. */
    syncNow: () => run(true),
    stop() {
      clearTimeout(retryTimer);
      clearTimeout(changeTimer);
      pending.unsubscribe();
      stopConfig();
    },
  };
}
