import { browser } from 'wxt/browser';
import { extensionUrl } from '../messaging/url';
import { openDb, requestPersistence } from '../db/database';
import {
  type BackgroundT as T,
  backgroundTKey as tKey,
  backgroundTranslator as translator,
} from '../i18n/background';
import { onMessages } from '../messaging';
import { type NewEvent, appendEvents, rebuildSnapshots } from '../db/log';
import { syncWebmailButton } from '../permissions/webmail-button';
import { loadSettings, onSettingsChanged, resolveLocale } from '../settings/settings';
import { onCallContact } from '../policy/active-policy';
import { startPolicyRefresh } from '../policy/refresh';
import { migrateSyncToken } from '../sync/config';
import { startSyncService } from '../sync/service';
import { loadSyncConfig } from '../sync/config';
import { derivesEscalations, readSyncState } from '../sync/engine';
import { startAlerts } from './alerts';
import { createCaptureService } from './capture-service';
import type { CaptureAck, CaptureRequest, TabInfo } from './capture-types';
import { createClipPipeline } from './clip-pipeline';
import { CaptureJournal } from './journal';
import { registerMenus, requestFromMenu } from './menus';
import { openRegistration } from './panel';
import { installE2eChannel } from './e2e-channel';
import { TEST_HOOKS } from './test-hooks';
import { localHtmlSanitizer } from './local-sanitizer';
import { createHtmlSanitizeHost } from './sanitize-host';
import { screenshotTab } from './screenshot';
import { snapshotTab } from './snapshot-tab';

const RETRY_ALARM = 'capture-retry';

async function currentT(): Promise<T> {
  return translator(resolveLocale((await loadSettings()).locale));
}

async function activeTab(tabId?: number): Promise<TabInfo> {
  const tab =
    tabId !== undefined
      ? await browser.tabs.get(tabId)
      : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (tab?.id === undefined) throw new Error('ext.error.noTab');
  return { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title };
}

/** Badges, alarms and notifications are courtesies: the popup shows the same state if they fail. */
async function courtesy(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch {
    // not available here (or the fake browser in unit tests)
  }
}

const notify = (id: string, title: string, message: string) =>
  courtesy(() =>
    browser.notifications.create(id, {
      type: 'basic',
      iconUrl: extensionUrl('/icon/128.png'),
      title,
      message,
    }),
  );
const badge = (text: string) =>
  courtesy(() =>
    (
      browser.action ??
      (browser as unknown as { browserAction: typeof browser.action }).browserAction
    ).setBadgeText({ text }),
  );

/** Wires capture, database and messaging together; the entrypoint only calls this. */
export function startBackground() {
  const journal = new CaptureJournal(browser.storage.session, browser.storage.local);
  const actor = async () => {
    const s = await loadSettings();
    return { id: s.userId, name: s.userName || 'Agent', role: s.role };
  };
  const service = createCaptureService({
    db: () => openDb(),
    journal,
    pipeline: createClipPipeline(),
    actor,
    screenshot: async (tab, request) =>
      screenshotTab(tab, request, (await loadSettings()).screenshot),
    reportFailure: async (reason, entry) => {
      const t = await currentT();
      await badge('!');
      await courtesy(() => browser.alarms.create(RETRY_ALARM, { periodInMinutes: 1 }));
      await notify(
        `failed-${entry.id}`,
        t('ext.notify.failedTitle'),
        tKey(resolveLocale((await loadSettings()).locale), reason),
      );
    },
    afterCommit: async (ack: CaptureAck) => {
      const status = await service.status();
      // Saved: the alerts tick owns the badge again (and alerts an L3/L4 registration at once).
      if (status.failed) await badge('!');
      else void alerts.tick().catch(() => undefined);
      if (ack.effects.includes('alertOnCall')) {
        const settings = await loadSettings();
        const t = translator(resolveLocale(settings.locale));
        await notify(
          `oncall-${ack.complaintId}`,
          t('ext.notify.savedTitle'),
          t('ext.panel.alertOnCall', { contact: onCallContact(settings.onCallContact) }),
        );
      }
      if (ack.needsReview && !ack.duplicate) {
        const t = await currentT();
        await notify(
          `review-${ack.complaintId}`,
          t('ext.notify.reviewTitle'),
          t('ext.notify.review'),
        );
      }
    },
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  });

  async function capture(request: CaptureRequest, tabId?: number): Promise<CaptureAck> {
    const tab = await activeTab(tabId ?? request.tabId);
    const ack = await service.capture(request, tab);
    // Low confidence: an editable preview instead of a silent save.
    if (ack.needsReview)
      await openRegistration(ack.complaintId, { tabId: tab.id }, browser.sidePanel === undefined);
    return ack;
  }

  const alerts = startAlerts({
    db: () => openDb(),
    settings: loadSettings,
    captureFailed: async () => (await service.status()).failed > 0,
    // Solo mode, or team mode while out of step with the server; otherwise the server's job owns it.
    deriveEscalations: async () =>
      derivesEscalations((await loadSyncConfig())?.serverUrl, await readSyncState(openDb())),
  });
  const ready = service.resume().catch(() => undefined);
  void requestPersistence();
  // A token an earlier version kept where content scripts can read it moves out at once.
  void migrateSyncToken().catch(() => undefined);
  const sync = startSyncService({
    db: openDb(),
    sanitizeHtml: createHtmlSanitizeHost(localHtmlSanitizer),
    locale: async () => resolveLocale((await loadSettings()).locale),
  });
  // Snapshots carry the policy's severity and deadlines: a new policy folds them again.
  startPolicyRefresh(undefined, () => rebuildSnapshots(openDb(), new Date()));

  // Serialized: two overlapping rebuilds would create duplicate ids.
  let menus: Promise<void> = Promise.resolve();
  let menuLocale: string | undefined;
  const rebuildMenus = (force: boolean) => {
    menus = menus
      .then(async () => {
        const locale = resolveLocale((await loadSettings()).locale);
        if (!force && locale === menuLocale) return;
        menuLocale = locale;
        await registerMenus(translator(locale));
      })
      .catch(() => undefined);
    return menus;
  };
  browser.runtime.onInstalled.addListener(() => void rebuildMenus(true));
  const webmail = () => void courtesy(syncWebmailButton);
  webmail();
  browser.permissions.onAdded.addListener(webmail);
  browser.permissions.onRemoved.addListener(webmail);
  onSettingsChanged(() => void rebuildMenus(false));
  const onMenuClick = (
    info: { menuItemId: string | number; linkUrl?: string; srcUrl?: string },
    tab?: { id?: number },
  ) => {
    const request = requestFromMenu(info);
    return request ? ready.then(() => capture(request, tab?.id)) : Promise.resolve(undefined);
  };
  const onCommand = (command: string, tab?: { id?: number }) =>
    command === 'capture'
      ? ready.then(() => capture({ trigger: 'command' }, tab?.id))
      : Promise.resolve(undefined);
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void onMenuClick(info, tab).catch(() => undefined),
  );
  browser.commands.onCommand.addListener(
    (command, tab) => void onCommand(command, tab).catch(() => undefined),
  );
  // Automation cannot click menus or press commands: browser tests call these same listeners.
  // `act` is the case view's path for one action (the user as actor, the shared workflow as
  // judge), for browser tests that cannot drive every form.
  const act = async (complaintId: string, type: string, payload: Record<string, unknown>) => {
    const now = new Date();
    const event = { id: crypto.randomUUID(), complaintId, type, at: now.toISOString(), payload };
    return appendEvents(openDb(), complaintId, [{ ...event, actor: await actor() }], { now });
  };
  if (TEST_HOOKS)
    (globalThis as { __complaintDesk?: unknown }).__complaintDesk = {
      onMenuClick,
      onCommand,
      service,
      sync,
      act,
      alerts,
      // Seeds a browser test's database through the same append path (fold, snapshot, columns).
      append: (complaintId: string, events: NewEvent[]) =>
        appendEvents(openDb(), complaintId, events, { now: new Date() }),
    };
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== RETRY_ALARM) return;
    const { failed } = await service.resume();
    if (failed === 0) await courtesy(() => browser.alarms.clear(RETRY_ALARM));
  });
  // Replaced at build time: production builds drop the channel.
  if (TEST_HOOKS) installE2eChannel(actor);
  onMessages({
    'capture.request': async (req, sender) => {
      await ready;
      return capture(req, req.tabId ?? (sender.tab?.id as number | undefined));
    },
    'capture.retry': async () => {
      await service.resume();
      return service.status();
    },
    'queue.status': async () => {
      await ready;
      return service.status();
    },
    'sync.now': () => sync.syncNow(),
    'webmail.labels': async () => {
      const t = await currentT();
      return {
        clip: t('ext.webmail.clip'),
        clipped: t('ext.webmail.clipped'),
        notClipped: t('ext.webmail.notClipped'),
      };
    },
    'capture.snapshot': async ({ url }) => snapshotTab(url),
    'panel.open': async (req, sender) => {
      const where = sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {};
      const opened = await openRegistration(req.complaintId, where);
      return { opened: opened === 'sidepanel' ? 'sidepanel' : 'tab' };
    },
  });
  return { service, capture, ready, onMenuClick, onCommand, sync, alerts };
}
