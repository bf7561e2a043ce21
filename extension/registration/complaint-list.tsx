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
                  {row.caseNumber}
                  <CaseNumberBadge issuer={row.caseNumberIssuer} t={t} />
                </>
              )}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "local" until the team server issues the number. */
export function CaseNumberBadge(props: { issuer: 'local' | 'server' | undefined; t: T }) {
  if (props.issuer !== 'local') return null;
  return (
    <span class="cd-badge" title={props.t('ext.badge.localTitle')}>
      {props.t('ext.badge.local')}
    </span>
  );
}
