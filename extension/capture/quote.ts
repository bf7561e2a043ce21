import { descendants, isElement, textOf } from './dom';
import type { ClipResult } from './types';

// Quoted replies and signatures are kept, as separate fields: complaints often quote the facts.

/** DOM markers of a quoted reply (docs/webmail.md §5.5). OWA prefixes ids/classes with `x_`. */
export const QUOTE_MARKERS: Readonly<Record<string, readonly string[]>> = {
  gmail: ['[class*="gmail_quote"]', '.gmail_extra'],
  outlook: ['[id$="divRplyFwdMsg"]', '[id$="appendonsend"]'],
  yahoo: ['[class*="yahoo_quoted"]'],
  apple: ['blockquote[type="cite"]'],
  thunderbird: ['.moz-cite-prefix', '.moz-forward-container'],
  netease: ['#isReplyContent', '#isForwardContent', '.cm_quote_msg'],
  qq: ['includetail'],
};

export const SIGNATURE_MARKERS: readonly string[] = [
  '[class*="gmail_signature"]',
  // QQ (classic and new) and NetEase wrap a saved signature in these.
  '#QQmailSignature',
  '[id^="ntes"][id*="signature"]',
  '#spnEditorSign',
  '.signature',
  '[data-smartmail="gmail_signature"]',
  '[id="Signature"]',
  '[id="x_Signature"]',
  '.moz-signature',
];

const QUOTE_SELECTOR = Object.values(QUOTE_MARKERS).flat().join(', ');
const SIGNATURE_SELECTOR = SIGNATURE_MARKERS.join(', ');

const SEPARATOR =
  /^[-_=—－]{3,}\s*(?:原始邮件|原始郵件|原邮件|转发邮件|轉寄郵件|Original(?: Message)?|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*[-_=—－]{0,}\s*$/i;
const ATTRIBUTION = [
  /^On\b.{4,300}\bwrote:$/i,
  /^.{0,200}(?:在|于|於).{2,300}(?:写道|寫道)[:：]?$/,
  /^Le\b.{4,300}a écrit ?:$/i,
  /^Am\b.{4,300}schrieb.{0,200}:$/i,
];
const HEADER_FROM = /^(?:\*{0,2})(?:From|发件人|寄件者|寄件人|发信人|Von|De)\s*\*{0,2}\s*[:：]/i;
const HEADER_NEXT =
  /^(?:\*{0,2})(?:Sent|Date|To|Subject|发送时间|时间|時間|日期|寄件日期|收件人|主题|Gesendet|Envoyé)\s*\*{0,2}\s*[:：]/i;
// `-- ` (RFC 3676), QQ's line of 18 dashes (any run of 10+ dashes alone on a line), the
// mobile and desktop clients' "sent from" lines.
const SIGNATURE =
  /^(?:--|-{10,}|—{5,}|Sent from my\b.*|Sent from (?:Mail|Outlook|Yahoo Mail)\b.*|Get Outlook for\b.*|发自我的.{0,20}|发自\s?(?:网易|QQ)邮箱.{0,10}|来自.{0,20}(?:邮箱|客户端)|从我的.{0,20}发送|从\s?Windows\s?版邮件发送|Von meinem .{0,30} gesendet|Envoyé de mon .{0,30})$/i;

/** Does a quoted part start at `lines[0]`? (`lines[1…]` are what follows, for header blocks.) */
export function isQuoteStart(lines: readonly string[]): boolean {
  const first = lines[0]?.trim() ?? '';
  if (!first) return false;
  if (SEPARATOR.test(first)) return true;
  if (ATTRIBUTION.some((re) => re.test(first))) return true;
  // "On Mon, Mar 3, 2025 at 10:14 AM Li Wei <li@…>\nwrote:" — clients wrap long lines.
  const two = `${first} ${lines[1]?.trim() ?? ''}`;
  if (/^On\b/i.test(first) && ATTRIBUTION[0]!.test(two)) return true;
  if (/^_{10,}$/.test(first) && HEADER_FROM.test(lines[1]?.trim() ?? '')) return true;
  if (HEADER_FROM.test(first)) {
    return lines.slice(1, 5).some((l) => HEADER_NEXT.test(l.trim()));
  }
  return first.startsWith('>') || first.startsWith('＞');
}

export function isSignatureStart(lines: readonly string[]): boolean {
  return SIGNATURE.test(lines[0]?.trim() ?? '');
}

export interface TextSplit {
  body: string;
  quoted?: string;
  signature?: string;
}

/** Plain-text split: body, then signature, then the quoted chain. */
export function splitQuotedText(text: string): TextSplit {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let q = lines.findIndex((_, i) => isQuoteStart(lines.slice(i, i + 6)));
  if (q < 0) q = lines.length;
  const head = lines.slice(0, q);
  let s = head.findIndex((_, i) => isSignatureStart(head.slice(i)));
  if (s < 0) s = head.length;
  const join = (part: string[]) =>
    part
      .map((l) => l.trimEnd())
      .join('\n')
      .trim() || undefined;
  const result: TextSplit = { body: join(head.slice(0, s)) ?? '' };
  const signature = join(head.slice(s));
  const quoted = join(lines.slice(q));
  if (signature) result.signature = signature;
  if (quoted) result.quoted = quoted;
  return result;
}

const BLOCKISH = /^(?:P|DIV|BLOCKQUOTE|PRE|H[1-6]|LI|TD|TABLE|SECTION|ARTICLE|HR|INCLUDETAIL)$/i;

/** A line whose block may go on in the next lines: "From:"/"发件人：", "On … wrote:", "_____". */
const MAY_CONTINUE = /^(?:_{10,}$|On\b|\*{0,2}[^:：\s][^:：]{0,20}[:：])/i;

/** The text after `node` up to `root`, a line per <br> or block, enough for a header block. */
function linesAfter(node: Node, root: Element, limit = 600): string {
  let text = '';
  for (
    let cur: Node | null = node;
    cur && cur !== root && text.length < limit;
    cur = cur.parentNode
  ) {
    for (let sib = cur.nextSibling; sib && text.length < limit; sib = sib.nextSibling) {
      if (!isElement(sib)) text += sib.nodeValue ?? '';
      else if (/^BR$/i.test(sib.tagName)) text += '\n';
      else if (BLOCKISH.test(sib.tagName)) text += `\n${textOf(sib, limit)}\n`;
      else text += textOf(sib, limit);
    }
    // The parent's later siblings start a new line only when the parent is a block.
    if (cur.parentNode && isElement(cur.parentNode) && BLOCKISH.test(cur.parentNode.tagName))
      text += '\n';
  }
  return text;
}

/** First node in document order where `test` says a part starts; text nodes are split at the line. */
function findStart(
  root: Element,
  test: (lines: string[]) => boolean,
  marker: Element | null,
): Node | undefined {
  for (const node of descendants(root)) {
    if (node === marker) return node;
    if (isElement(node)) {
      if (!BLOCKISH.test(node.tagName)) continue;
      const lines = textOf(node, 600)
        .split('\n')
        .filter((l) => l.trim());
      // Header blocks are often one line per element: look at the next siblings too.
      for (
        let next = node.nextElementSibling;
        next && lines.length < 5;
        next = next.nextElementSibling
      ) {
        lines.push(
          ...textOf(next, 300)
            .split('\n')
            .filter((l) => l.trim()),
        );
      }
      if (lines.length && test(lines)) return node;
      continue;
    }
    const value = node.nodeValue ?? '';
    const atLineStart =
      !node.previousSibling || /^BR$/i.test((node.previousSibling as Element).tagName ?? '');
    const lines = value.split('\n');
    // A plain-text mail is often one block with a line per <br>: a header block's next lines
    // ("发送时间:", "Sent:") are in the following text nodes, not in this one.
    // Read only for a line that may open a block (a label, "On …", a rule of underscores).
    let after: string | undefined;
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      if (after === undefined && MAY_CONTINUE.test(lines[i]!.trim()))
        after = linesAfter(node, root);
      const following = `${lines.slice(i).join('\n')}${after ?? ''}`
        .split('\n')
        .filter((l) => l.trim());
      if ((i > 0 || atLineStart) && following.length && test(following)) {
        if (offset === 0) return node;
        // Split by hand: not every DOM implements Text.splitText.
        const tail = node.ownerDocument!.createTextNode(value.slice(offset));
        node.nodeValue = value.slice(0, offset);
        node.parentNode!.insertBefore(tail, node.nextSibling);
        return tail;
      }
      offset += lines[i]!.length + 1;
    }
  }
  return undefined;
}

/**
 * Moves `start` and everything after it (inside `root`) into a new detached element. What was cut
 * from inside an element goes into a shallow copy of it, so a quote or signature cut from a
 * plain-text mail's <pre> keeps its lines (and a nested blockquote stays nested).
 */
function cutFrom(root: Element, start: Node): Element {
  let carried: Node | undefined;
  let node = start;
  for (;;) {
    // Read before moving: once moved, `node.parentNode` is the holder.
    const parent = node.parentNode!;
    const holder =
      parent === root
        ? root.ownerDocument.createElement('div')
        : ((parent as Element).cloneNode(false) as Element);
    const chain: Node[] = [];
    for (let n: Node | null = carried ? node.nextSibling : node; n; n = n.nextSibling)
      chain.push(n);
    if (carried) holder.append(carried);
    for (const n of chain) holder.append(n);
    if (parent === root) return holder;
    carried = holder;
    node = parent;
  }
}

export interface DomSplit {
  /** The same element that was passed in, now without quote and signature. */
  body: Element;
  quoted?: Element;
  signature?: Element;
}

/** Splits a DETACHED CLONE of a message body (it is mutated): DOM markers first, then text rules. */
export function splitQuotedDom(root: Element): DomSplit {
  const result: DomSplit = { body: root };
  // One text node per run of text (parsers may split at entities), so a line is one node.
  root.normalize?.();
  // Whichever comes first: a provider's marker, or a separator line (the attribution above it).
  const quoteStart = findStart(root, isQuoteStart, root.querySelector(QUOTE_SELECTOR));
  if (quoteStart) result.quoted = cutFrom(root, quoteStart);
  const sigStart = findStart(root, isSignatureStart, root.querySelector(SIGNATURE_SELECTOR));
  if (sigStart) result.signature = cutFrom(root, sigStart);
  return result;
}

export type BodyParts = Pick<
  ClipResult,
  'bodyHtml' | 'bodyText' | 'quotedHtml' | 'quotedText' | 'signature'
>;

/** A message body as clip fields: cloned (the page is never touched), then split. */
export function splitBody(el: Element): BodyParts {
  const split = splitQuotedDom(el.cloneNode(true) as Element);
  const parts: BodyParts = { bodyHtml: split.body.innerHTML, bodyText: textOf(split.body) };
  if (split.quoted) {
    parts.quotedHtml = split.quoted.innerHTML;
    parts.quotedText = textOf(split.quoted);
  }
  if (split.signature) parts.signature = textOf(split.signature);
  return parts;
}
