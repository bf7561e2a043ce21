import type { AlertClocks } from '@shared/alerts/index';
import type { Locale, Role } from '@shared/schema/codes';
import { pickLocale } from '@shared/i18n/translate';
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from './keys';

/** What the options page sets; local mode has no accounts, so the user is named here. */
export interface Settings {
  userId: string;
  userName: string;
  role: Role;
  /** Whom the on-call alert names (out-of-hours urgent complaints). */
  onCallContact: string;
  /** 'auto' follows the browser's UI language. */
  locale: 'auto' | Locale;
  /** Attach a screenshot of the visible tab to each capture (on unless turned off). */
  screenshot: boolean;
  /** Which clocks alert per level (75 % and breach); absent: shared/alerts' default. */
  alertClocks?: AlertClocks;
}

const KEY = SETTINGS_KEY;

export function defaultSettings(newId: () => string = () => crypto.randomUUID()): Settings {
  return {
    userId: newId(),
    userName: '',
    role: 'agent',
    onCallContact: '',
    locale: 'auto',
    screenshot: true,
  };
}

/**
 * The stored settings, completed with defaults; a first read stores the generated user id.
 * `read`: a storage read already under way that includes them (the popup's popup-start.js).
 */
export async function loadSettings(
  read: Promise<Record<string, unknown>> = browser.storage.local.get(KEY),
): Promise<Settings> {
  const stored = (await read)[KEY] as Partial<Settings> | undefined;
  if (stored?.userId) return completed(stored, stored.userId);
  return exclusive(current);
}

export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return exclusive(async () => {
    const next = { ...(await current()), ...patch };
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
}

const completed = (stored: Partial<Settings>, userId: string): Settings => ({
  ...defaultSettings(() => userId),
  ...stored,
});

/**
 * Read now (not from an earlier read), storing a first user id when there is none. Called only
 * under `exclusive`: a first start's pages and worker each wrote their own id over one another,
 * and a save made after a page's first read was lost when that page then stored the defaults.
 */
async function current(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  if (stored?.userId) return completed(stored, stored.userId);
  const fresh = { ...defaultSettings(), ...stored };
  await browser.storage.local.set({ [KEY]: fresh });
  return fresh;
}

/**
 * One read-modify-write of the settings at a time among the extension's pages and its worker
 * (Web Locks are per origin, and they share the extension's). Not re-entrant: `fn` must not
 * call back into it. Where there are none (unit tests' Node), `fn` runs at once.
 */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  // lib.dom types the callback's promise as a value; the lock resolves with what it resolves to.
  return locks ? (locks.request('complaint-desk-settings', fn) as Promise<T>) : fn();
}

export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]?.newValue) cb(changes[KEY].newValue as Settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The UI language: the option when set, else the browser's UI language (zh* → zh-CN). */
export function resolveLocale(setting: Settings['locale'], uiLanguage?: string): Locale {
  if (setting !== 'auto') return setting;
  let lang = uiLanguage;
  try {
    lang ??= browser.i18n?.getUILanguage?.();
  } catch {
    // the fake browser has no i18n
  }
  return pickLocale(lang ?? globalThis.navigator?.language, 'en');
}
