import { browser } from 'wxt/browser';
import { loadSyncConfig, onSyncConfigChanged } from '../sync/config';
import { SYNC_ALARM } from '../sync/service';
import { type Fetch, loadActivePolicy, refreshPolicy, watchActivePolicy } from './active-policy';

/**
 * The background keeps the server's policy current in team mode: at start, on every sync alarm
 * (a 304 costs one small request) and when the team settings change. Without a server the last
 * policy received stays in force (offline use).
 */
export function startPolicyRefresh(
  fetch: Fetch = (input, init) => globalThis.fetch(input, init),
  /** A new policy arrived: the stored snapshots were folded under the old one. */
  onUpdated?: () => Promise<unknown>,
): () => void {
  const run = async () => {
    const config = await loadSyncConfig();
    if (config && (await refreshPolicy(config, fetch)) === 'updated') await onUpdated?.();
  };
  const kick = () => void run().catch(() => undefined);
  void loadActivePolicy();
  const unwatch = watchActivePolicy();
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === SYNC_ALARM) kick();
  };
  try {
    browser.alarms.onAlarm.addListener(onAlarm);
  } catch {
    // no alarms here: start and settings changes remain
  }
  const stopConfig = onSyncConfigChanged(kick);
  kick();
  return () => {
    unwatch();
    stopConfig();
    try {
      browser.alarms.onAlarm.removeListener(onAlarm);
    } catch {
      // nothing registered
    }
  };
}
