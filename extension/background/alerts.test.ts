import 'fake-indexeddb/auto';
import { CaseBuilder } from '../../test/support/review';
import { shanghai, uuidFor } from '../../test/support/workflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ComplaintDb } from '../db/database';
import { type NewEvent, appendEvents } from '../db/log';
import { defaultSettings, type Settings } from '../settings/settings';
import { freshDb } from '../../test/support/extension/fixtures';
import { ALERT_ALARM, ALERT_STATE_KEY, startAlerts } from './alerts';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const T0 = shanghai('2026-03-02 10:00');
const SEVERE = uuidFor(1);
const PLAIN = uuidFor(2);

/** Two complaints registered through the shell's own append path (fold → row → queue columns). */
async function seeded(): Promise<ComplaintDb> {
  const db = freshDb();
  const severe = new CaseBuilder(SEVERE).register(
    T0,
    { description: 'The machine leaked; I will call a journalist.' },
    { caseNumber: '2603-0001' },
  );
  const plain = new CaseBuilder(PLAIN).register(T0, {}, { caseNumber: '2603-0002' });
  for (const c of [severe, plain])
    await appendEvents(db, c.id, c.events as unknown as NewEvent[], { now: new Date(T0) });
  return db;
}

function spies() {
  // The fake browser has no action API: spy it (docs/toolchain.md); notifications are recorded.
  const action = fakeBrowser.action as unknown as Record<string, (...a: unknown[]) => unknown>;
  const badge = vi.spyOn(action, 'setBadgeText').mockResolvedValue(undefined as never);
  const color = vi.spyOn(action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
  const title = vi.spyOn(action, 'setTitle').mockResolvedValue(undefined as never);
  const notify = vi.spyOn(
    fakeBrowser.notifications as unknown as {
      create: (id: string, o: Record<string, unknown>) => Promise<string>;
    },
    'create',
  );
  const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
  return { badge, color, title, notify, tabs };
}

describe('background alerts wiring', () => {
  let clock: Date;
  let settings: Settings;
  beforeEach(async () => {
    fakeBrowser.reset();
    clock = new Date(shanghai('2026-03-02 10:25'));
    settings = { ...defaultSettings(() => 'u-1'), locale: 'en', userName: 'Li Na' };
    // alerting was switched on (install) just before the complaints arrived
    await fakeBrowser.storage.local.set({
      [ALERT_STATE_KEY]: { since: shanghai('2026-03-02 09:59'), lastTick: T0 },
    });
  });
  afterEach(() => vi.restoreAllMocks());

  function start(db: ComplaintDb, extra: { captureFailed?: () => Promise<boolean> } = {}) {
    return startAlerts({
      db: () => db,
      settings: async () => settings,
      now: () => clock,
      ...extra,
    });
  }

  it('creates the one-minute alarm and ticks when it fires', async () => {
    const db = await seeded();
    const s = spies();
    const alerts = start(db);
    expect(await fakeBrowser.alarms.get(ALERT_ALARM)).toMatchObject({ periodInMinutes: 1 });
    await alerts.tick();
    s.badge.mockClear();
    clock = new Date(shanghai('2026-03-02 10:26'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: ALERT_ALARM, scheduledTime: 0 });
    await vi.waitFor(() => expect(s.badge).toHaveBeenCalled());
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'capture-retry', scheduledTime: 0 });
    const stored = (await fakeBrowser.storage.local.get(ALERT_STATE_KEY))[ALERT_STATE_KEY];
    expect(stored).toMatchObject({ lastTick: clock.toISOString() });
  });

  it('sets the badge (text, colour, tooltip) and notifies once, also after a worker restart', async () => {
    const db = await seeded();
    const s = spies();
    const first = await start(db).tick();
    expect(first.badge.text).toBe('~2');
    expect(s.badge).toHaveBeenLastCalledWith({ text: '~2' });
    expect(s.color).toHaveBeenLastCalledWith({ color: first.badge.color });
    expect(s.title).toHaveBeenLastCalledWith({ title: first.badge.title });
    const ids = s.notify.mock.calls.map((c) => c[0] as string);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => id.startsWith(`${SEVERE}:severity`))).toBe(true);
    const shown = s.notify.mock.calls.find((c) =>
      (c[0] as string).startsWith(`${SEVERE}:severity`),
    );
    expect(shown?.[1]).toMatchObject({ type: 'basic', title: 'New L3 major complaint' });

    // A new worker (same storage): nothing shown twice.
    s.notify.mockClear();
    await start(db).tick();
    expect(s.notify).not.toHaveBeenCalled();
  });

  it('respects the clocks chosen in options', async () => {
    const db = await seeded();
    const s = spies();
    settings = { ...settings, alertClocks: { L0: [], L1: [], L2: [] } };
    await start(db).tick();
    const ids = s.notify.mock.calls.map((c) => c[0] as string);
    expect(ids.filter((id) => id.startsWith(PLAIN))).toEqual([]);
    expect(ids.some((id) => id.startsWith(SEVERE))).toBe(true);
  });

  it('leaves the badge to a failed capture', async () => {
    const db = await seeded();
    const s = spies();
    await start(db, { captureFailed: async () => true }).tick();
    expect(s.badge).not.toHaveBeenCalled();
  });

  it('opens the case when an alert notification is clicked, ignores other notifications', async () => {
    const db = await seeded();
    const s = spies();
    const alerts = start(db);
    await alerts.tick();
    const id = s.notify.mock.calls[0]![0] as string;
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(s.tabs).toHaveBeenCalledTimes(1));
    const url = (s.tabs.mock.calls[0]![0] as { url: string }).url;
    expect(url).toMatch(/\/case\.html\?id=/);
    expect(new URL(url).searchParams.get('id')).toBe(id.split(':')[0]);
    expect(await alerts.onNotificationClick(`failed-${SEVERE}`)).toBe(false);
    expect(s.tabs).toHaveBeenCalledTimes(1);
  });
});
