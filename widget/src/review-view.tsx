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

/** The read-back's rows, `[label, value]`, only those with a value. */
export function readBack(
  l: Locale,
  data: ComplaintSubmission,
  imageNames: readonly string[],
): [string, string | number][] {
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
    [t(l, 'form.attachments'), imageNames.join('\n')],
  );
  return rows.filter((r): r is [string, string | number] => r[1] !== undefined && r[1] !== '');
}

/**
 * "Copy my complaint" (`part="button copy"`): puts the read-back on the clipboard as plain
 * `label: value` lines, to send another way; `status` (placed after the buttons) says whether
 * that worked.
 */
export function useCopy(l: Locale, rows: readonly [string, string | number][]) {
  const [copied, setCopied] = useState<boolean>();
  const copy = async () =>
    setCopied(await copyText(rows.map(([label, value]) => `${label}: ${value}`).join('\n')));
  return {
    button: (
      <button type="button" class="secondary" part="button copy" onClick={() => void copy()}>
        {t(l, 'widget.copy')}
      </button>
    ),
    status: (
      <p class="muted" role="status">
        {copied === undefined ? '' : t(l, copied ? 'widget.copy.done' : 'widget.copy.failed')}
      </p>
    ),
  };
}

/**
 * The read-back (复述): a plain summary the visitor confirms before anything is sent. After a
 * send that did not register it, the same summary stays on screen with why, "Try again" and
 * "Copy my complaint".
 */
export function ReviewView(p: ReviewViewProps) {
  const { locale: l } = p;
  const shown = readBack(l, p.data, p.imageNames);
  const copy = useCopy(l, shown);
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
        {p.trouble && copy.button}
        <button type="button" class="secondary" part="button" onClick={p.onEdit}>
          {t(l, 'widget.confirm.edit')}
        </button>
      </div>
      {p.trouble && copy.status}
    </div>
  );
}
