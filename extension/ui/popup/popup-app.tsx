import type { QueueSettings } from '@shared/review/index';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { QueueStatus } from '../../background/capture-types';
import { tKey } from '../../i18n';
import { MessageError, sendMessage } from '../../messaging';
import type { OnAct } from '../../queue/bulk';
import type { FirstRead } from '../../queue/first-page';
import { laterSource } from '../../queue/later-source';
import { QueueList } from '../../queue/queue-list';
import { storageAreaStore } from '../../queue/storage';
import type { Settings } from '../../settings/settings';
import { useI18n, useSettings } from '../hooks';
import { openRegistrationFromPage } from '../open-registration';
import { later } from '../later';
import { actorOf, openCase, openReport } from '../review-shell';
import { PolicyLine } from '../../policy/policy-line';

/**
 * The toolbar popup: capture, sync status and refused actions, and the supervisor's review queue
 * (queue/QueueList over the indexed Dexie source). Settings, the remembered queue filters and,
 * for the views it plans, the first page (a plain IndexedDB read, queue/first-page.ts) are read
 * before the first render (entrypoint); Dexie (popup-db.ts) loads after it, for the rest.
 */
// Sync status and refused actions: after the queue, which is what the popup is opened for.
const SyncStatus = later(() => import('../../sync/sync-status').then((m) => m.SyncStatus));

export function PopupApp(props: { settings?: Settings; queue?: QueueSettings; first?: FirstRead }) {
  const settings = useSettings() ?? props.settings;
  const { locale, t } = useI18n(settings);
  const dexie = useMemo(() => {
    let loaded: Promise<ReturnType<typeof import('./popup-db').popupDb>> | undefined;
    return () => (loaded ??= import('./popup-db').then((m) => m.popupDb()));
  }, []);
  // Unknown until Dexie's live count answers (after the first page): shown empty, not as 0.
  const [drafts, setDrafts] = useState<number>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let closed = false;
    void dexie().then((d) => {
      if (!closed) stop = d.watchDrafts(setDrafts);
    });
    return () => {
      closed = true;
      stop?.();
    };
  }, []);
  const source = useMemo(() => laterSource(props.first, dexie), []);
  const store = useMemo(() => storageAreaStore(browser.storage.local), []);
  const onAct = useMemo<OnAct>(() => async (event) => (await dexie()).onAct(event), []);
  const [status, setStatus] = useState<QueueStatus>({ failed: 0, inFlight: 0 });
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void sendMessage('queue.status', {}).then(setStatus, () => undefined);
  }, []);

  async function capture() {
    setBusy(true);
    setMessage({ text: t('ext.popup.capturing'), error: false });
    try {
      await sendMessage('capture.request', { trigger: 'popup' });
      setMessage({ text: t('ext.popup.captured'), error: false });
    } catch (err) {
      setMessage({
        text: tKey(locale, err instanceof MessageError ? err.reason : 'ext.error.unknown'),
        error: true,
      });
    } finally {
      setBusy(false);
      setStatus(await sendMessage('queue.status', {}).catch(() => status));
    }
  }

  async function retry() {
    setStatus(await sendMessage('capture.retry', {}));
  }

  // The queue is the popup's job: capture, drafts, sync and links share one compact header.
  return (
    <main class="cd-popup">
      <header class="cd-popup-head">
        <h1>{t('ext.popup.title')}</h1>
        <button type="button" class="cd-primary" onClick={capture} disabled={busy} id="cd-capture">
          {t('ext.popup.capture')}
        </button>
        <button type="button" onClick={() => openRegistrationFromPage('new')}>
          {t('ext.popup.newManual')}
        </button>
        <span id="cd-queue-count">
          {drafts === undefined ? '' : t('ext.popup.queueCount', { count: drafts })}
        </span>
        <span class="cd-popup-links">
          <button type="button" id="cd-report" onClick={() => void openReport()}>
            {t('ext.popup.report')}
          </button>
          <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
            {t('ext.popup.options')}
          </button>
        </span>
      </header>
      <p
        role="status"
        aria-live="polite"
        class={`cd-popup-message${message?.error ? ' cd-error' : ''}`}
      >
        {message?.text ?? ''}
      </p>
      {status.failed > 0 && (
        <div class="cd-alert" role="alert">
          <p>{t('ext.popup.failed', { count: status.failed })}</p>
          {status.lastError && <p>{tKey(locale, status.lastError)}</p>}
          <button type="button" onClick={retry}>
            {t('ext.popup.retry')}
          </button>
        </div>
      )}
      <div class="cd-popup-sync">
        <SyncStatus locale={locale} t={t} />
        <PolicyLine locale={locale} />
      </div>
      {settings && (
        <QueueList
          source={source}
          locale={locale}
          user={actorOf(settings)}
          onOpen={(id) => void openCase(id)}
          onAct={onAct}
          store={store}
          height="fill"
          {...(props.queue ? { initialSettings: props.queue } : {})}
        />
      )}
    </main>
  );
}
