import { tKey } from '@shared/i18n/index';
import { addressName } from '@shared/reply/salutation';
import type { Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';

/** Customer-facing reply templates (catalogue keys `review.template.<id>` and `.body`). */
export const REPLY_TEMPLATES = [
  'resolution',
  'repair',
  'refund',
  'compensation',
  'explanation',
  'invalid',
  'ack',
] as const;
export type ReplyTemplate = (typeof REPLY_TEMPLATES)[number];

/** The template that fits the proposed resolution best. */
export function defaultTemplate(state: ComplaintState): ReplyTemplate {
  switch (state.resolution?.type) {
    case 'repair':
    case 'refund':
    case 'compensation':
    case 'explanation':
      return state.resolution.type;
    default:
      return state.status === 'invalid' ? 'invalid' : 'resolution';
  }
}

/** The language to write to the customer in: theirs when recorded, else the user's. */
export function customerLanguage(state: ComplaintState, fallback: Locale): Locale {
  return state.record.preferredLanguage ?? fallback;
}

/**
 * A template filled for this complaint, in `lang`, through the shared reply rendering (the
 * server's emails use the same): a proper salutation ("尊敬的刘先生/女士：", "Dear Mr/Ms Liu");
 * internal fields (severity, responsibility) never appear.
 */
export function fillTemplate(
  id: ReplyTemplate,
  lang: Locale,
  state: ComplaintState,
  resolutionText?: string,
): string {
  const name = addressName(state.record.complainant, lang);
  const resolution =
    resolutionText ?? state.resolution?.description ?? state.verdict?.explanation ?? '';
  return tKey(lang, `review.template.${id}.body`, {
    name,
    caseNumber: state.caseNumber ?? '',
    resolution,
  });
}
