import { t } from '../../shared/i18n/index';
import type { Policy } from '../../shared/policy/policy';
import {
  renderReply,
  replyAddress,
  replyPhone,
  replyValues,
  withCaseNumber,
} from '../../shared/reply/index';
import type { Locale } from '../../shared/schema/codes';
import type { ComplaintState } from '../../shared/schema/complaint';
import { type ServerMonthlyReport, monthlyReportCsv } from '../api/reports';
import type { Message } from './messages';

/** The organisation's language when a channel names none. */
export function defaultLocale(policy: Policy): Locale {
  return policy.calendar.timeZone === 'Asia/Shanghai' ? 'zh-CN' : 'en';
}

/** The monthly report mail: the same figures as the report endpoint, CSV attached. */
export function reportMail(
  report: ServerMonthlyReport,
  to: string[],
  locale: Locale,
  policy: Policy,
): Message {
  return {
    kind: 'mail',
    to,
    subject: t(locale, 'notify.report.subject', { month: report.month }),
    text: t(locale, 'notify.report.body', { month: report.month, registered: report.registered }),
    attachments: [
      {
        filename: `complaints-${report.month}.csv`,
        content: monthlyReportCsv(report, locale, policy),
        contentType: 'text/csv; charset=utf-8',
      },
    ],
  };
}

export interface ReplyRequest {
  channel: 'email' | 'sms';
  locale?: Locale | undefined;
  templateId?: string | undefined;
  /** The text as the staff member edited it; else the template filled in. */
  message?: string | undefined;
  subject?: string | undefined;
}

/**
 * A reply to the customer: to the complainant's email (threaded under the email the complaint
 * came from) or phone (SMS gateway), case number in the subject. Undefined: no address.
 */
export function replyMessage(
  state: ComplaintState,
  request: ReplyRequest,
  policy: Policy,
  now: Date,
): { message: Message; to: string; text: string } | undefined {
  const locale = request.locale ?? state.record.preferredLanguage ?? defaultLocale(policy);
  const values = replyValues(state, locale, policy, { now });
  const rendered = renderReply(policy, locale, values, request.templateId);
  const text = request.message ?? rendered.text;
  if (request.channel === 'sms') {
    const phone = replyPhone(state);
    if (!phone) return undefined;
    const body = { to: phone, text, complaintId: state.id, caseNumber: state.caseNumber ?? null };
    return { message: { kind: 'http', body: JSON.stringify(body) }, to: phone, text };
  }
  const original = state.record.source?.email;
  const email = replyAddress(state);
  if (!email) return undefined;
  const subject = withCaseNumber(request.subject ?? rendered.subject, state.caseNumber);
  const messageId = original?.internetMessageId;
  const headers: Record<string, string> = {};
  if (messageId) {
    const id = messageId.startsWith('<') ? messageId : `<${messageId}>`;
    headers['In-Reply-To'] = id;
    headers.References = id;
  }
  return {
    message: { kind: 'mail', to: [email], subject, text, headers },
    to: email,
    text,
  };
}
