import { parseAddress, parseAddressList } from '../address';
import { fieldEvidence, scoreEvidence } from '../confidence';
import { addressFactor, bodyFactor } from './dom-extractor';
import { frameDocuments, lineOf, selectionClone, textOf } from '../dom';
import { parseMailDate } from '../mail-date';
import { splitBody, splitQuotedText } from '../quote';
import { LABELS } from './readers';
import type { Address, ClipField, ClipResult, FieldEvidence, ProviderExtractor } from '../types';

// The fallback for unknown webmail, mailing-list archives and any page (docs/webmail.md §5):
// the user's selection first (highest trust, never the wrong message), then header patterns
// ("From:"/"发件人:"), mailto links and the page title. Always heuristic, so always previewed.

type HeaderKey = keyof typeof LABELS;

/** `From: Li Wei <li@…>` style lines among the first lines of a text. */
export function headerLines(
  text: string,
  maxLines = 40,
): {
  values: Partial<Record<HeaderKey, string>>;
  /** How many leading lines are header (and blank) lines. */
  headerEnd: number;
} {
  const lines = text.split('\n');
  const values: Partial<Record<HeaderKey, string>> = {};
  let headerEnd = 0;
  let inHeader = true;
  for (let i = 0; i < Math.min(lines.length, maxLines); i++) {
    const line = lines[i]!.trim();
    const key = (Object.keys(LABELS) as HeaderKey[]).find((k) => LABELS[k].test(line));
    const value = key ? line.replace(LABELS[key], '').trim() : '';
    if (key && value) {
      values[key] ??= value;
      if (inHeader) headerEnd = i + 1;
    } else if (!line) {
      if (inHeader && headerEnd > 0) headerEnd = i + 1;
    } else inHeader = false;
  }
  return { values, headerEnd: Object.keys(values).length ? headerEnd : 0 };
}

function mainRegion(doc: Document): Element | null {
  return doc.querySelector('article, main, [role="main"]') ?? doc.body;
}

function mailto(root: ParentNode): Address | undefined {
  const link = root.querySelector('a[href^="mailto:"]');
  if (!link) return undefined;
  const address = decodeURIComponent(
    (link.getAttribute('href') ?? '').slice(7).split('?')[0] ?? '',
  );
  const text = lineOf(link);
  const parsed = parseAddress(address);
  if (!parsed?.address) return undefined;
  return text && text !== parsed.address && !text.includes('@')
    ? { name: text, address: parsed.address }
    : parsed;
}

function extract(doc: Document, url: string): ClipResult {
  const evidence: Partial<Record<ClipField, FieldEvidence>> = {};
  const warnings: string[] = [];
  const title = doc.title?.trim() || undefined;
  let selection: Element | undefined;
  for (const d of [doc, ...frameDocuments(doc)]) {
    selection = selectionClone(d)?.container;
    if (selection) break;
  }
  const root = selection ?? mainRegion(doc);
  const result: ClipResult = {
    provider: 'generic',
    url,
    to: [],
    cc: [],
    bodyHtml: '',
    bodyText: '',
    attachments: [],
    method: selection ? 'selection' : 'heuristic',
    confidence: { overall: 0, fields: {} },
    evidence,
    warnings,
  };
  if (title) result.title = title;
  if (!root) {
    warnings.push('no-body');
    return result;
  }

  const text = textOf(root, 1_000_000);
  const { values, headerEnd } = headerLines(text);
  const from = values.from ? parseAddress(values.from) : mailto(root);
  if (from) {
    result.from = from;
    evidence.from = fieldEvidence(
      'heuristic',
      values.from ? 'label From' : 'a[href^="mailto:"]',
      addressFactor(from),
    );
  }
  for (const key of ['to', 'cc'] as const) {
    const list = parseAddressList(values[key]);
    if (!list.length) continue;
    result[key] = list;
    evidence[key] = fieldEvidence('heuristic', `label ${key}`);
  }
  const subject =
    values.subject ??
    (root.querySelector('h1') ? lineOf(root.querySelector('h1')!) : undefined) ??
    title;
  if (subject) {
    result.subject = subject;
    evidence.subject = fieldEvidence(
      'heuristic',
      values.subject ? 'label Subject' : 'h1 / document.title',
    );
  }
  if (values.date) {
    const iso = parseMailDate(values.date);
    result.date = iso ? { raw: values.date, iso } : { raw: values.date };
    evidence.date = fieldEvidence('heuristic', 'label Date', iso ? 1 : 0.5);
  }

  if (headerEnd > 0) {
    // Header lines at the top would read as a quoted header block: split the text instead.
    const split = splitQuotedText(text.split('\n').slice(headerEnd).join('\n'));
    result.bodyHtml = root.innerHTML;
    result.bodyText = split.body;
    if (split.quoted) result.quotedText = split.quoted;
    if (split.signature) result.signature = split.signature;
  } else Object.assign(result, splitBody(root));
  const bodyText = result.bodyText || result.quotedText || '';
  if (bodyText) {
    evidence.body = selection
      ? fieldEvidence('selection', 'selection', bodyFactor(bodyText))
      : fieldEvidence('heuristic', root.tagName.toLowerCase(), bodyFactor(bodyText));
  } else warnings.push('no-body');

  result.confidence = scoreEvidence(evidence);
  return result;
}

export const generic: ProviderExtractor = {
  id: 'generic',
  matches: () => true,
  detect: () => 0.1,
  messageKey: () => null,
  extract,
};
