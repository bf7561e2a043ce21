import type { Channel } from '@shared/schema/codes';
import { readMailHeaders } from '@shared/extract/mail-headers';
import { FIELD_LIMITS } from '@shared/schema/limits';
import { EmailSchema } from '@shared/schema/fields';
import type { ClipSource, Draft } from '@shared/schema/registration';
import { PREVIEW_THRESHOLD } from './confidence';
import type { PageCapture } from './page';
import type { Sanitize } from './sanitize';
import type { Address, ClipResult } from './types';

// Clip → the shared records: ClipSource (+ EmailClip) and a Draft prefill. Every string is cut
// to the schema's bounds, so a long email never makes the capture fail validation.

type EmailClip = NonNullable<ClipSource['email']>;

/** The shared schema's bounds (shared/schema/registration.ts, fields.ts). */
/** The shared schema's bounds, which clipped text is cut to before it is validated. */
export const SOURCE_LIMITS = FIELD_LIMITS;

/** Trimmed and cut to `max` characters without splitting a surrogate pair; '' → undefined. */
export function cut(value: string | undefined | null, max: number): string | undefined {
  let s = value?.trim();
  if (!s) return undefined;
  if (s.length > max) {
    const end = /[\ud800-\udbff]/.test(s[max - 1]!) ? max - 1 : max;
    s = s.slice(0, end).trim();
  }
  return s || undefined;
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const L = SOURCE_LIMITS;

function address(a: Address | undefined): EmailClip['from'] {
  if (!a) return undefined;
  const out = compact({ name: cut(a.name, L.name), address: cut(a.address, L.address) });
  return out.name || out.address ? out : undefined;
}

const addresses = (list: Address[]) =>
  list
    .map(address)
    .filter((a): a is NonNullable<typeof a> => !!a)
    .slice(0, L.recipients);

/** Webmail clips are emails; the generic extractor's only when it found a sender address. */
export function channelFor(clip: ClipResult): Channel {
  if (clip.provider !== 'generic') return 'email';
  return clip.from?.address ? 'email' : 'web_page';
}

function emailClip(clip: ClipResult): EmailClip {
  return compact({
    provider: clip.provider,
    from: address(clip.from),
    to: clip.to.length ? addresses(clip.to) : undefined,
    cc: clip.cc.length ? addresses(clip.cc) : undefined,
    subject: cut(clip.subject, L.emailSubject),
    date: clip.date?.raw
      ? compact({ raw: cut(clip.date.raw, L.dateRaw) ?? clip.date.raw.trim(), iso: clip.date.iso })
      : undefined,
    messageId: cut(clip.messageId, L.id),
    threadId: cut(clip.threadId, L.id),
    internetMessageId: cut(clip.internetMessageId, L.internetMessageId),
    quotedText: cut(clip.quotedText, L.quotedText),
    signature: cut(clip.signature, L.signature),
    attachmentNames: clip.attachments.length
      ? clip.attachments
          .map((a) => cut(a.name, L.attachmentName))
          .filter((n): n is string => !!n)
          .slice(0, L.attachments)
      : undefined,
  });
}

/** HTML that is known sanitized, or nothing: unsanitized markup is never stored. */
function safeHtml(
  html: string,
  alreadySanitized: boolean,
  sanitize?: Sanitize,
): string | undefined {
  if (!html) return undefined;
  const clean = alreadySanitized ? html : sanitize?.(html);
  // A truncated document would be broken markup; the text is kept in full anyway.
  return clean && clean.length <= L.html ? clean : undefined;
}

export interface ToSourceOptions {
  /** ISO instant of the capture (time is passed in, never read here). */
  capturedAt: string;
  /** Needed unless the clip went through `sanitizeClip`; without either, `html` is left out. */
  sanitize?: Sanitize;
}

export interface SourceResult {
  source: ClipSource;
  draft: Draft;
  channel: Channel;
  /** Below PREVIEW_THRESHOLD (or nothing selected on a page): show the editable preview. */
  needsPreview: boolean;
  /** Draft fields a heuristic (or a weak match) filled: the side panel marks them for review. */
  review: ReviewField[];
}

/** Draft fields that can be prefilled from a clip. */
export type ReviewField = 'complainant.name' | 'complainant.email' | 'subject' | 'description';

/** Below this a field's own evidence is weak even from a selector (e.g. a name without address). */
export const REVIEW_FIELD_BELOW = 0.5;

/** Which prefilled draft fields rest on a guess: a heuristic rule, or weak evidence. */
export function reviewFields(clip: ClipResult, draft: Draft): ReviewField[] {
  const weak = (field: 'from' | 'subject' | 'body') => {
    const ev = clip.evidence[field];
    return !ev || ev.tier === 'heuristic' || ev.confidence < REVIEW_FIELD_BELOW;
  };
  const out: ReviewField[] = [];
  if (draft.complainant?.name && weak('from')) out.push('complainant.name');
  if (draft.complainant?.email && weak('from')) out.push('complainant.email');
  // A summary is always a guess; an email subject only when found by a heuristic.
  if (draft.subject && (channelFor(clip) === 'web_page' || weak('subject'))) out.push('subject');
  if (draft.description && !clip.selectionText && weak('body')) out.push('description');
  return out;
}

/**
 * The text without a leading header block ("From: …", "Subject: …", 发件人：…): the sender and
 * subject are proposed from those lines, and the clip source keeps them verbatim, so the
 * complaint's description starts with what the customer wrote.
 */
export function withoutMailHeaders(text: string | undefined): string | undefined {
  if (!text) return text;
  // A quoted forward opens with a rule line ("---------- Forwarded message ---------",
  // "-----Original Message-----", "-------- 转发邮件信息 --------") before its headers.
  const rule = FORWARD_RULE.exec(text)?.[0].length ?? 0;
  const headers = readMailHeaders(text.slice(rule));
  return headers ? text.slice(rule + headers.bodyStart) : text;
}

/** A line of dashes or underscores, with a few words in it or not. */
const FORWARD_RULE = /^\s*[-_—=]{4,}[^\n]{0,40}?[-_—=]*[ \t]*\n/;

function description(...parts: (string | undefined)[]): string | undefined {
  const texts = parts.map(withoutMailHeaders);
  for (let n = 1; n <= texts.length; n++) {
    const text = cut(
      texts
        .slice(0, n)
        .filter((p) => p?.trim())
        .join('\n\n'),
      L.description,
    );
    // The schema counts code points for its minimum.
    if (text && [...text].length >= L.descriptionMin) return text;
  }
  return undefined;
}

function complainant(from: Address | undefined): Draft['complainant'] {
  const name = cut(from?.name, L.complainantName);
  const email =
    from?.address && EmailSchema.safeParse(from.address).success ? from.address.trim() : undefined;
  return name || email ? compact({ name, email, anonymous: false }) : undefined;
}

function fromClip(clip: ClipResult, options: ToSourceOptions): SourceResult {
  const channel = channelFor(clip);
  const page = channel === 'web_page';
  const method: ClipSource['method'] = page && clip.method === 'heuristic' ? 'page' : clip.method;
  const source: ClipSource = compact({
    url: cut(clip.url, L.url),
    title: cut(clip.title, L.title),
    capturedAt: options.capturedAt,
    selectionText: cut(clip.selectionText || clip.bodyText || clip.quotedText, L.selectionText),
    html: safeHtml(clip.bodyHtml, clip.htmlSanitized === true, options.sanitize),
    method,
    confidence: clip.confidence.overall,
    email: page ? undefined : emailClip(clip),
  });
  const draft: Draft = compact({
    channel,
    receivedAt: options.capturedAt,
    complainant: complainant(clip.from),
    // A page's h1 or title names the site, not the complaint: summarize the text instead.
    subject: cut(
      page && clip.evidence.subject?.selector !== 'label Subject'
        ? summarize(clip.bodyText || clip.quotedText)
        : clip.subject,
      L.subject,
    ),
    // A forward with a one-word note carries the complaint in its quoted part.
    description: clip.selectionText
      ? description(clip.selectionText, clip.bodyText)
      : description(clip.bodyText, clip.quotedText),
    source,
  });
  return {
    source,
    draft,
    channel,
    needsPreview: clip.confidence.overall < PREVIEW_THRESHOLD,
    review: reviewFields(clip, draft),
  };
}

/** Longest summary used as a subject; a page's title names the site, not the complaint. */
export const SUMMARY_MAX = 60;

/**
 * A short summary for the subject: the first sentence (or line) of the text, cut at a word. A
 * clipped email's header lines (From:, 发件人：…) are never the subject: its Subject:/主题: line
 * is, or else the first sentence after them.
 */
export function summarize(text: string | undefined): string | undefined {
  const headers = text ? readMailHeaders(text) : undefined;
  const first = (headers?.subject ?? text?.slice(headers?.bodyStart ?? 0))
    ?.trim()
    .split(/\n+|(?<=[。！？!?])|(?<=\.)\s/)[0]
    ?.trim();
  if (!first) return undefined;
  if ([...first].length <= SUMMARY_MAX) return first;
  const head = [...first].slice(0, SUMMARY_MAX).join('');
  const word = head.replace(/\s+\S*$/, '');
  return `${word.length > SUMMARY_MAX / 2 ? word : head}…`;
}

function fromPage(page: PageCapture, options: Partial<ToSourceOptions>): SourceResult {
  const selected = !!page.selectionText.trim();
  // The selection wins; without one, the page's main text as Readability found it.
  const article = selected ? undefined : page.article;
  const text = selected ? page.selectionText : article?.text;
  const source: ClipSource = compact({
    url: cut(page.url, L.url),
    title: cut(page.title, L.title),
    capturedAt: options.capturedAt ?? page.capturedAt,
    selectionText: cut(text, L.selectionText),
    html: safeHtml(selected ? page.selectionHtml : (article?.html ?? ''), false, options.sanitize),
    method: selected
      ? ('selection' as const)
      : article
        ? ('readability' as const)
        : ('page' as const),
  });
  const draft: Draft = compact({
    channel: 'web_page' as const,
    receivedAt: source.capturedAt,
    subject: cut(summarize(text), L.subject),
    description: description(text),
    source,
  });
  const review: ReviewField[] = [];
  if (draft.subject) review.push('subject');
  if (draft.description && !selected) review.push('description');
  return { source, draft, channel: 'web_page', needsPreview: !selected, review };
}

function isPageCapture(x: ClipResult | PageCapture): x is PageCapture {
  return 'selectionHtml' in x;
}

/**
 * The ClipSource (with its EmailClip) and a Draft prefill: channel, complainant from the
 * sender, subject, description from the body text; the demand is left for the agent.
 */
export function toSource(clip: ClipResult, options: ToSourceOptions): SourceResult;
export function toSource(page: PageCapture, options?: Partial<ToSourceOptions>): SourceResult;
export function toSource(
  input: ClipResult | PageCapture,
  options: Partial<ToSourceOptions> = {},
): SourceResult {
  if (isPageCapture(input)) return fromPage(input, options);
  if (!options.capturedAt) throw new TypeError('toSource: capturedAt is required for a clip');
  return fromClip(input, options as ToSourceOptions);
}
