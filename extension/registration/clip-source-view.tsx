import { labelColon } from '@shared/i18n/punctuation';
import type { Locale } from '@shared/schema/codes';
import type { ClipSource } from '@shared/schema/registration';
import { sandboxedSrcdoc } from '../capture/display';
import type { T } from '../i18n';
import { formatDateTime, zoneNote } from '../ui/format';

/**
 * Where the clip came from, and its sanitized HTML in a `sandbox=""` iframe: no scripts, no
 * same-origin access, no navigation — and a CSP in the srcdoc that blocks remote fetches.
 */
export function ClipSourceView(props: {
  source: ClipSource;
  t: T;
  locale: Locale;
  /** The organisation's calendar zone: the deadlines beside the clip are shown in it too. */
  timeZone: string;
}) {
  const { source, t, locale, timeZone } = props;
  const email = source.email;
  return (
    <section class="cd-notice" aria-labelledby="cd-source-h">
      <h2 id="cd-source-h">{t('ext.panel.source')}</h2>
      {source.title && <p>{source.title}</p>}
      {source.url && (
        <p class="cd-meta">
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.url}
          </a>
        </p>
      )}
      {email?.from && (
        <p class="cd-meta">
          {email.from.name} {email.from.address && `<${email.from.address}>`}
        </p>
      )}
      {/* Two times, each named: when the customer sent the email, when the agent clipped it. */}
      {email?.date && (
        <p class="cd-meta">
          {t('ext.panel.sentAt')}
          {labelColon(locale)}
          {email.date.iso ? (
            <time dateTime={email.date.iso}>
              {formatDateTime(email.date.iso, locale, timeZone) || email.date.raw}
              {zoneNote(timeZone, locale)}
            </time>
          ) : (
            email.date.raw
          )}
        </p>
      )}
      <p class="cd-meta">
        {t('ext.panel.clippedAt')}
        {labelColon(locale)}
        <time dateTime={source.capturedAt}>
          {/* Worded as the deadlines beside it are (live-preview.tsx): one way to read a time. */}
          {formatDateTime(source.capturedAt, locale, timeZone) || source.capturedAt}
          {zoneNote(timeZone, locale)}
        </time>
      </p>
      {source.html && (
        <iframe
          class="cd-clip"
          sandbox=""
          title={t('ext.panel.sourcePreview')}
          srcdoc={sandboxedSrcdoc(source.html)}
          referrerpolicy="no-referrer"
        />
      )}
    </section>
  );
}
