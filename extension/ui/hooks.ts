import type { Locale } from '@shared/schema/codes';
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { type T, translator } from '../i18n';
import {
  type Settings,
  loadSettings,
  onSettingsChanged,
  resolveLocale,
} from '../settings/settings';

/** A Dexie query that re-runs whenever the tables it read change (in any extension context). */
export function useLive<R>(query: () => Promise<R>, deps: unknown[], initial: R): R {
  const [value, setValue] = useState<R>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

/** The settings, kept current when the options page changes them. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  return settings;
}

/** The page's locale and translator; also sets `<html lang>` for screen readers. */
export function useI18n(settings: Settings | undefined): { locale: Locale; t: T } {
  const locale = resolveLocale(settings?.locale ?? 'auto');
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translator(locale)('app.name');
  }, [locale]);
  return { locale, t: translator(locale) };
}
