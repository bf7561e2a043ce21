import { tKey } from '@shared/i18n';
import type { Locale } from '@shared/schema/codes';
import { useEffect, useState } from 'preact/hooks';
import { type ComplaintDb, openDb } from '../db/database';
import type { T } from '../i18n';
import { MessageError, sendMessage } from '../messaging';
import { activePolicy } from '../policy/active-policy';
import { formatInstant, zoneNote } from '../ui/format';
import { useLive } from '../ui/use-live';
import { loadSyncConfig, onSyncConfigChanged } from './config';
import { type SyncState, readSyncState } from './engine';
import { rejectionText, syncErrorText } from './reason-text';
import { dismissRejected, rejectedEvents } from './rejections';

/** As the case's deadlines: on the organisation's calendar clock, the zone named when it differs. */
const formatTime = (locale: Locale, iso: string, zone: string, userZone?: string) =>
  `${formatInstant(iso, locale, zone)}${zoneNote(zone, locale, userZone)}`;

/**
 * The popup's sync line — last sync, changes waiting, last error — with "Sync now", and every
 * action the server refused, with its reason, until the user dismisses it.
 */
export function SyncStatus({
  locale,
  t,
  db = openDb(),
  timeZone = activePolicy().calendar.timeZone,
  userZone,
}: {
  locale: Locale;
  t: T;
  db?: ComplaintDb;
  /** The organisation's calendar zone (the active policy's). */
  timeZone?: string;
  /** The user's own zone (the browser's unless a test says otherwise). */
  userZone?: string;
}) {
  const [configured, setConfigured] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const state = useLive<SyncState>(() => readSyncState(db), [], { failures: 0 });
  const pending = useLive(() => db.events.where('pending').equals(1).count(), [], 0);
  const rejected = useLive(
    async () => {
      const events = await rejectedEvents(db);
      const rows = await db.complaints.bulkGet(events.map((e) => e.complaintId));
      return events.map((event, i) => ({ event, row: rows[i] }));
    },
    [],
    [],
  );

  useEffect(() => {
    const check = () => void loadSyncConfig().then((c) => setConfigured(c !== undefined));
    check();
    return onSyncConfigChanged(check);
  }, []);

  async function syncNow() {
    setBusy(true);
    setProblem(undefined);
    try {
      const outcome = await sendMessage('sync.now', {});
      if (!outcome.ok && outcome.reason === 'ext.sync.off') setProblem(t('ext.sync.off'));
    } catch (err) {
      setProblem(tKey(locale, err instanceof MessageError ? err.reason : 'ext.error.unknown'));
    } finally {
      setBusy(false);
    }
  }

  if (configured === undefined) return null;
  return (
    <section id="cd-sync" aria-labelledby="cd-sync-h">
      <h2 id="cd-sync-h">{t('ext.sync.title')}</h2>
      {configured ? (
        <>
          <p id="cd-sync-status">
            {state.lastSyncAt
              ? t('ext.sync.lastSync', {
                  time: formatTime(locale, state.lastSyncAt, timeZone, userZone),
                })
              : t('ext.sync.never')}{' '}
            <span id="cd-sync-pending">{t('ext.sync.pending', { count: pending })}</span>
          </p>
          {state.lastError && (
            <p class="cd-error" id="cd-sync-error">
              {t('ext.sync.lastError', { message: syncErrorText(locale, state.lastError) })}
              {state.nextAttemptAt
                ? ` ${t('ext.sync.nextTry', { time: formatTime(locale, state.nextAttemptAt, timeZone, userZone) })}`
                : ''}
            </p>
          )}
          <p class="cd-row">
            <button type="button" id="cd-sync-now" onClick={syncNow} disabled={busy}>
              {busy ? t('ext.sync.syncing') : t('ext.sync.now')}
            </button>
            <span role="status" class={problem ? 'cd-error' : undefined}>
              {problem ?? ''}
            </span>
          </p>
        </>
      ) : (
        <p class="cd-help" id="cd-sync-local">
          {t('ext.sync.localMode')}
        </p>
      )}
      {rejected.length > 0 && (
        <div class="cd-alert" role="alert" id="cd-sync-rejected">
          <h3>{t('ext.sync.rejectedTitle', { count: rejected.length })}</h3>
          <p class="cd-help">{t('ext.sync.rejectedHelp')}</p>
          <ul>
            {rejected.map(({ event, row }) => (
              <li key={event.id} data-event-id={event.id}>
                <strong>
                  {t('ext.sync.rejectedItem', {
                    action: tKey(locale, `event.${event.type}`),
                    complaint: row?.caseNumber || row?.title || t('ext.popup.untitled'),
                  })}
                </strong>
                <br />
                <span class="cd-reason">
                  {event.rejection ? rejectionText(locale, event.rejection) : ''}
                </span>{' '}
                <button
                  type="button"
                  onClick={() => void dismissRejected(db, [event.id], new Date())}
                >
                  {t('ext.sync.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
