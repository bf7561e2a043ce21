import type { Locale } from '@shared/schema/codes';
import type { ComplaintSubmission } from '@shared/schema/submission';
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t, tKey } from './i18n';
import { type Msg, render } from './messages';

export interface ReviewViewProps {
  locale: Locale;
  data: ComplaintSubmission;
  imageNames: readonly string[];
  sending: boolean;
  notice: Msg | null;
  /** Sending went wrong (`notice` says how): "Try again" and "Copy my complaint". */
  trouble: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onSend: () => void;
  onEdit: () => void;
}

/** Puts `text` on the clipboard; false where the page may not (no API, no permission). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The read-back (复述): a plain summary the visitor confirms before anything is sent. After a
 * send that did not register it, the same summary stays on screen with why, "Try again" and
 * "Copy my complaint" (the summary as plain text, to send another way).
 */
export function ReviewView(p: ReviewViewProps) {
  const { locale: l, data } = p;
  const [copied, setCopied] = useState<boolean>();
  const c = data.complainant;
  const rows: [string, string | number | undefined][] = c.anonymous
    ? [[t(l, 'form.name'), t(l, 'widget.confirm.anonymous')]]
    : [
        [t(l, 'form.name'), c.name],
        [t(l, 'form.phone'), c.phone],
        [t(l, 'form.email'), c.email],
        [t(l, 'form.address'), c.address],
      ];
  rows.push(
    [t(l, 'form.category'), data.category && tKey(l, `category.${data.category}`)],
    [t(l, 'form.subject'), data.subject],
    [t(l, 'form.description'), data.description],
    [t(l, 'form.demand'), data.demand],
    [
      t(l, 'form.amount', { currency: data.amountClaimed?.currency }),
      data.amountClaimed && new Intl.NumberFormat(l).format(data.amountClaimed.value),
    ],
    [t(l, 'form.headcount'), data.headcount],
    ...Object.entries(data.profileFields ?? {}).map(
      ([k, v]) => [tKey(l, `form.profile.${k}`), v] as [string, string | number | undefined],
    ),
    [t(l, 'form.attachments'), p.imageNames.join('\n')],
  );
  const shown = rows.filter(([, v]) => v !== undefined && v !== '');
  const copy = async () =>
    setCopied(await copyText(shown.map(([label, value]) => `${label}: ${value}`).join('\n')));
  return (
    <div part="review">
      <h2 ref={p.headingRef} tabIndex={-1}>
        {t(l, 'widget.confirm.title')}
      </h2>
      <p class="intro">{t(l, 'widget.confirm.intro')}</p>
      {p.notice && (
        <p class="notice" role="alert">
          {render(l, p.notice)}
        </p>
      )}
      <dl class="readback">
        {shown.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="submit"
          aria-disabled={p.sending ? 'true' : undefined}
          onClick={p.onSend}
        >
          {p.sending
            ? t(l, 'widget.sending')
            : p.trouble
              ? t(l, 'widget.retry')
              : t(l, 'widget.confirm.send')}
        </button>
        {p.trouble && (
          <button type="button" class="secondary" part="button copy" onClick={() => void copy()}>
            {t(l, 'widget.copy')}
          </button>
        )}
        <button type="button" class="secondary" part="button" onClick={p.onEdit}>
          {t(l, 'widget.confirm.edit')}
        </button>
      </div>
      {p.trouble && (
        <p class="muted" role="status">
          {copied === undefined ? '' : t(l, copied ? 'widget.copy.done' : 'widget.copy.failed')}
        </p>
      )}
    </div>
  );
}
