import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { QueueStatus } from '../../background/capture-types';
import { openDb } from '../../db/database';
import { tKey } from '../../i18n';
import { MessageError, sendMessage } from '../../messaging';
import { SyncStatus } from '../../sync/ui/sync-status';
import { ComplaintList } from '../complaint-list';
import { useI18n, useLive, useSettings } from '../hooks';
import { openRegistrationFromPage } from '../open-registration';

const RECENT = 8;

/**
 * The toolbar popup: capture, the queue count and the most recent complaints. Sections are
 * separate components so the full review queue (extension/review/) can replace the list.
 */
export function PopupApp() {
  const settings = useSettings();
  const { locale, t } = useI18n(settings);
  const db = openDb();
  const drafts = useLive(() => db.complaints.where('status').equals('draft').count(), [], 0);
  const recent = useLive(
    () => db.complaints.orderBy('updatedAt').reverse().limit(RECENT).toArray(),
    [],
    [],
  );
  const review = useLive(
    async () =>
      new Set((await db.drafts.filter((d) => d.needsReview === true).primaryKeys()) as string[]),
    [],
    new Set<string>(),
  );
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

  return (
    <main>
      <h1>{t('ext.popup.title')}</h1>
      <div class="cd-row">
        <button type="button" class="cd-primary" onClick={capture} disabled={busy} id="cd-capture">
          {t('ext.popup.capture')}
        </button>
        <button type="button" onClick={() => openRegistrationFromPage('new')}>
          {t('ext.popup.newManual')}
        </button>
      </div>
      <p role="status" aria-live="polite" class={message?.error ? 'cd-error' : undefined}>
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
      <p id="cd-queue-count">{t('ext.popup.queueCount', { count: drafts })}</p>
      <SyncStatus locale={locale} t={t} />
      <h2>{t('ext.popup.recent')}</h2>
      {recent.length === 0 ? (
        <p class="cd-help">{t('ext.popup.empty')}</p>
      ) : (
        <ComplaintList
          rows={recent}
          t={t}
          needsReview={review}
          onOpen={(id) => openRegistrationFromPage(id)}
        />
      )}
      <p>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('ext.popup.options')}
        </button>
      </p>
    </main>
  );
}
