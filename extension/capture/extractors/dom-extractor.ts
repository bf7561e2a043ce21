import { dedupeAddresses, parseAddress } from '../address';
import { fieldEvidence, scoreEvidence } from '../confidence';
import {
  frameDocument,
  frameDocuments,
  innermost,
  isElement,
  isHidden,
  lineOf,
  selectionClone,
  textOf,
} from '../dom';
import { parseMailDate } from '../mail-date';
import { splitBody } from '../quote';
import type {
  Address,
  Attachment,
  ClipField,
  ClipResult,
  FieldEvidence,
  ProviderExtractor,
  ProviderId,
  Tier,
} from '../types';

/** One way to find a field. Rules are tried in order; the first that yields a value wins. */
export interface Rule<T> {
  /** CSS selector, relative to the message (or to the document with `scope: 'document'`). */
  css?: string;
  /** A finder for what CSS cannot say (label rows); `name` is logged instead of `css`. */
  find?: (scope: ParentNode) => Element[];
  name?: string;
  /** Look inside same-origin iframes matching this selector first (163's body frame). */
  frame?: string;
  tier: Tier;
  scope?: 'document';
  read?: (el: Element) => T | T[] | undefined;
}

export interface SelectorTable {
  /** One element per message of the open thread, expanded or collapsed. */
  message: Rule<Element>[];
  subject: Rule<string>[];
  from: Rule<Address>[];
  to: Rule<Address>[];
  cc: Rule<Address>[];
  date: Rule<string>[];
  body: Rule<Element>[];
  attachments: Rule<Attachment>[];
  messageId: Rule<string>[];
  threadId: Rule<string>[];
}

export interface ProviderSpec {
  id: ProviderId;
  /** When the selectors were last checked against the live UI: tells which table drifted. */
  version: string;
  /** Exact hosts; `*.host` also matches `host` itself, like a match pattern. */
  hosts: readonly string[];
  detect: readonly { css: string; frame?: string; score: number }[];
  /** Where the reading view lives when not in the top document (QQ classic's mainFrame). */
  documents?: (doc: Document) => Document[];
  selectors: SelectorTable;
  /** A message matching (or inside) this is collapsed: header and snippet only. */
  collapsed?: string;
  /** Ids from the page URL (or, for framed UIs, from the frame's URL). */
  urlIds?: (url: string, doc: Document) => { messageId?: string; threadId?: string };
  urlTier?: Tier;
  /** The provider puts the subject in document.title, so a mismatch means a stale view. */
  titleHasSubject?: boolean;
  normalizeId?: (id: string) => string;
}

export function hostMatches(hosts: readonly string[], url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  return hosts.some((h) =>
    h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h,
  );
}

export function ruleName(rule: Rule<unknown>): string {
  const own = rule.css ?? rule.name ?? 'custom';
  return rule.frame ? `${rule.frame} >> ${own}` : own;
}

export function query(scope: ParentNode, rule: Rule<unknown>): Element[] {
  const scopes: ParentNode[] = rule.frame
    ? Array.from(scope.querySelectorAll(rule.frame))
        .map(frameDocument)
        .filter((d): d is Document => !!d)
    : [scope];
  const out: Element[] = [];
  for (const s of scopes) {
    if (rule.find) out.push(...rule.find(s));
    else if (rule.css) {
      if (isElement(s as Node) && (s as Element).matches(rule.css)) out.push(s as Element);
      out.push(...Array.from(s.querySelectorAll(rule.css)));
    }
  }
  return out;
}

function values<T>(el: Element, rule: Rule<T>, fallback: (el: Element) => T | undefined): T[] {
  const v = rule.read ? rule.read(el) : fallback(el);
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== '');
}

export interface Found<T> {
  value: T;
  rule: Rule<T>;
  el: Element;
}

export function first<T>(
  scopes: ParentNode[],
  rules: Rule<T>[],
  fallback: (el: Element) => T | undefined,
  keep: (el: Element, rule: Rule<T>) => boolean = () => true,
): Found<T> | undefined {
  for (const rule of rules) {
    for (const scope of scopes) {
      for (const el of query(scope, rule)) {
        if (!keep(el, rule)) continue;
        const [value] = values(el, rule, fallback);
        if (value !== undefined) return { value, rule, el };
      }
    }
  }
  return undefined;
}

export function all<T>(
  scopes: ParentNode[],
  rules: Rule<T>[],
  fallback: (el: Element) => T | undefined,
  keep: (el: Element, rule: Rule<T>) => boolean = () => true,
): { values: T[]; rule: Rule<T> } | undefined {
  for (const rule of rules) {
    const found = scopes.flatMap((scope) =>
      query(scope, rule)
        .filter((el) => keep(el, rule))
        .flatMap((el) => values(el, rule, fallback)),
    );
    if (found.length) return { values: found, rule };
  }
  return undefined;
}

const lineRead = (el: Element) => lineOf(el) || undefined;
const addressRead = (el: Element) => parseAddress(lineOf(el));
const attachmentRead = (el: Element): Attachment | undefined => {
  const name = lineOf(el);
  return name ? { name } : undefined;
};
const elementRead = (el: Element) => el;

/** A readable address: confidence drops when only a display name was found. */
export function addressFactor(a: Address | undefined): number {
  if (!a) return 0;
  return a.address ? 1 : 0.5;
}

/** Body validator: long enough, and not the whole message list. */
export function bodyFactor(text: string): number {
  if (!text) return 0;
  return text.length >= 20 ? 1 : 0.6;
}

const HEADER_DATE_RULE: Rule<string> = {
  name: 'header text that reads as a date',
  tier: 'heuristic',
};

/** A header shows the date unlabelled: the first short leaf outside the body that parses. */
function headerDate(
  target: Element,
  keep: (el: Element, rule: Rule<unknown>) => boolean,
): Found<string> | undefined {
  for (const el of Array.from(target.querySelectorAll('*'))) {
    if (el.children.length || !keep(el, HEADER_DATE_RULE)) continue;
    const text = attrOrLine(el);
    if (text && text.length <= 60 && /\d/.test(text) && parseMailDate(text))
      return { value: text, rule: HEADER_DATE_RULE, el };
  }
  return undefined;
}

const attrOrLine = (el: Element) => el.getAttribute('title')?.trim() || lineOf(el);

interface Picked {
  docs: Document[];
  messages: Element[];
  target?: Element;
  messageRule?: Rule<Element>;
}

function containsNode(el: Element, node: Node): boolean {
  if (el.contains(node)) return true;
  return Array.from(el.querySelectorAll('iframe')).some((f) => frameDocument(f)?.contains(node));
}

function selectionAnchor(docs: Document[]): Node | undefined {
  for (const d of docs) {
    const sel = typeof d.getSelection === 'function' ? d.getSelection() : null;
    if (sel && sel.rangeCount > 0 && !sel.isCollapsed && sel.anchorNode) return sel.anchorNode;
  }
  return undefined;
}

/** The selection's text when it lies inside `target` (its frames included), else undefined. */
function selectedIn(docs: Document[], target: Element): string | undefined {
  const all = new Set(docs.flatMap((d) => [d, ...frameDocuments(d)]));
  for (const d of all) {
    const hit = selectionClone(d);
    if (hit && containsNode(target, hit.anchor)) return textOf(hit.container) || undefined;
  }
  return undefined;
}

export function createDomExtractor(spec: ProviderSpec): ProviderExtractor {
  const t = spec.selectors;
  const norm = spec.normalizeId ?? ((id: string) => id);
  const docsOf = (doc: Document) => {
    const inner = spec.documents?.(doc) ?? [];
    return [...inner, doc];
  };
  const hasContent = (m: Element) =>
    !!first([m], t.body, elementRead) || !!first([m], t.from, addressRead);
  const isCollapsed = (m: Element) =>
    !!spec.collapsed && (m.matches(spec.collapsed) || !!m.closest(spec.collapsed));
  const domId = (m: Element, rules: Rule<string>[]) => first([m], rules, lineRead)?.value;

  function pick(doc: Document, url: string): Picked {
    const docs = docsOf(doc);
    for (const rule of t.message) {
      let messages = innermost(docs.flatMap((d) => query(d, rule)).filter(hasContent));
      if (!messages.length) continue;
      const visible = messages.filter((m) => !isHidden(m));
      if (visible.length) messages = visible;
      const anchor = selectionAnchor(docs);
      const urlId = spec.urlIds?.(url, doc).messageId;
      const target =
        (anchor && messages.find((m) => containsNode(m, anchor))) ||
        (urlId && messages.find((m) => norm(domId(m, t.messageId) ?? '') === norm(urlId))) ||
        messages.filter((m) => !isCollapsed(m) && first([m], t.body, elementRead)).at(-1) ||
        messages.at(-1);
      return { docs, messages, target: target || undefined, messageRule: rule };
    }
    return { docs, messages: [] };
  }

  function extract(doc: Document, url: string): ClipResult {
    const { docs, messages, target, messageRule } = pick(doc, url);
    const warnings: string[] = [];
    const evidence: Partial<Record<ClipField, FieldEvidence>> = {};
    const scopes = (rule: Rule<unknown>) =>
      rule.scope === 'document' || !target ? docs : [target];
    // The body first: header fields are never read from inside it (a quoted "发送时间:" is the
    // earlier message's), and document-wide rules skip what hidden tabs and cards still hold.
    let bodyHit: Found<Element> | undefined;
    for (const rule of t.body) {
      bodyHit = first(scopes(rule), [rule], elementRead, (el) => !isHidden(el));
      if (bodyHit) break;
    }
    const bodyEl = bodyHit?.value;
    const keep = (el: Element, rule: Rule<unknown>) =>
      !(bodyEl && bodyEl !== el && bodyEl.contains(el)) &&
      !(rule.scope === 'document' && isHidden(el));
    const firstIn = <T>(rules: Rule<T>[], read: (el: Element) => T | undefined) => {
      for (const rule of rules) {
        const hit = first(scopes(rule), [rule], read, keep);
        if (hit) return hit;
      }
      return undefined;
    };
    const allIn = <T>(rules: Rule<T>[], read: (el: Element) => T | undefined) => {
      for (const rule of rules) {
        const hit = all(scopes(rule), [rule], read, keep);
        if (hit) return hit;
      }
      return undefined;
    };
    if (!target) warnings.push('no-message-container');
    else if (messageRule && messages.length > 1) warnings.push(`thread:${messages.length}`);

    const title = doc.title?.trim() || undefined;
    const result: ClipResult = {
      provider: spec.id,
      url,
      to: [],
      cc: [],
      bodyHtml: '',
      bodyText: '',
      attachments: [],
      method: 'dom',
      confidence: { overall: 0, fields: {} },
      evidence,
      warnings,
    };
    if (title) result.title = title;

    const subject = firstIn(t.subject, lineRead);
    if (subject) {
      result.subject = subject.value;
      const titleOk = !spec.titleHasSubject || !title || title.includes(subject.value);
      if (!titleOk) warnings.push('subject-not-in-title');
      evidence.subject = fieldEvidence(
        subject.rule.tier,
        ruleName(subject.rule),
        titleOk ? 1 : 0.7,
      );
    }

    const from = firstIn(t.from, addressRead);
    if (from) {
      result.from = from.value;
      evidence.from = fieldEvidence(from.rule.tier, ruleName(from.rule), addressFactor(from.value));
    }
    for (const field of ['to', 'cc'] as const) {
      const found = allIn(t[field], addressRead);
      if (!found) continue;
      result[field] = dedupeAddresses(found.values);
      const named = result[field].every((a) => a.address) ? 1 : 0.7;
      evidence[field] = fieldEvidence(found.rule.tier, ruleName(found.rule), named);
    }

    const date = firstIn(t.date, lineRead) ?? (target ? headerDate(target, keep) : undefined);
    if (date) {
      const iso = parseMailDate(date.value);
      result.date = iso ? { raw: date.value, iso } : { raw: date.value };
      if (!iso) warnings.push('date-unparsed');
      evidence.date = fieldEvidence(date.rule.tier, ruleName(date.rule), iso ? 1 : 0.5);
    }

    const body = bodyHit;
    const selected = target && selectedIn(docs, target);
    if (selected) result.selectionText = selected;
    if (body) {
      const el = body.value;
      Object.assign(result, splitBody(el));
      const text = result.bodyText || result.quotedText || '';
      const isList = messages.filter((m) => el.contains(m)).length > 1;
      if (isList) warnings.push('body-is-message-list');
      evidence.body = fieldEvidence(
        body.rule.tier,
        ruleName(body.rule),
        bodyFactor(text),
        isList ? 0.3 : 1,
      );
    } else warnings.push('no-body');

    const attachments = allIn(t.attachments, attachmentRead);
    if (attachments) {
      const seen = new Set<string>();
      result.attachments = attachments.values.filter((a) => !seen.has(a.name) && seen.add(a.name));
      evidence.attachments = fieldEvidence(attachments.rule.tier, ruleName(attachments.rule));
    }

    const fromUrl = spec.urlIds?.(url, doc) ?? {};
    for (const field of ['messageId', 'threadId'] as const) {
      const dom = firstIn(t[field], lineRead);
      const urlValue = fromUrl[field];
      if (dom) {
        result[field] = dom.value;
        const agrees = !urlValue || norm(urlValue) === norm(dom.value);
        if (!agrees) warnings.push(`${field}-mismatch`);
        evidence[field] = fieldEvidence(dom.rule.tier, ruleName(dom.rule), agrees ? 1 : 0.5);
      } else if (urlValue) {
        result[field] = urlValue;
        evidence[field] = fieldEvidence(spec.urlTier ?? 'id', 'url');
      }
    }

    result.confidence = scoreEvidence(evidence);
    return result;
  }

  return {
    id: spec.id,
    matches: (url) => hostMatches(spec.hosts, url),
    detect(doc) {
      let best = 0;
      for (const d of spec.detect) {
        const hit = d.frame
          ? Array.from(doc.querySelectorAll(d.frame)).some((f) =>
              frameDocument(f)?.querySelector(d.css),
            )
          : !!doc.querySelector(d.css);
        if (hit) best = Math.max(best, d.score);
      }
      return best;
    },
    messageKey(doc, url) {
      const ids = spec.urlIds?.(url, doc) ?? {};
      if (ids.messageId) return `${spec.id}:${norm(ids.messageId)}`;
      const { target } = pick(doc, url);
      const id = target && domId(target, t.messageId);
      if (id) return `${spec.id}:${norm(id)}`;
      return ids.threadId ? `${spec.id}:${norm(ids.threadId)}` : null;
    },
    extract,
  };
}
