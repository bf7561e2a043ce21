import type { QueueSettings } from '@shared/review/index';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { QueueStatus } from '../../background/capture-types';
import { openDb } from '../../db/database';
import { tKey } from '../../i18n';
import { MessageError, sendMessage } from '../../messaging';
import { dexieQueueSource } from '../../queue/queries';
import { QueueList } from '../../queue/queue-list';
import { storageAreaStore } from '../../queue/storage';
import type { Settings } from '../../settings/settings';
import { useI18n, useLive, useSettings } from '../hooks';
import { openRegistrationFromPage } from '../open-registration';
import { later } from '../later';
import { actorOf, openCase, openReport, persistActLater } from '../review-shell';
import { PolicyLine } from '../../policy/policy-line';

/**
 * The toolbar popup: capture, sync status and refused actions, and the supervisor's review queue
 * (queue/QueueList over the indexed Dexie source). Settings and the remembered queue
 * filters are read before the first render (entrypoint), so opening runs one page query.
 */
// Sync status and refused actions: after the queue, which is what the popup is opened for.
const SyncStatus = later(() => import('../../sync/sync-status').then((m) => m.SyncStatus));

export function PopupApp(props: { settings?: Settings; queue?: QueueSettings }) {
  const settings = useSettings() ?? props.settings;
  const { locale, t } = useI18n(settings);
  const db = openDb();
  const drafts = useLive(() => db.complaints.where('status').equals('draft').count(), [], 0);
  const source = useMemo(() => dexieQueueSource(db), [db]);
  const store = useMemo(() => storageAreaStore(browser.storage.local), []);
  const onAct = useMemo(() => persistActLater(db), [db]);
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
        <span id="cd-queue-count">{t('ext.popup.queueCount', { count: drafts })}</span>
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
