import { DEFAULT_ALERT_CLOCKS } from '@shared/alerts/notifications';
import { CLOCKS, type ClockId, LOCALES, ROLES, SEVERITY_LEVELS } from '@shared/schema/codes';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestPersistence } from '../../db/database';
import { WEBMAIL_HOST_PATTERNS } from '../../permissions/webmail-hosts';
import { type Settings, saveSettings } from '../../settings/settings';
import { TeamSettings } from '../../sync/team-settings';
import { useI18n, useSettings } from '../hooks';

/** Options: who you are (local mode), on-call contact, language, webmail access. */
export function OptionsApp() {
  const stored = useSettings();
  const { locale, t } = useI18n(stored);
  const [form, setForm] = useState<Settings>();
  const [saved, setSaved] = useState(false);
  const [webmail, setWebmail] = useState<boolean>();
  const [shortcut, setShortcut] = useState<string>();
  const [persisted, setPersisted] = useState<boolean>();

  useEffect(() => {
    if (stored && !form) setForm(stored);
  }, [stored, form]);
  useEffect(() => {
    void browser.permissions
      .contains({ origins: WEBMAIL_HOST_PATTERNS })
      .then(setWebmail, () => setWebmail(false));
    void browser.commands?.getAll?.().then(
      (all) => setShortcut(all.find((c) => c.name === 'capture')?.shortcut ?? ''),
      () => setShortcut(''),
    );
    void requestPersistence().then(setPersisted);
  }, []);

  if (!form) return <main aria-busy="true" />;
  const set = (patch: Partial<Settings>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };

  const clocks = { ...DEFAULT_ALERT_CLOCKS, ...form.alertClocks };
  const toggleClock = (level: (typeof SEVERITY_LEVELS)[number], clock: ClockId, on: boolean) => {
    const now = clocks[level] ?? [];
    const next = on
      ? CLOCKS.filter((c) => c === clock || now.includes(c))
      : now.filter((c) => c !== clock);
    set({ alertClocks: { ...clocks, [level]: next } });
  };

  async function submit(e: Event) {
    e.preventDefault();
    await saveSettings(form!);
    setSaved(true);
  }

  async function toggleWebmail() {
    // request() must run directly in the click handler (a user gesture).
    const ok = webmail
      ? !(await browser.permissions.remove({ origins: WEBMAIL_HOST_PATTERNS }))
      : await browser.permissions.request({ origins: WEBMAIL_HOST_PATTERNS });
    setWebmail(ok);
  }

  return (
    <main>
      <h1>{t('ext.options.title')}</h1>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('ext.options.you')}</legend>
          <label for="cd-user-name">{t('ext.options.userName')}</label>
          <input
            id="cd-user-name"
            value={form.userName}
            autocomplete="name"
            aria-describedby="cd-user-name-help"
            onInput={(e) => set({ userName: e.currentTarget.value })}
          />
          <p class="cd-help" id="cd-user-name-help">
            {t('ext.options.userNameHelp')}
          </p>
          <label for="cd-role">{t('ext.options.role')}</label>
          <select
            id="cd-role"
            value={form.role}
            onChange={(e) => set({ role: e.currentTarget.value as Settings['role'] })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          <label for="cd-on-call">{t('ext.options.onCall')}</label>
          <input
            id="cd-on-call"
            value={form.onCallContact}
            aria-describedby="cd-on-call-help"
            onInput={(e) => set({ onCallContact: e.currentTarget.value })}
          />
          <p class="cd-help" id="cd-on-call-help">
            {t('ext.options.onCallHelp')}
          </p>
        </fieldset>
        <fieldset aria-describedby="cd-alerts-help">
          <legend>{t('ext.options.alerts')}</legend>
          <p class="cd-help" id="cd-alerts-help">
            {t('ext.options.alertsHelp')}
          </p>
          {SEVERITY_LEVELS.map((level) => (
            <fieldset key={level} class="cd-clocks" id={`cd-alert-${level}`}>
              <legend>{t('ext.options.alertClocksFor', { level: t(`severity.${level}`) })}</legend>
              {CLOCKS.map((clock) => (
                <label key={clock} class="cd-check">
                  <input
                    type="checkbox"
                    name={`alert-${level}`}
                    value={clock}
                    checked={clocks[level]?.includes(clock) ?? false}
                    onChange={(e) => toggleClock(level, clock, e.currentTarget.checked)}
                  />
                  {t(`clock.${clock}`)}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
        <label for="cd-locale">{t('ext.options.language')}</label>
        <select
          id="cd-locale"
          value={form.locale}
          onChange={(e) => set({ locale: e.currentTarget.value as Settings['locale'] })}
        >
          <option value="auto">{t('ext.options.languageAuto')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`locale.${l}`)}
            </option>
          ))}
        </select>
        <label class="cd-check">
          <input
            type="checkbox"
            checked={form.screenshot}
            onChange={(e) => set({ screenshot: e.currentTarget.checked })}
          />
          {t('ext.options.screenshot')}
        </label>
        <p class="cd-row">
          <button type="submit" class="cd-primary">
            {t('ext.options.save')}
          </button>
          <span role="status" class="cd-ok">
            {saved ? t('ext.options.saved') : ''}
          </span>
        </p>
      </form>
      <TeamSettings
        locale={locale}
        t={t}
        onIdentity={async ({ name, role }) => {
          // The server refuses actions recorded under another role than the token's.
          const next = await saveSettings({ role, userName: form.userName || name });
          setForm((f) => f && { ...f, role: next.role, userName: next.userName });
        }}
      />
      <section aria-labelledby="cd-webmail-h">
        <h2 id="cd-webmail-h">{t('ext.options.webmail')}</h2>
        <p class="cd-help">{t('ext.options.webmailHelp')}</p>
        <p>{webmail ? t('ext.options.webmailGranted') : t('ext.options.webmailNotGranted')}</p>
        <button type="button" onClick={toggleWebmail} id="cd-webmail-toggle">
          {webmail ? t('ext.options.webmailRevoke') : t('ext.options.webmailGrant')}
        </button>
        <p>{shortcut ? t('ext.options.shortcut', { shortcut }) : t('ext.options.shortcutNone')}</p>
      </section>
      <section aria-labelledby="cd-storage-h">
        <h2 id="cd-storage-h">{t('ext.options.storage')}</h2>
        <p>{persisted ? t('ext.options.persisted') : t('ext.options.notPersisted')}</p>
      </section>
    </main>
  );
}
