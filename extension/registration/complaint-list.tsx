import { caseNumberLabel } from '@shared/numbering/provisional';
import type { Locale } from '@shared/schema/codes';
import type { ComplaintRow } from '../db/types';
import type { T } from '../i18n';

/** One line per complaint: title, status, case number with its issuer badge. */
export function ComplaintList(props: {
  rows: ComplaintRow[];
  t: T;
  locale: Locale;
  needsReview?: Set<string>;
  onOpen: (id: string) => void;
}) {
  const { t, locale } = props;
  return (
    <ul class="cd-list">
      {props.rows.map((row) => (
        <li key={row.id}>
          <button type="button" onClick={() => props.onOpen(row.id)} data-complaint-id={row.id}>
            {row.title || t('ext.popup.untitled')}
            {props.needsReview?.has(row.id) && (
              <span class="cd-badge">{t('ext.popup.needsReview')}</span>
            )}
            <span class="cd-meta">
              {t(`status.${row.status}`)} · <span class="cd-sev">{row.severity}</span>
              {row.caseNumber && (
                <>
                  {' · '}
                  {caseNumberText(row, t, locale)}
                </>
              )}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The case number as the shared rule shows it, with a hint when it is still the device's own. */
export function caseNumberText(
  row: Pick<ComplaintRow, 'caseNumber' | 'caseNumberIssuer'>,
  t: T,
  locale: Locale,
) {
  if (!row.caseNumber) return '';
  const label = caseNumberLabel(locale, row.caseNumber, row.caseNumberIssuer);
  if (row.caseNumberIssuer !== 'local') return label;
  return (
    <span class="cd-provisional" title={t('ext.badge.localTitle')}>
      {label}
    </span>
  );
}
