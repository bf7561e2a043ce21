import { LOCALES, ROLES, type Role } from '@shared/schema/codes';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestPersistence } from '../../db/database';
import { WEBMAIL_HOST_PATTERNS } from '../../permissions/webmail-hosts';
import { type Settings, saveSettings } from '../../settings/settings';
import { type SyncConfig, loadSyncConfig, onSyncConfigChanged } from '../../sync/config';
import { TeamSettings } from '../../sync/team-settings';
import { useI18n, useSettings } from '../hooks';
import { AlertGrid } from './alert-grid';
import { DeliveryLog } from './delivery-log';

/** Team mode's server, token and the token's identity; undefined in local mode. */
function useTeamConfig(): SyncConfig | undefined {
  const [config, setConfig] = useState<SyncConfig>();
  useEffect(() => {
    const read = () => void loadSyncConfig().then(setConfig);
    read();
    return onSyncConfigChanged(read);
  }, []);
  return config;
}

/**
 * Who sees the delivery log section: admins read the log; supervisors and managers, who may look
 * for it when a notification seems lost, get a neutral note that admins can see it.
 */
const DELIVERY_LOG_ROLES: readonly Role[] = ['admin', 'supervisor', 'manager'];

/**
 * Options, in groups: the team server (its own form), then you, deadline alerts, capture and
 * language under one Save; storage last. In team mode the role is the token's, shown read-only.
 */
export function OptionsApp() {
  const stored = useSettings();
  const { locale, t } = useI18n(stored);
  const teamConfig = useTeamConfig();
  const team = teamConfig?.identity;
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

  async function submit(e: Event) {
    e.preventDefault();
    // The token decides the role in team mode; never save another one over it.
    await saveSettings(team ? { ...form!, role: team.role } : form!);
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
    <main class="cd-options">
      <h1>{t('ext.options.title')}</h1>
      <TeamSettings
        locale={locale}
        t={t}
        onIdentity={async ({ name, role }) => {
          // The server refuses actions recorded under another role than the token's.
          const next = await saveSettings({ role, userName: form.userName || name });
          setForm((f) => f && { ...f, role: next.role, userName: next.userName });
        }}
      />
      {teamConfig && team && DELIVERY_LOG_ROLES.includes(team.role) && (
        <DeliveryLog config={teamConfig} mayRead={team.role === 'admin'} locale={locale} t={t} />
      )}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{team ? t('ws.options.you') : t('ext.options.you')}</legend>
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
          {team ? (
            <>
              <label for="cd-role">{t('ext.options.role')}</label>
              <input
                id="cd-role"
                readOnly
                value={t(`role.${team.role}`)}
                aria-describedby="cd-role-help"
              />
              <p class="cd-help" id="cd-role-help">
                {t('ws.options.roleLocked')}
              </p>
            </>
          ) : (
            <>
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
            </>
          )}
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
          <AlertGrid
            value={form.alertClocks}
            t={t}
            onChange={(alertClocks) => set({ alertClocks })}
          />
        </fieldset>
        <fieldset>
          <legend>{t('ws.options.capture')}</legend>
          <label class="cd-check">
            <input
              type="checkbox"
              checked={form.screenshot}
              onChange={(e) => set({ screenshot: e.currentTarget.checked })}
            />
            {t('ext.options.screenshot')}
          </label>
          <h3 id="cd-webmail-h">{t('ext.options.webmail')}</h3>
          <p class="cd-help">{t('ext.options.webmailHelp')}</p>
          <p class="cd-row">
            <span>
              {webmail ? t('ext.options.webmailGranted') : t('ext.options.webmailNotGranted')}
            </span>
            <button type="button" onClick={toggleWebmail} id="cd-webmail-toggle">
              {webmail ? t('ext.options.webmailRevoke') : t('ext.options.webmailGrant')}
            </button>
          </p>
          <p>
            {shortcut ? t('ext.options.shortcut', { shortcut }) : t('ext.options.shortcutNone')}
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('ws.options.languageGroup')}</legend>
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
        </fieldset>
        <p class="cd-row cd-save-bar">
          <button type="submit" class="cd-primary">
            {t('ext.options.save')}
          </button>
          <span role="status" class="cd-ok">
            {saved ? t('ext.options.saved') : ''}
          </span>
        </p>
      </form>
      <section aria-labelledby="cd-storage-h">
        <h2 id="cd-storage-h">{t('ext.options.storage')}</h2>
        <p>{persisted ? t('ext.options.persisted') : t('ext.options.notPersisted')}</p>
      </section>
    </main>
  );
}
