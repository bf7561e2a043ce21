import PostalMime, { type Address as MimeAddress } from 'postal-mime';
import { bodyFactor } from './dom-extractor';
import { fieldEvidence, scoreEvidence } from '../confidence';
import { textOf } from '../dom';
import { splitQuotedDom, splitQuotedText } from '../quote';
import type { Address, ClipField, ClipResult, FieldEvidence } from '../types';

// Gmail's raw-message route (gmail.js `email_source_pre`): same-origin, so the content script
// can fetch it with the user's session; the parse itself belongs in an extension page.

function msgF(messageId: string): string {
  const id = messageId
    .trim()
    .replace(/^#/, '')
    .replace(/^msg-f:/, '');
  if (/^\d{1,20}$/.test(id)) return id;
  // Legacy ids are the same 64-bit number in hex.
  if (/^[0-9a-f]{1,16}$/i.test(id)) return BigInt(`0x${id}`).toString();
  throw new Error(`not a Gmail message id: ${messageId}`);
}

/** The raw RFC 822 source of a message; `pageUrl` keeps the signed-in account (`/mail/u/1/`). */
export function gmailRawUrl(messageId: string, pageUrl?: string): string {
  const account = pageUrl?.match(/^https:\/\/mail\.google\.com\/mail\/u\/(\d+)\//)?.[1] ?? '0';
  return `https://mail.google.com/mail/u/${account}/?view=att&permmsgid=msg-f:${msgF(messageId)}&attid=0&disp=comp&safe=1&zw`;
}

function mailboxes(list: MimeAddress[] | MimeAddress | undefined): Address[] {
  const flat = (Array.isArray(list) ? list : list ? [list] : []).flatMap((a) =>
    a.group ? a.group : [a],
  );
  return flat.map((a) => (a.name ? { name: a.name, address: a.address } : { address: a.address }));
}

function size(content: ArrayBuffer | Uint8Array | string): string {
  const bytes = typeof content === 'string' ? content.length : content.byteLength;
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}

export interface ParseRawOptions {
  url?: string;
  messageId?: string;
  /** An inert parser (DOMParser in an extension page) to split the HTML part; text only without. */
  parseHtml?: (html: string) => Document;
}

/** Parses a raw message (Gmail's `view=att…&disp=comp`) into a ClipResult with method 'raw'. */
export async function parseRawEmail(
  raw: string,
  options: ParseRawOptions = {},
): Promise<ClipResult> {
  const mail = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const evidence: Partial<Record<ClipField, FieldEvidence>> = {};
  const warnings: string[] = [];
  const result: ClipResult = {
    provider: 'gmail',
    url: options.url ?? '',
    to: mailboxes(mail.to),
    cc: mailboxes(mail.cc),
    bodyHtml: '',
    bodyText: '',
    attachments: [],
    method: 'raw',
    confidence: { overall: 0, fields: {} },
    evidence,
    warnings,
  };
  const from = mailboxes(mail.from)[0];
  if (from) {
    result.from = from;
    evidence.from = fieldEvidence('raw', 'From');
  }
  if (result.to.length) evidence.to = fieldEvidence('raw', 'To');
  if (result.cc.length) evidence.cc = fieldEvidence('raw', 'Cc');
  if (mail.subject) {
    result.subject = mail.subject;
    evidence.subject = fieldEvidence('raw', 'Subject');
  }
  const dateRaw = mail.headers.find((h) => h.key === 'date')?.value.trim();
  if (dateRaw) {
    const t = mail.date ? Date.parse(mail.date) : Number.NaN;
    result.date = Number.isNaN(t)
      ? { raw: dateRaw }
      : { raw: dateRaw, iso: new Date(t).toISOString() };
    evidence.date = fieldEvidence('raw', 'Date', Number.isNaN(t) ? 0.5 : 1);
  }
  if (mail.messageId) {
    result.internetMessageId = mail.messageId.replace(/^<|>$/g, '');
  }
  if (options.messageId) {
    result.messageId = options.messageId;
    evidence.messageId = fieldEvidence('raw', 'permmsgid');
  } else if (result.internetMessageId) {
    evidence.messageId = fieldEvidence('raw', 'Message-ID');
  }

  if (mail.html && options.parseHtml) {
    const doc = options.parseHtml(mail.html);
    const split = splitQuotedDom(doc.body.cloneNode(true) as Element);
    result.bodyHtml = split.body.innerHTML;
    result.bodyText = textOf(split.body);
    if (split.quoted) {
      result.quotedHtml = split.quoted.innerHTML;
      result.quotedText = textOf(split.quoted);
    }
    if (split.signature) result.signature = textOf(split.signature);
  } else {
    const split = splitQuotedText(mail.text ?? '');
    result.bodyText = split.body;
    if (split.quoted) result.quotedText = split.quoted;
    if (split.signature) result.signature = split.signature;
    if (mail.html) {
      result.bodyHtml = mail.html;
      warnings.push('html-not-split');
    }
  }
  evidence.body = fieldEvidence(
    'raw',
    mail.html ? 'text/html' : 'text/plain',
    bodyFactor(result.bodyText || result.quotedText || ''),
  );

  result.attachments = mail.attachments
    .filter((a) => a.filename && !a.related && a.disposition !== 'inline')
    .map((a) => ({ name: a.filename!, size: size(a.content) }));
  if (result.attachments.length) evidence.attachments = fieldEvidence('raw', 'Content-Disposition');

  result.confidence = scoreEvidence(evidence);
  return result;
}
