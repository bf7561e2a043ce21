import { useEffect, useState } from 'preact/hooks';
import { syncErrorText } from '../sync/reason-text';
import { type Delivery, type DeliveryLog, deliveryState } from '../team/deliveries';
import type { CaseContext } from './case-parts';
import type { QueuedReply, ReplyService } from './reply-service';

/** How often the case asks again while a reply is not yet sent or given up. */
const POLL_MS = 5_000;

type Line = { id: string; at: string; to?: string; state: string; error?: string | null };

/**
 * Replies the team server was asked to send, as the server's delivery log tells them: waiting,
 * retrying (with the last error), given up, or sent. A reply shows as sent only once the server
 * recorded it delivered (its `replied` event then reaches the timeline by sync); until then it
 * is pending, and a failed one says so. Asked again while anything is still pending.
 */
export function ReplyStatus({
  c: { state, t, when },
  replies,
  queued,
  pollMs = POLL_MS,
}: {
  c: CaseContext;
  replies: ReplyService;
  /** Asked for from this page, perhaps not in the server's log yet. */
  queued: readonly (QueuedReply & { at: string })[];
  pollMs?: number;
}) {
  const [log, setLog] = useState<DeliveryLog>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void replies.deliveries(state.id).then((l) => live && setLog(l));
    return () => {
      live = false;
    };
  }, [state.id, state.version, queued.length, round]);

  const server: Delivery[] = log?.ok ? log.items.filter((d) => d.event === 'reply') : [];
  const lines: Line[] = server.map((d) => ({
    id: d.id,
    at: d.deliveredAt ?? d.createdAt,
    to: queued.find((q) => d.key === q.key)?.to,
    state: deliveryState(d),
    error: d.lastError,
  }));
  for (const q of queued)
    if (!server.some((d) => d.key === q.key))
      lines.unshift({ id: q.key, at: q.at, to: q.to, state: 'queued' });
  const pending = lines.some((l) => l.state === 'queued' || l.state === 'retrying');

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setRound((r) => r + 1), pollMs);
    return () => clearTimeout(timer);
  }, [pending, log, pollMs]);

  if (lines.length === 0 && log?.ok !== false) return null;
  return (
    <section aria-labelledby="rv-replies" class="rv-no-print">
      <h2 id="rv-replies">{t('ext.reply.statusTitle')}</h2>
      {log && !log.ok && (
        <p class="cd-error">
          {t('ext.reply.statusFailed', { message: syncErrorText(t.locale, log) })}
        </p>
      )}
      <ul id="rv-reply-status">
        {lines.map((l) => (
          <li key={l.id} data-state={l.state} class={l.state === 'dead' ? 'cd-error' : undefined}>
            {t('ext.reply.line', {
              at: when(l.at),
              to: l.to ?? t('ext.reply.customer'),
              state: t.key(`ext.reply.state.${l.state}`),
            })}
            {l.error && l.state !== 'delivered' && (
              <span class="rv-hint">
                {' '}
                {t('ext.deliveries.lastError', { error: l.error.slice(0, 200) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
