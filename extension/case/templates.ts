import { tKey } from '@shared/i18n/index';
import { addressName } from '@shared/reply/salutation';
import { formatMoney } from '@shared/i18n/money';
import { activePolicy } from '../policy/active-policy';
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

/** The proposed amount in the customer's language ("¥1,200.00"), if the resolution has one. */
function amountText(state: ComplaintState, lang: Locale): string | undefined {
  const r = state.resolution;
  return r?.amount === undefined
    ? undefined
    : formatMoney(r.amount, r.currency ?? activePolicy().currency, lang);
}

/**
 * A template filled for this complaint, in `lang`: the customer addressed properly, the case
 * number, the proposed resolution and its amount; internal fields (severity, responsibility)
 * never appear.
 */
export function fillTemplate(
  id: ReplyTemplate,
  lang: Locale,
  state: ComplaintState,
  resolutionText?: string,
): string {
  const name = addressName(state.record.complainant, lang);
  const described =
    resolutionText ?? state.resolution?.description ?? state.verdict?.explanation ?? '';
  const amount = amountText(state, lang);
  const resolution = amount
    ? `${described}${lang === 'zh-CN' ? '' : ' '}${tKey(lang, 'ws.template.amount', { amount })}`.trim()
    : described;
  return tKey(lang, `review.template.${id}.body`, {
    name,
    caseNumber: state.caseNumber ?? '',
    resolution,
  });
}
