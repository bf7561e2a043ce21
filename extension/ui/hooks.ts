import type { Locale } from '@shared/schema/codes';
import { useEffect, useState } from 'preact/hooks';
import { type T, hasLocale, loadLocale, translator } from '../i18n';
import { loadStoredPolicy, watchStoredPolicy } from '../policy/stored-policy';
import {
  type Settings,
  loadSettings,
  onSettingsChanged,
  resolveLocale,
} from '../settings/settings';

/** The settings, kept current when the options page changes them. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  return settings;
}

/**
 * The page's locale and translator; also sets `<html lang>` for screen readers. A locale whose
 * messages are not loaded yet (zh-CN chosen while the page is open) is fetched, then shown.
 */
export function useI18n(settings: Settings | undefined): { locale: Locale; t: T } {
  const locale = resolveLocale(settings?.locale ?? 'auto');
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!hasLocale(locale))
      void loadLocale(locale).then(
        () => setLoaded((n) => n + 1),
        () => undefined,
      );
  }, [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translator(locale)('app.name');
  }, [locale]);
  return { locale, t: translator(locale) };
}

/**
 * The settings, and the messages of their language, before a page's first render. With
 * `queueFirst` (the popup) an English page renders from the queue's messages and `useI18n`
 * fetches the rest; a Chinese one still waits for its catalogue (no English flash). `stored`: a
 * storage read already under way with the settings and the policy (the popup's popup-start.js).
 */
export async function pageSettings(
  opts: { queueFirst?: boolean; stored?: Promise<Record<string, unknown>> } = {},
): Promise<Settings> {
  // The rules in force (the team server's policy, else the defaults) before the first render.
  watchStoredPolicy();
  const [settings] = await Promise.all([loadSettings(opts.stored), loadStoredPolicy(opts.stored)]);
  // A policy stored between that early read and the watch above is read again (after).
  if (opts.stored) void loadStoredPolicy().catch(() => undefined);
  const locale = resolveLocale(settings.locale);
  if (!opts.queueFirst || locale !== 'en') await loadLocale(locale).catch(() => undefined);
  return settings;
}
