import { frameDocument } from './dom';

// "This capture is wrong": the page as it was, made safe to keep in the repository as a test
// fixture. Runs in the page (read only, like the extractors): everything happens on a clone.

export interface FrameSnapshot {
  url: string;
  html: string;
}

export interface PageSnapshot {
  url: string;
  title: string;
  lang: string;
  html: string;
  /** Same-origin frames by the id their `<iframe>` has in `html` (ids are given where missing). */
  frames: Record<string, FrameSnapshot>;
}

/** Query parameters that carry a session or a token: never kept in a fixture. */
const SECRET_PARAMS = /^(?:sid|ik|at|token|access_token|key|auth|session|sessionid|ticket|s)$/i;

/** The URL with secret parameters replaced by REDACTED (the hash route stays: it holds ids). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const k of [...u.searchParams.keys()])
      if (SECRET_PARAMS.test(k)) u.searchParams.set(k, 'REDACTED');
    return u.toString();
  } catch {
    return url;
  }
}

const DROP =
  'script, noscript, object, embed, link[rel="preload"], link[rel="prefetch"], meta[http-equiv]';

/** A clone of `doc`'s root without scripts, handlers, form values or secret URL parameters. */
function cleanClone(doc: Document, frameIds: Map<Element, string>): Element {
  const root = doc.documentElement.cloneNode(true) as Element;
  for (const el of Array.from(root.querySelectorAll(DROP))) el.remove();
  const originals = Array.from(doc.documentElement.querySelectorAll('iframe, frame'));
  const copies = Array.from(root.querySelectorAll('iframe, frame'));
  for (const [i, copy] of copies.entries()) {
    const id = frameIds.get(originals[i]!);
    if (id) copy.setAttribute('id', id);
    copy.removeAttribute('srcdoc');
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if (/^(?:href|src|action)$/.test(name) && /^\s*javascript:/i.test(attr.value))
        el.removeAttribute(attr.name);
      else if (/^(?:href|src)$/.test(name) && /^https?:/i.test(attr.value))
        el.setAttribute(attr.name, redactUrl(attr.value));
    }
    if (/^(?:INPUT|TEXTAREA)$/i.test(el.tagName)) {
      el.removeAttribute('value');
      if (/^TEXTAREA$/i.test(el.tagName)) el.textContent = '';
    }
  }
  return root;
}

/** The page and its same-origin frames (nested ones too), cleaned. Never writes to the page. */
export function snapshotPage(win: Window = globalThis.window): PageSnapshot {
  const frames: Record<string, FrameSnapshot> = {};
  let n = 0;
  const walk = (doc: Document, depth: number): string => {
    const ids = new Map<Element, string>();
    if (depth < 3) {
      for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
        const inner = frameDocument(frame);
        if (!inner?.documentElement) continue;
        const id = frame.id || `cd-frame-${++n}`;
        ids.set(frame, id);
        frames[id] = { url: redactUrl(inner.URL), html: walk(inner, depth + 1) };
      }
    }
    return `<!DOCTYPE html>\n${cleanClone(doc, ids).outerHTML}\n`;
  };
  const html = walk(win.document, 0);
  return {
    url: redactUrl(win.location.href),
    title: win.document.title.trim(),
    lang: win.document.documentElement.getAttribute('lang') ?? '',
    html,
    frames,
  };
}
