import type { Locale } from '@shared/schema/codes';
import { labelColon } from '@shared/i18n/punctuation';
import { activePolicy } from '../policy/active-policy';
import { type T, tKey } from '../i18n';
import { formatDateTime, zoneNote } from '../ui/format';
import type { Preview } from './preview';

/** Severity with its reasons and the deadlines it implies, recomputed as the agent types. */
export function LivePreview(props: {
  preview: Preview;
  t: T;
  locale: Locale;
  /** Named in the out-of-hours notice. */
  onCallContact?: string;
}) {
  const { preview, t, locale } = props;
  const zone = activePolicy().calendar.timeZone;
  return (
    <section class="cd-notice" aria-labelledby="cd-sev-h" aria-live="polite" id="cd-live">
      <h2 id="cd-sev-h">
        {t('ext.panel.severity')}
        {labelColon(locale)}
        <span class="cd-sev" data-level={preview.severity.level}>
          {t(`severity.${preview.severity.level}`)}
        </span>
      </h2>
      <p class="cd-help">{t('ext.panel.reasons')}</p>
      <ul>
        {preview.severity.reasons.map((r) => (
          <li key={`${r.rule}:${r.detail ?? ''}`}>
            {tKey(locale, `severity.rule.${r.rule}`, { ...r })}
          </li>
        ))}
      </ul>
      <h3>
        {t('ext.panel.deadlines')}
        {zoneNote(zone, locale)}
      </h3>
      <ul>
        {preview.deadlines.map((d) => (
          <li key={d.clock}>
            {t('ext.panel.due', {
              clock: t(`clock.${d.clock}`),
              due: formatDateTime(d.dueAt, locale, zone),
            })}
            {d.calendarUnknown && <span class="cd-help"> ({t('sla.calendarUnknown')})</span>}
          </li>
        ))}
      </ul>
      {preview.alertOnCall && (
        <p class="cd-error">{t('ext.panel.onCall', { contact: props.onCallContact ?? '' })}</p>
      )}
    </section>
  );
}
