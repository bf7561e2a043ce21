import { tKey } from '@shared/i18n';
import type { Locale } from '@shared/schema/codes';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { T } from '../i18n';
import { type ConnectionResult, type Fetch, testConnection } from './client';
import {
  type TeamIdentity,
  loadSyncForm,
  originPattern,
  parseServerUrl,
  saveSyncConfig,
} from './config';
import { syncErrorText } from './reason-text';

/** A status line, worded at render time so it follows a language switch. */
type Note = { text: (t: T, locale: Locale) => string; error: boolean };

/** Asks for the server's host permission; must be called before any `await` in a click handler. */
function requestAccess(serverUrl: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [originPattern(serverUrl)] });
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Options: the team server's address and this device's token, "Test connection" (health, then the
 * token; the token's name and role when the server tells them), "Save and sync", "Stop syncing".
 * When the server names the token's role, `onIdentity` lets the page adopt it: the server refuses
 * actions recorded under another role.
 */
export function TeamSettings({
  locale,
  t,
  onIdentity,
  fetch: fetcher = (input, init) => globalThis.fetch(input, init),
}: {
  locale: Locale;
  t: T;
  onIdentity: (identity: TeamIdentity) => Promise<void> | void;
  fetch?: Fetch;
}) {
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [identity, setIdentity] = useState<TeamIdentity>();
  const [note, setNote] = useState<Note>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // What the user typed before the stored values arrived wins.
    void loadSyncForm().then((f) => {
      setUrl((typed) => typed || (f.serverUrl ?? ''));
      setToken((typed) => typed || (f.token ?? ''));
      setIdentity((known) => known ?? f.identity);
    });
  }, []);

  function describe(result: ConnectionResult): Note {
    if (!result.ok) {
      return {
        text: (t, locale) =>
          t('ext.options.connectionFailed', { message: syncErrorText(locale, result) }),
        error: true,
      };
    }
    const identity = result.identity;
    if (!identity) return { text: (t) => t('ext.options.connectedNoIdentity'), error: false };
    return {
      text: (t, locale) =>
        t('ext.options.connectedAs', {
          name: identity.name,
          role: tKey(locale, `role.${identity.role}`),
        }),
      error: false,
    };
  }

  /** Checks the form and asks for access (in the click's user gesture); then tests. */
  function start(): { serverUrl: string; run: Promise<ConnectionResult | undefined> } | undefined {
    const parsed = parseServerUrl(url);
    if (!parsed.ok) {
      setNote({ text: (_, locale) => tKey(locale, parsed.reason), error: true });
      return undefined;
    }
    const granted = requestAccess(parsed.url);
    setBusy(true);
    setNote({ text: (t) => t('ext.options.testing'), error: false });
    const run = granted.then(async (ok) => {
      if (!ok) {
        const origin = new URL(parsed.url).origin;
        setNote({ text: (t) => t('ext.options.permissionDenied', { origin }), error: true });
        return undefined;
      }
      const result = await testConnection({
        serverUrl: parsed.url,
        token: token.trim(),
        fetch: fetcher,
        locale,
      });
      if (result.ok && result.identity) {
        setIdentity(result.identity);
        await onIdentity(result.identity);
      }
      return result;
    });
    return { serverUrl: parsed.url, run };
  }

  async function test() {
    const started = start();
    if (!started) return;
    try {
      const result = await started.run;
      if (result) setNote(describe(result));
    } finally {
      setBusy(false);
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    const started = start();
    if (!started) return;
    try {
      const result = await started.run;
      if (!result) return;
      const id = result.ok ? result.identity : identity;
      await saveSyncConfig({
        serverUrl: started.serverUrl,
        token: token.trim(),
        ...(id ? { identity: id } : {}),
      });
      setUrl(started.serverUrl);
      const tested = describe(result);
      setNote({
        text: (t, locale) => `${t('ext.options.teamSaved')} ${tested.text(t, locale)}`,
        error: tested.error,
      });
    } finally {
      setBusy(false);
    }
  }

  async function stop() {
    await saveSyncConfig({ serverUrl: url.trim() });
    setToken('');
    setIdentity(undefined);
    setNote({ text: (t) => t('ext.options.teamStopped'), error: false });
  }

  return (
    <section aria-labelledby="cd-team-h">
      <h2 id="cd-team-h">{t('ext.options.team')}</h2>
      <p class="cd-help">{t('ext.options.teamHelp')}</p>
      <form onSubmit={save} id="cd-team-form">
        <label for="cd-server-url">{t('ext.options.serverUrl')}</label>
        <input
          id="cd-server-url"
          type="url"
          inputMode="url"
          autocomplete="url"
          placeholder="https://desk.example.com"
          value={url}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <label for="cd-token">{t('ext.options.token')}</label>
        <input
          id="cd-token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="cd-token-help"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <p class="cd-help" id="cd-token-help">
          {t('ext.options.tokenHelp')}
        </p>
        {identity && (
          <p id="cd-team-identity">
            {t('ext.options.roleFromToken', { role: tKey(locale, `role.${identity.role}`) })}
          </p>
        )}
        <p class="cd-row">
          <button type="button" id="cd-team-test" onClick={test} disabled={busy}>
            {busy ? t('ext.options.testing') : t('ext.options.testConnection')}
          </button>
          <button type="submit" class="cd-primary" id="cd-team-save" disabled={busy}>
            {t('ext.options.teamSave')}
          </button>
          <button type="button" id="cd-team-stop" onClick={stop} disabled={busy || !token}>
            {t('ext.options.teamOff')}
          </button>
        </p>
        <p role="status" id="cd-team-status" class={note?.error ? 'cd-error' : 'cd-ok'}>
          {note?.text(t, locale) ?? ''}
        </p>
      </form>
    </section>
  );
}
