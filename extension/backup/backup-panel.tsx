import { useRef, useState } from 'preact/hooks';
import type { BackupActions, RestorePlan } from './backup';
import { type Download, JSON_MIME, downloadText } from '../ui/download';
import type { Tr } from '../ui/format';
import { localDate } from '@shared/i18n/dates';

/** Download a full backup; restore one after showing what it would change. */
export function BackupPanel(props: {
  t: Tr;
  actions: BackupActions;
  clock: () => Date;
  /** The organisation's calendar zone: the file is named by its date there, as reports are. */
  timeZone: string;
  download?: Download;
}) {
  const { t, actions } = props;
  const [plan, setPlan] = useState<RestorePlan>();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string>();
  const fileRef = useRef<HTMLInputElement>(null);

  async function download() {
    const text = await actions.exportText();
    (props.download ?? downloadText)(
      `complaint-desk-backup-${localDate(props.clock(), props.timeZone)}.json`,
      JSON_MIME,
      text,
    );
  }

  async function pick(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Emptied, so that picking the same file again (after a restore, or a fix) is a change too.
    input.value = '';
    setFileName(file?.name);
    setPlan(undefined);
    setMessage(undefined);
    if (!file) return;
    const result = await actions.plan(await file.text());
    if (!result.ok) {
      setMessage({
        text:
          result.reason === 'backup.tooNew'
            ? t('backup.tooNew', result.params)
            : t('backup.invalid'),
        error: true,
      });
      return;
    }
    setPlan(result.plan);
  }

  async function restore() {
    if (!plan) return;
    setBusy(true);
    try {
      const r = await actions.apply(plan);
      setMessage({
        text: [
          t('backup.done', { events: r.appended }),
          r.rejected ? t('backup.rejected', { count: r.rejected }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
      setPlan(undefined);
      // The Restore button is gone: the focus goes back to the file button, not to the page.
      fileRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const empty =
    plan && plan.eventCount === 0 && plan.drafts.put.length === 0 && plan.attachments.length === 0;
  return (
    <section class="rv-backup rv-no-print" aria-labelledby="rv-backup-title">
      <h2 id="rv-backup-title">{t('backup.title')}</h2>
      <p>
        <button type="button" id="rv-backup-export" onClick={download}>
          {t('backup.export')}
        </button>
      </p>
      {/* The browser's own file button speaks the browser's language: a label in ours instead. */}
      <p class="rv-file cd-row">
        <input
          id="rv-restore"
          ref={fileRef}
          class="cd-visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={pick}
        />
        <label for="rv-restore" class="cd-button">
          {t('backup.import')}
        </label>
        <span class="rv-hint">{fileName ?? t('ws.backup.noFile')}</span>
      </p>
      {plan && (
        <div class="cd-notice">
          {empty ? (
            <p>{t('backup.nothing')}</p>
          ) : (
            <>
              <p>
                {t('backup.plan', {
                  events: plan.eventCount,
                  complaints: plan.events.size,
                  drafts: plan.drafts.put.length,
                })}
              </p>
              {plan.localNewer > 0 && <p>{t('backup.localNewer', { count: plan.localNewer })}</p>}
              {plan.drafts.keptNewer > 0 && (
                <p>{t('backup.keptNewer', { count: plan.drafts.keptNewer })}</p>
              )}
              <button type="button" class="cd-primary" disabled={busy} onClick={restore}>
                {t('backup.confirm')}
              </button>
            </>
          )}
        </div>
      )}
      <p role="status" aria-live="polite" class={message?.error ? 'cd-error' : undefined}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
