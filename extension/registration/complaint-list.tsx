import { provisionalNumber } from '@shared/numbering/provisional';
import type { ComplaintRow } from '../db/types';
import type { T } from '../i18n';

/** One line per complaint: title, status, case number with its issuer badge. */
export function ComplaintList(props: {
  rows: ComplaintRow[];
  t: T;
  needsReview?: Set<string>;
  onOpen: (id: string) => void;
}) {
  const { t } = props;
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
                  {caseNumberText(row, t)}
                </>
              )}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The case number, marked provisional (never the shape of a server number) until the server's arrives. */
export function caseNumberText(row: Pick<ComplaintRow, 'caseNumber' | 'caseNumberIssuer'>, t: T) {
  if (!row.caseNumber) return '';
  if (row.caseNumberIssuer !== 'local') return row.caseNumber;
  return (
    <span class="cd-provisional" title={t('ext.badge.localTitle')}>
      {t('caseNumber.provisional', { number: provisionalNumber(row.caseNumber) })}
    </span>
  );
}
