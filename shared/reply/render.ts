import { tKey } from '../i18n/index';
import type { Policy } from '../policy/policy';
import type { Locale } from '../schema/codes';
import type { ComplaintState } from '../schema/complaint';
import { computeDeadlines } from '../sla/index';
import { addressName, salutation } from './salutation';

/** The values a reply template may use as `{placeholder}`. */
export interface ReplyValues {
  /** The greeting line, e.g. "尊敬的陈先生/女士：". */
  salutation: string;
  /** The name part of it, e.g. "陈先生/女士" (the built-in templates write "尊敬的{name}："). */
  name: string;
  caseNumber: string;
  resolution: string;
  /** The proposal's amount with its currency ("¥1,200.00"), or "". */
  amount: string;
  /** When the case is due to be closed, a date in the organisation's time zone, or "". */
  deadline: string;
}

function formatAmount(value: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}

function formatDate(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(at);
}

/**
 * The values of a reply for this complaint in `locale`: the proper salutation, the proposal's
 * amount and the close deadline filled in; internal fields (severity, responsibility) never.
 */
export function replyValues(
  state: ComplaintState,
  locale: Locale,
  policy: Policy,
  { now, resolutionText }: { now: Date; resolutionText?: string },
): ReplyValues {
  const r = state.resolution;
  const close = state.clocks.close
    ? computeDeadlines(state, now, policy).clocks.find((c) => c.clock === 'close')
    : undefined;
  return {
    salutation: salutation(state.record.complainant, locale),
    name: addressName(state.record.complainant, locale),
    caseNumber: state.caseNumber ?? '',
    resolution: resolutionText ?? r?.description ?? state.verdict?.explanation ?? '',
    amount:
      r?.amount !== undefined ? formatAmount(r.amount, r.currency ?? policy.currency, locale) : '',
    deadline: close ? formatDate(close.dueAt, locale, policy.calendar.timeZone) : '',
  };
}

/** `{placeholder}`s replaced by `values`; an unknown placeholder is left as written. */
export function fillPlaceholders(template: string, values: ReplyValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key as keyof ReplyValues] : whole,
  );
}

/** A built-in template (catalogue `review.template.<id>.body`) filled with `values`. */
export function builtInReply(id: string, locale: Locale, values: ReplyValues): string {
  return tKey(locale, `review.template.${id}.body`, {
    name: values.name,
    caseNumber: values.caseNumber,
    resolution: values.resolution,
  });
}

/**
 * A reply's subject and text: the organisation's own template for `locale` when the policy has
 * one (`notifications.replyTemplates`), else the built-in template `id`. The subject always
 * names the case number so the customer's answer finds its case.
 */
export function renderReply(
  policy: Policy,
  locale: Locale,
  values: ReplyValues,
  id = 'resolution',
): { subject: string; text: string } {
  const own = policy.notifications?.replyTemplates?.[locale];
  const defaultSubject =
    locale === 'zh-CN'
      ? `关于您的投诉（案件编号 ${values.caseNumber}）`
      : `Your complaint, case ${values.caseNumber}`;
  if (!own) return { subject: defaultSubject, text: builtInReply(id, locale, values) };
  const subject = fillPlaceholders(own.subject, values);
  return {
    subject: subject.includes(values.caseNumber) ? subject : `${subject} [${values.caseNumber}]`,
    text: fillPlaceholders(own.body, values),
  };
}
