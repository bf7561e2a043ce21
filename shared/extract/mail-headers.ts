// The header block an agent clips along with an email ("From: Tom Baker <tom@…>", 发件人：…,
// 主题：…): who wrote it and its subject. Header lines are never the complaint itself, so a
// summary starts after them.

/** A header line's name, then its colon (half- or full-width); `**` is Markdown bold (Outlook). */
const HEADER =
  /^[ \t]*\*{0,2}(From|Sender|To|Cc|Bcc|Reply-To|Date|Sent|Subject|发件人|發件人|寄件人|寄件者|发信人|收件人|收件者|抄送|副本|时间|時間|发送时间|發送時間|发送日期|發送日期|日期|寄件日期|主题|主題|主旨)\*{0,2}[ \t]*[:：]\*{0,2}[ \t]*/i;

type HeaderKind = 'from' | 'recipients' | 'subject' | 'other';

function kindOf(name: string): HeaderKind {
  const n = name.toLowerCase();
  if (/^(?:from|sender|发件人|發件人|寄件人|寄件者|发信人)$/.test(n)) return 'from';
  if (/^(?:to|cc|bcc|reply-to|收件人|收件者|抄送|副本)$/.test(n)) return 'recipients';
  if (/^(?:subject|主题|主題|主旨)$/.test(n)) return 'subject';
  return 'other';
}

const ADDRESS = String.raw`[^\s<>"@,;，；:：]+@[\w-]+(?:\.[\w-]+)+`;
// One mailbox: `"Name" <addr>`, `Name <addr>` or a bare address (a trailing full stop is the
// sentence's, not the address's).
const MAILBOX = new RegExp(
  String.raw`^(?:"([^"\n]{1,100})"[ \t]*<(${ADDRESS})>|([^<>"\n,;，；:：]{1,100}?)[ \t]*<(${ADDRESS})>|(${ADDRESS})(?=[.。]?(?:[\s,;，；]|$)))`,
);
// A flattened clip keeps the body on the header's line: "From: Tom <tom@…>. I ordered…".
const AFTER_MAILBOX = /^[ \t]*[,;，；][ \t]*/;
const END_OF_VALUE = /^[ \t]*[.。]?[ \t]*/;

export interface MailHeaders {
  /** The sender: display name (with its span in the text, for highlighting) and address. */
  from?: { name?: { value: string; start: number; end: number }; address?: string };
  /** The Subject:/主题: line's text. */
  subject?: string;
  /** Spans of To/Cc/收件人/抄送 values: their addresses are the company's, not the customer's. */
  recipients: { start: number; end: number }[];
  /** Where the text after the header block starts. */
  bodyStart: number;
}

/** The mailboxes at `text[at…]` up to the end of the line; how far they reach. */
function readMailboxes(text: string, at: number) {
  const boxes: { name?: string; nameStart?: number; address: string }[] = [];
  let i = at;
  for (;;) {
    const rest = text.slice(i);
    const m = MAILBOX.exec(rest);
    if (!m || m[0] === '') break;
    const name = (m[1] ?? m[3])?.trim();
    const address = m[2] ?? m[4] ?? m[5]!;
    const box: (typeof boxes)[number] = { address };
    if (name) {
      box.name = name;
      box.nameStart = i + rest.indexOf(name);
    }
    boxes.push(box);
    i += m[0].length;
    const sep = AFTER_MAILBOX.exec(text.slice(i));
    if (!sep) break;
    i += sep[0].length;
  }
  return { boxes, end: i };
}

/** The header block at the start of `text`, or undefined when the text does not start with one. */
export function readMailHeaders(text: string): MailHeaders | undefined {
  const out: MailHeaders = { recipients: [], bodyStart: 0 };
  let at = /^\s*/.exec(text)![0].length;
  let found = false;
  for (;;) {
    const header = HEADER.exec(text.slice(at));
    if (!header) break;
    const valueStart = at + header[0].length;
    const lineEnd =
      text.indexOf('\n', valueStart) < 0 ? text.length : text.indexOf('\n', valueStart);
    const kind = kindOf(header[1]!);
    let valueEnd = lineEnd;
    if (kind === 'from' || kind === 'recipients') {
      const { boxes, end } = readMailboxes(text, valueStart);
      // "From: the first day…" is a sentence: a sender line without an address starts a block
      // only when another header line follows it.
      if (boxes.length === 0 && !found && !HEADER.test(text.slice(lineEnd + 1))) break;
      if (boxes.length > 0) valueEnd = end;
      if (kind === 'recipients') out.recipients.push({ start: valueStart, end: valueEnd });
      const sender = boxes[0];
      if (kind === 'from' && sender && !out.from) {
        out.from = { address: sender.address.toLowerCase() };
        if (sender.name && sender.nameStart !== undefined && !sender.name.includes('@'))
          out.from.name = {
            value: sender.name,
            start: sender.nameStart,
            end: sender.nameStart + sender.name.length,
          };
      }
    } else if (kind === 'subject') {
      const subject = text.slice(valueStart, lineEnd).trim();
      if (subject && out.subject === undefined) out.subject = subject;
    }
    found = true;
    at = valueEnd;
    // The rest of a sender's line is the body when the clip lost its line breaks.
    const tail = text.slice(at, lineEnd);
    if (tail.trim() && !/^[ \t]*[.。]?[ \t]*$/.test(tail)) {
      at += END_OF_VALUE.exec(tail)![0].length;
      break;
    }
    at = lineEnd;
    at += /^\s*/.exec(text.slice(at))![0].length;
  }
  if (!found) return undefined;
  out.bodyStart = at;
  return out;
}
