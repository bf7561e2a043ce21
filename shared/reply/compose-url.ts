/**
 * Where an agent answers a clipped email by hand: the webmail's own compose page with the reply
 * filled in, where the provider documents one, else a `mailto:` link (the browser's mail
 * program). A link too long to open whole is refused rather than cut: a truncated reply to a
 * customer is worse than "copy it instead".
 */

import type { ComplaintState } from '../schema/complaint';

/** The mail a reply link opens. */
export interface ReplyMail {
  to: string;
  subject: string;
  body: string;
}

export type ComposeLink =
  | { ok: true; kind: 'webmail' | 'mailto'; url: string }
  | { ok: false; reason: 'tooLong' | 'noAddress' };

/**
 * Longest webmail compose URL opened: Google's and Microsoft's front ends refuse request lines
 * much beyond 8 KB (HTTP 400/414), and the query is all of it.
 */
export const WEBMAIL_URL_MAX = 8_000;
/**
 * Longest `mailto:` link: Windows hands it to the mail program through a 2,048-character
 * command line, and desktop clients cut what is over.
 */
export const MAILTO_URL_MAX = 2_000;

const q = encodeURIComponent;

/** The compose pages of the providers that document one, by extractor provider id. */
const COMPOSE: Record<string, (m: ReplyMail, host?: string) => string> = {
  gmail: (m) =>
    `https://mail.google.com/mail/?view=cm&to=${q(m.to)}&su=${q(m.subject)}&body=${q(m.body)}`,
  // Personal accounts live on outlook.live.com, work and school ones on outlook.office.com.
  outlook: (m, host) =>
    `https://${host === 'outlook.live.com' ? host : 'outlook.office.com'}/mail/deeplink/compose?to=${q(m.to)}&subject=${q(m.subject)}&body=${q(m.body)}`,
  yahoo: (m) =>
    `https://compose.mail.yahoo.com/?to=${q(m.to)}&subject=${q(m.subject)}&body=${q(m.body)}`,
};

/** RFC 6068: the address may keep its `@`; line breaks in the body are CRLF. */
function mailto(m: ReplyMail): string {
  const body = m.body.replace(/\r?\n/g, '\r\n');
  return `mailto:${q(m.to).replace(/%40/g, '@')}?subject=${q(m.subject)}&body=${q(body)}`;
}

/**
 * The link that opens this reply for `provider` (the clip's extractor id: gmail, outlook,
 * yahoo; QQ and 163 have no reliable compose URL, so they and unknown ones get `mailto:`).
 * `pageUrl` is the clipped page, which tells Outlook's personal and business hosts apart.
 */
export function replyComposeLink(
  provider: string | undefined,
  mail: ReplyMail,
  pageUrl?: string,
): ComposeLink {
  if (!mail.to.trim()) return { ok: false, reason: 'noAddress' };
  const compose = provider ? COMPOSE[provider] : undefined;
  if (compose) {
    let host: string | undefined;
    try {
      host = pageUrl ? new URL(pageUrl).hostname : undefined;
    } catch {
      host = undefined;
    }
    const url = compose(mail, host);
    return url.length <= WEBMAIL_URL_MAX
      ? { ok: true, kind: 'webmail', url }
      : { ok: false, reason: 'tooLong' };
  }
  const url = mailto(mail);
  return url.length <= MAILTO_URL_MAX
    ? { ok: true, kind: 'mailto', url }
    : { ok: false, reason: 'tooLong' };
}

/**
 * Where an email reply goes: the complainant's address, else the sender of the clipped email;
 * none for an anonymous complaint.
 */
export function replyAddress(state: Pick<ComplaintState, 'record'>): string | undefined {
  const c = state.record.complainant;
  if (c?.anonymous) return undefined;
  return c?.email ?? state.record.source?.email?.from?.address;
}

/** Where an SMS reply goes: the complainant's phone; none for an anonymous complaint. */
export function replyPhone(state: Pick<ComplaintState, 'record'>): string | undefined {
  const c = state.record.complainant;
  return c?.anonymous ? undefined : c?.phone || undefined;
}

/** A reply's subject always names the case, so the answer files under it (server and hand). */
export function withCaseNumber(subject: string, caseNumber: string | undefined): string {
  return caseNumber && !subject.includes(caseNumber) ? `${subject} [${caseNumber}]` : subject;
}

/** "Re: <the customer's subject>", once, with the case number. */
export function replySubject(original: string | undefined, caseNumber: string | undefined): string {
  const base = (original ?? '').trim();
  const re = /^(re|回复|答复)\s*[:：]/i.test(base) ? base : `Re: ${base}`.trim();
  return withCaseNumber(re, caseNumber);
}
