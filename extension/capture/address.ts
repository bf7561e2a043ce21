import type { Address } from './types';

const EMAIL_CHARS = String.raw`[^\s<>()\[\]"'，；、,;:@＜＞（）]`;
const EMAIL_RE = new RegExp(`^${EMAIL_CHARS}+@${EMAIL_CHARS}+\\.${EMAIL_CHARS}{2,}$`);
const EMAIL_IN_TEXT = new RegExp(`${EMAIL_CHARS}+@${EMAIL_CHARS}+\\.[A-Za-z0-9-]{2,}`);

export function isEmailAddress(value: string): boolean {
  return EMAIL_RE.test(value) && !value.includes('..');
}

const clean = (s: string) =>
  s
    .replace(/^mailto:/i, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();

function unquote(name: string): string | undefined {
  const n = name
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .replace(/[\s,;:：，；]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return n || undefined;
}

/** "Name <a@b>", "a@b", "<a@b>", "Name（a@b）", "Name" → {name?, address?}. */
export function parseAddress(raw: string | null | undefined): Address | undefined {
  const s = clean(raw ?? '');
  if (!s) return undefined;
  const angle = s.match(
    /^(.*?)[<＜(（]\s*(?:mailto:)?([^<>＜＞()（）\s]+@[^<>＜＞()（）\s]+?)\s*[>＞)）][\s,;，；]*$/i,
  );
  if (angle && isEmailAddress(angle[2]!)) {
    const name = unquote(angle[1]!);
    return name ? { name, address: angle[2]! } : { address: angle[2]! };
  }
  if (isEmailAddress(s)) return { address: s };
  const inText = s.match(EMAIL_IN_TEXT);
  if (inText && isEmailAddress(inText[0])) {
    const name = unquote(s.replace(inText[0], '').replace(/[<>＜＞()（）]/g, ''));
    return name ? { name, address: inText[0] } : { address: inText[0] };
  }
  return { name: unquote(s) ?? s };
}

/** Splits on , ; ， ； 、 outside quotes and angle brackets. */
export function parseAddressList(raw: string | null | undefined): Address[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of raw ?? '') {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '<' || ch === '＜')) depth++;
    else if (!quoted && (ch === '>' || ch === '＞')) depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && /[,;，；、]/.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(parseAddress).filter((a): a is Address => !!a);
}

/** Same person twice (name in one place, address in another) collapses into one entry. */
export function dedupeAddresses(list: Address[]): Address[] {
  const out: Address[] = [];
  for (const a of list) {
    const key = (a.address ?? a.name ?? '').toLowerCase();
    if (!key || out.some((b) => (b.address ?? b.name ?? '').toLowerCase() === key)) continue;
    out.push(a);
  }
  return out;
}
