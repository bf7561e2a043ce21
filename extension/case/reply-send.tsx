import { replyAddress, replyComposeLink, replyPhone, replySubject } from '@shared/reply/index';
import type { Locale, ReplyVia } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import { useState } from 'preact/hooks';
import { syncErrorText } from '../sync/reason-text';
import type { Tr } from '../ui/format';
import type { QueuedReply, ReplyChannel, ReplyService } from './reply-service';

type Note = { text: string; error: boolean };

/**
 * The ways a written reply reaches the customer, under the reply form: "Send by email" through
 * the team server (team mode, an address on file), "Send by SMS" likewise (a phone on file and
 * an SMS gateway in the team's policy, `smsReplies`); for an email clipped from webmail, "Open
 * reply in webmail" (the provider's compose page, else `mailto:`); "Copy reply" everywhere.
 * The extension cannot see a hand-sent mail leave, so those record the reply (with where it
 * went) only when the agent confirms they sent it.
 */
export function ReplySend(props: {
  state: ComplaintState;
  message: string;
  lang: Locale;
  t: Tr;
  replies?: ReplyService | undefined;
  /** The team's policy has an SMS gateway (the staff view's `smsReplies`). */
  smsReplies?: boolean;
  onQueued: (reply: QueuedReply) => void;
  onConfirmSent: (how: { via: ReplyVia; to?: string }) => void;
  busy: boolean;
}) {
  const { state, t } = props;
  const [handed, setHanded] = useState<'webmail' | 'copied'>();
  const [note, setNote] = useState<Note>();
  const [sending, setSending] = useState(false);
  const to = replyAddress(state);
  const phone = props.smsReplies ? replyPhone(state) : undefined;
  const text = props.message.trim();
  const clip = state.record.source;
  const link =
    clip?.email && to
      ? replyComposeLink(
          clip.email.provider,
          { to, subject: replySubject(clip.email.subject, state.caseNumber), body: text },
          clip.url,
        )
      : undefined;
  const needText = () => {
    if (text) return false;
    setNote({ text: t('ext.reply.empty'), error: true });
    return true;
  };

  async function send(channel: ReplyChannel) {
    if (needText() || !props.replies) return;
    setSending(true);
    setNote({ text: t('ext.reply.sending'), error: false });
    try {
      const result = await props.replies.send(state.id, {
        channel,
        locale: props.lang,
        message: text,
      });
      if (result.ok) props.onQueued(result.reply);
      else
        setNote({
          text: t('ext.reply.sendFailed', { message: syncErrorText(t.locale, result) }),
          error: true,
        });
    } finally {
      setSending(false);
    }
  }

  async function copy() {
    if (needText()) return;
    try {
      await navigator.clipboard.writeText(text);
      setHanded('copied');
      setNote({ text: t('ext.reply.copied'), error: false });
    } catch {
      setNote({ text: t('ext.reply.copyFailed'), error: true });
    }
  }

  return (
    <fieldset class="rv-reply-send">
      <legend>{t('ext.reply.title')}</legend>
      <p class="rv-hint">{to ? t('ext.reply.to', { to }) : t('ext.reply.noAddress')}</p>
      {props.replies && phone && <p class="rv-hint">{t('ext.reply.toPhone', { phone })}</p>}
      <div class="cd-row">
        {props.replies && to && (
          <button type="button" onClick={() => send('email')} disabled={sending || props.busy}>
            {t('ext.reply.sendEmail')}
          </button>
        )}
        {props.replies && phone && (
          <button type="button" onClick={() => send('sms')} disabled={sending || props.busy}>
            {t('ext.reply.sendSms')}
          </button>
        )}
        {link?.ok && text && (
          <a
            class="cd-button"
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => {
              setHanded('webmail');
              setNote(undefined);
            }}
          >
            {link.kind === 'webmail' ? t('ext.reply.openWebmail') : t('ext.reply.openMailto')}
          </a>
        )}
        <button type="button" onClick={copy}>
          {t('ext.reply.copy')}
        </button>
      </div>
      {link && !link.ok && link.reason === 'tooLong' && text && (
        <p class="rv-hint">{t('ext.reply.tooLong')}</p>
      )}
      {handed && (
        <p class="cd-row">
          <span>{t('ext.reply.confirmPrompt')}</span>
          <button
            type="button"
            class="cd-primary"
            disabled={props.busy}
            onClick={() => props.onConfirmSent({ via: handed, ...(to ? { to } : {}) })}
          >
            {t('ext.reply.confirmSent')}
          </button>
        </p>
      )}
      <p role="status" aria-live="polite" class={note?.error ? 'cd-error' : undefined}>
        {note?.text ?? ''}
      </p>
    </fieldset>
  );
}
