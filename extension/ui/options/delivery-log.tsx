import { hasMessage, tKey } from '@shared/i18n';
import type { Locale } from '@shared/schema/codes';
import { useEffect, useState } from 'preact/hooks';
import type { T } from '../../i18n';
import { activePolicy } from '../../policy/active-policy';
import type { Fetch } from '../../sync/client';
import type { SyncConfig } from '../../sync/config';
import { syncErrorText } from '../../sync/reason-text';
import { type DeliveryLog as Log, deliveryState, loadDeliveries } from '../../team/deliveries';

/**
 * Options, team mode: the server's last notification deliveries and how each went (delivered,
 * queued, retrying, dead letter), read from the admin delivery log on open and on "Refresh". Only
 * admins may read it: for any other role the log is not asked for and a neutral note says who can
 * see it — a routine state, not an error. A server out of reach is said so in words.
 */
export function DeliveryLog({
  config,
  mayRead,
  locale,
  t,
  fetch: fetcher = (input, init) => globalThis.fetch(input, init),
}: {
  config: Pick<SyncConfig, 'serverUrl' | 'token'>;
  /** The token's role may read the log (admins); false shows the note instead of asking. */
  mayRead: boolean;
  locale: Locale;
  t: T;
  fetch?: Fetch;
}) {
  const [log, setLog] = useState<Log>();
  const [busy, setBusy] = useState(false);

  async function read() {
    setBusy(true);
    try {
      setLog(await loadDeliveries({ ...config, fetch: fetcher, locale }));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    if (mayRead) void read();
  }, [config.serverUrl, config.token, mayRead]);

  const fmt = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: activePolicy().calendar.timeZone,
  });
  const eventName = (e: string) =>
    hasMessage(`ext.deliveries.event.${e}`) ? tKey(locale, `ext.deliveries.event.${e}`) : e;

  let body: preact.ComponentChildren;
  // A refusal (a token whose role changed since) reads like the note: nothing is broken.
  if (!mayRead || (log && !log.ok && log.reason === 'ext.deliveries.forbidden'))
    body = <p class="cd-help">{t('ext.deliveries.forbidden')}</p>;
  else if (!log) body = <p role="status">{t('ext.deliveries.loading')}</p>;
  else if (!log.ok)
    body = (
      <p role="status" class="cd-error" id="cd-deliveries-status">
        {t('ext.deliveries.failed', { message: syncErrorText(locale, log) })}
      </p>
    );
  else if (log.items.length === 0) body = <p role="status">{t('ext.deliveries.none')}</p>;
  else {
    const states = log.items.map(deliveryState);
    const count = (s: string) => states.filter((x) => x === s).length;
    body = (
      <>
        <p role="status" id="cd-deliveries-status">
          {t('ext.deliveries.summary', {
            delivered: count('delivered'),
            retrying: count('queued') + count('retrying'),
            dead: count('dead'),
          })}
        </p>
        <ul id="cd-deliveries">
          {log.items.map((d, i) => (
            <li key={d.id} data-state={states[i]} class={states[i] === 'dead' ? 'cd-error' : ''}>
              {t('ext.deliveries.item', {
                at: fmt.format(new Date(d.deliveredAt ?? d.createdAt)),
                event: eventName(d.event),
                channel: d.channel,
                state: tKey(locale, `ext.deliveries.state.${states[i]}`),
              })}
              {d.attempts > 1 && ` (${t('ext.deliveries.tries', { n: d.attempts })})`}
              {d.lastError && states[i] !== 'delivered' && (
                <span class="cd-help">
                  {' '}
                  {t('ext.deliveries.lastError', { error: d.lastError.slice(0, 200) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <section aria-labelledby="cd-deliveries-h" aria-busy={busy}>
      <h2 id="cd-deliveries-h">{t('ext.deliveries.title')}</h2>
      <p class="cd-help">{t('ext.deliveries.help')}</p>
      {body}
      {mayRead && (
        <button type="button" onClick={() => void read()} disabled={busy}>
          {t('ext.deliveries.refresh')}
        </button>
      )}
    </section>
  );
}
