/**
 * The alerts alarm: every minute `alarmTick` (alarm.ts) sets the toolbar badge
 * and shows the desktop notifications due, remembered in `storage.local` so a restarted worker
 * never repeats one. Clicking an alert opens its case. Decisions are shared/alerts'; this file
 * only hands it the browser.
 */
import type { Badge } from '@shared/alerts/badge';
import { complaintOfAlert } from '@shared/alerts/index';
import { browser } from 'wxt/browser';
import type { ComplaintDb } from '../db/database';
import { extensionUrl } from '../messaging/url';
import { alarmTick, storageSentStore } from './alarm';
import { onCallContact } from '../policy/active-policy';
import { type Settings, resolveLocale } from '../settings/settings';

export const ALERT_ALARM = 'review-alerts';
/** `since` (alerting switched on: first start after install) and the previous tick. */
export const ALERT_STATE_KEY = 'alerts.state';

interface AlertState {
  since: string;
  lastTick: string;
}

type ActionApi = Pick<
  typeof browser.action,
  'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'
>;
const action = (): ActionApi =>
  browser.action ?? (browser as unknown as { browserAction: ActionApi }).browserAction;

async function courtesy(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch {
    // not available in this browser (or the fake browser)
  }
}

export interface AlertsDeps {
  db: () => ComplaintDb;
  settings: () => Promise<Settings>;
  now?: () => Date;
  /** A failed capture owns the badge ("!") until it is saved. */
  captureFailed?: () => Promise<boolean>;
  /** Whether this tick derives the automatic escalations itself (no server to do it). */
  deriveEscalations?: () => Promise<boolean>;
}

/** Starts the one-minute alarm and the notification click handler; returns the tick (tests). */
export function startAlerts(deps: AlertsDeps) {
  const clock = deps.now ?? (() => new Date());

  async function setBadge(badge: Badge) {
    if (await deps.captureFailed?.().catch(() => false)) return;
    const a = action();
    await courtesy(() => a.setBadgeText({ text: badge.text }));
    await courtesy(() => a.setBadgeBackgroundColor({ color: badge.color }));
    await courtesy(() => a.setTitle({ title: badge.title }));
  }

  async function runTick() {
    const now = clock();
    const stored = (await browser.storage.local.get(ALERT_STATE_KEY))[ALERT_STATE_KEY] as
      | Partial<AlertState>
      | undefined;
    // First run (install): nothing that was due before now alerts, so a first start never floods.
    const since = stored?.since ? new Date(stored.since) : now;
    const lastTick = stored?.lastTick ? new Date(stored.lastTick) : since;
    const settings = await deps.settings();
    const onCall = onCallContact(settings.onCallContact);
    const result = await alarmTick({
      db: deps.db(),
      now,
      lastTick,
      since,
      locale: resolveLocale(settings.locale),
      sent: storageSentStore(browser.storage.local),
      setBadge,
      notify: (n, text) =>
        courtesy(() =>
          browser.notifications.create(n.id, {
            type: 'basic',
            iconUrl: extensionUrl('/icon/128.png'),
            title: text.title,
            message: text.message,
          }),
        ),
      ...(settings.alertClocks ? { clocks: settings.alertClocks } : {}),
      ...(onCall ? { onCallContact: onCall } : {}),
      escalate: (await deps.deriveEscalations?.().catch(() => false)) ?? false,
    });
    await browser.storage.local.set({
      [ALERT_STATE_KEY]: { since: since.toISOString(), lastTick: now.toISOString() },
    });
    return result;
  }

  // One tick at a time: two overlapping ticks could both send an alert before either saves it.
  let chain: Promise<unknown> = Promise.resolve();
  const tick = () => {
    const next = chain.then(runTick);
    chain = next.catch(() => undefined);
    return next;
  };

  /** Alert ids are `complaintId:topic:kind:round`; other notifications (capture) are not ours. */
  async function onNotificationClick(id: string) {
    if (!id.includes(':')) return false;
    const complaintId = complaintOfAlert(id);
    await browser.tabs.create({
      url: extensionUrl(`/case.html?id=${encodeURIComponent(complaintId)}`),
    });
    await courtesy(() => browser.notifications.clear(id));
    return true;
  }

  void courtesy(() => browser.alarms.create(ALERT_ALARM, { periodInMinutes: 1 }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALERT_ALARM) void tick().catch(() => undefined);
  });
  browser.notifications.onClicked.addListener((id) => void onNotificationClick(id));
  // A started worker refreshes the badge at once rather than a minute later.
  void tick().catch(() => undefined);
  return { tick, onNotificationClick };
}
