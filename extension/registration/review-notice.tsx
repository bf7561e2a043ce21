import { listOf } from '@shared/i18n/punctuation';
import type { Locale } from '@shared/schema/codes';
import type { ReviewField } from '../capture/to-source';
import type { T } from '../i18n';

const NAMES = {
  'complainant.name': 'cap.review.field.complainant.name',
  'complainant.email': 'cap.review.field.complainant.email',
  subject: 'cap.review.field.subject',
  description: 'cap.review.field.description',
} as const satisfies Record<ReviewField, string>;

const isReviewField = (f: string): f is ReviewField => f in NAMES;

/** Which prefilled fields the capture guessed (a heuristic or weak evidence): check them first. */
export function ReviewNotice(props: { fields: readonly string[]; locale: Locale; t: T }) {
  const names = props.fields.filter(isReviewField).map((f) => props.t(NAMES[f]));
  if (!names.length) return null;
  return (
    <p class="cd-notice cd-review" role="note">
      {props.t('cap.review.notice', { fields: listOf(props.locale, names) })}
    </p>
  );
}
