import { tKey } from '@shared/i18n/index';
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
 * A template filled for this complaint, in `lang`. The greeting uses the complainant's name (a
 * surname is enough); internal fields (severity, responsibility) never appear.
 */
export function fillTemplate(
  id: ReplyTemplate,
  lang: Locale,
  state: ComplaintState,
  resolutionText?: string,
): string {
  const c = state.record.complainant;
  const fallbackName = lang === 'zh-CN' ? '客户' : 'customer';
  const name = c && !c.anonymous && c.name ? c.name : fallbackName;
  const resolution =
    resolutionText ?? state.resolution?.description ?? state.verdict?.explanation ?? '';
  return tKey(lang, `review.template.${id}.body`, {
    name,
    caseNumber: state.caseNumber ?? '',
    resolution,
  });
}
