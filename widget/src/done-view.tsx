import type { Locale } from '@shared/schema/codes';
import type { Ref } from 'preact';
import type { Receipt } from './events';
import { t } from './i18n';
import { type ReplyDue, replyWords } from './reply-deadline';
import { useCopy } from './review-view';

/** After sending: the case number and what happens next (the reply deadline, in words). */
export function DoneView(p: {
  locale: Locale;
  receipt: Receipt;
  due: ReplyDue | undefined;
  anonymous: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onAgain: () => void;
}) {
  const { locale: l, receipt } = p;
  return (
    <div class="done" part="success">
      <svg class="icon" viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" stroke-width="3" />
        <path
          d="M14 25l7 7 13-15"
          fill="none"
          stroke="currentColor"
          stroke-width="4"
          stroke-linecap="round"
        />
      </svg>
      <h2 ref={p.headingRef} tabIndex={-1}>
        {t(l, 'widget.success.title')}
      </h2>
      {receipt.caseNumber && (
        <>
          <p class="muted">{t(l, 'widget.success.case')}</p>
          <p class="case">{receipt.caseNumber}</p>
          <p>{t(l, 'widget.success.keep')}</p>
        </>
      )}
      <h3>{t(l, 'widget.success.next')}</h3>
      <p>
        {p.anonymous
          ? t(l, 'widget.success.anonymous')
          : p.due
            ? t(l, 'widget.success.reply', replyWords(l, p.due))
            : t(l, 'widget.success.replySoon')}
      </p>
      <div class="actions">
        <button type="button" class="secondary" part="button" onClick={p.onAgain}>
          {t(l, 'widget.success.again')}
        </button>
      </div>
    </div>
  );
}

/**
 * Saved in the outbox: it will be sent automatically. Not registered yet, so the visitor can
 * also copy it (the read-back's rows) to send another way.
 */
export function QueuedView(p: {
  locale: Locale;
  rows: readonly [string, string | number][];
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const copy = useCopy(p.locale, p.rows);
  return (
    <div class="done" part="queued">
      <svg class="icon" viewBox="0 0 48 48" aria-hidden="true">
        <circle cx="24" cy="24" r="22" fill="none" stroke="currentColor" stroke-width="3" />
        <path
          d="M24 12v13l8 5"
          fill="none"
          stroke="currentColor"
          stroke-width="4"
          stroke-linecap="round"
        />
      </svg>
      <h2 ref={p.headingRef} tabIndex={-1}>
        {t(p.locale, 'widget.queued.title')}
      </h2>
      <p>{t(p.locale, 'widget.queued.body')}</p>
      <div class="actions">{copy.button}</div>
      {copy.status}
    </div>
  );
}
