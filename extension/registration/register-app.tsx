import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FOCUS_KEY } from '../background/panel';
import { openDb } from '../db/database';
import { tKey } from '../i18n';
import { MessageError, sendMessage } from '../messaging';
import { ComplaintList } from './complaint-list';
import { useI18n, useSettings } from '../ui/hooks';
import { useLive } from '../ui/use-live';
import { RegisterForm } from './register-form';

type Target = { complaintId: string; manual: boolean } | undefined;

function targetFrom(value: string | null | undefined): Target {
  if (!value) return undefined;
  if (value === 'new') return { complaintId: crypto.randomUUID(), manual: true };
  return { complaintId: value, manual: false };
}

/** The registration page (Chrome side panel, or register.html): the queue, or one complaint's form. */
export function RegisterApp() {
  const settings = useSettings();
  const { locale, t } = useI18n(settings);
  const db = openDb();
  const [target, setTarget] = useState<Target>(() =>
    targetFrom(decodeURIComponent(location.hash.slice(1))),
  );
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const drafts = useLive(
    () => db.complaints.where('status').equals('draft').reverse().sortBy('updatedAt'),
    [],
    [],
  );
  const review = useLive(
    async () =>
      new Set((await db.drafts.filter((d) => d.needsReview === true).primaryKeys()) as string[]),
    [],
    new Set<string>(),
  );

  useEffect(() => {
    const apply = (v: unknown) => {
      const focus = v as { complaintId?: string | null } | undefined;
      if (focus && 'complaintId' in focus) setTarget(targetFrom(focus.complaintId));
    };
    if (!location.hash)
      void browser.storage.session.get(FOCUS_KEY).then((r) => apply(r[FOCUS_KEY]));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && changes[FOCUS_KEY]) apply(changes[FOCUS_KEY].newValue);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  async function captureTab() {
    try {
      const ack = await sendMessage('capture.request', { trigger: 'sidepanel' });
      setTarget({ complaintId: ack.complaintId, manual: false });
    } catch (err) {
      setMessage({
        text: tKey(locale, err instanceof MessageError ? err.reason : 'ext.error.unknown'),
        error: true,
      });
    }
  }

  const actor = settings && {
    id: settings.userId,
    name: settings.userName || 'Agent',
    role: settings.role,
  };
  return (
    <main>
      <h1>{t('ext.panel.title')}</h1>
      <div class="cd-row">
        {target && (
          <button type="button" onClick={() => setTarget(undefined)}>
            {t('ext.panel.back')}
          </button>
        )}
        <button type="button" onClick={captureTab}>
          {t('ext.panel.captureTab')}
        </button>
        <button type="button" onClick={() => setTarget(targetFrom('new'))}>
          {t('ext.panel.newManual')}
        </button>
      </div>
      <p role="status" class={message?.error ? 'cd-error' : undefined}>
        {message?.text ?? ''}
      </p>
      {target && actor ? (
        <RegisterForm
          key={target.complaintId}
          db={db}
          complaintId={target.complaintId}
          manual={target.manual}
          actor={actor}
          locale={locale}
          t={t}
          onCallContact={settings?.onCallContact}
        />
      ) : (
        <section aria-labelledby="cd-queue-h">
          <h2 id="cd-queue-h">{t('ext.panel.queue')}</h2>
          {drafts.length === 0 ? (
            <p class="cd-help">{t('ext.panel.empty')}</p>
          ) : (
            <ComplaintList
              rows={drafts}
              t={t}
              locale={locale}
              needsReview={review}
              onOpen={(id) => setTarget({ complaintId: id, manual: false })}
            />
          )}
        </section>
      )}
    </main>
  );
}
