// DOM helpers that work on any Document (live page, same-origin frame, happy-dom, linkedom).
// Nothing here writes HTML strings into a document: webmail pages enforce Trusted Types.

const ELEMENT = 1;
const TEXT = 3;

const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE CENTER DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL'.split(
    ' ',
  ),
);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'HEAD',
  'TITLE',
  'IFRAME',
  'OBJECT',
  'SVG',
]);

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Hidden by markup alone (no layout in tests, none needed on the page either). */
export function isHiddenSelf(el: Element): boolean {
  return el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? '');
}

export function isHidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (isHiddenSelf(e)) return true;
  return false;
}

/**
 * A cell of a data table (an order line, an invoice row): its row has other cells, it holds no
 * table of its own and little text. Layout tables (one cell per row, or a cell that is a whole
 * column of the mail) keep their paragraphs.
 */
function isDataCell(cell: Element): boolean {
  const row = cell.parentElement;
  const cells = row ? Array.from(row.children).filter((c) => /^T[DH]$/i.test(c.tagName)) : [];
  return (
    cells.length >= 2 && !cell.querySelector('table') && (cell.textContent ?? '').length <= 200
  );
}

/** Readable text like innerText, but deterministic without layout. `limit` stops early. */
export function textOf(node: Node, limit = Number.POSITIVE_INFINITY): string {
  // Strings are text; numbers are innerText's "required line breaks" (1 around blocks, 2
  // around paragraphs), which collapse with each other to the largest.
  const out: (string | number)[] = [];
  let length = 0;
  // Iterative: hostile mail can nest deeper than the call stack allows.
  const stack: (Node | string | number)[] = [node];
  let preDepth = 0;
  // Inside a data cell its paragraphs and line breaks read as spaces: a row stays one line.
  let cellDepth = 0;
  while (stack.length && length <= limit) {
    const n = stack.pop()!;
    if (typeof n === 'number') {
      out.push(n);
      continue;
    }
    if (typeof n === 'string') {
      if (n === '</pre>') preDepth--;
      else if (n === '</cell>') cellDepth--;
      else out.push(n);
      continue;
    }
    if (n.nodeType === TEXT) {
      const value = n.nodeValue ?? '';
      length += value.length;
      out.push(preDepth > 0 ? value : value.replace(/[\s\u00a0]+/g, ' '));
      continue;
    }
    if (!isElement(n) && n.nodeType !== 11 && n.nodeType !== 9) continue;
    const tag = isElement(n) ? n.tagName.toUpperCase() : '';
    if (SKIP.has(tag) || (isElement(n) && isHiddenSelf(n))) continue;
    if (tag === 'BR') {
      out.push(cellDepth > 0 ? ' ' : '\n');
      continue;
    }
    // Pushed in reverse: what closes the element first, then its children last-to-first.
    if (tag === 'TD' || tag === 'TH') {
      // Cells are separated by a tab, as innerText does; "1 329.00" never reads as one number.
      if (/^T[DH]$/i.test((n as Element).previousElementSibling?.tagName ?? '')) out.push('\t');
      if (isDataCell(n as Element)) {
        cellDepth++;
        stack.push('</cell>');
      }
    }
    const breaks = tag === 'P' ? 2 : BLOCK.has(tag) ? 1 : 0;
    if (breaks && cellDepth > 0) {
      out.push(' ');
      stack.push(' ');
    } else if (breaks) {
      out.push(breaks);
      stack.push(breaks);
    }
    if (tag === 'PRE') {
      preDepth++;
      stack.push('</pre>');
    }
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  let text = '';
  let pending = 0;
  for (const item of out) {
    if (typeof item === 'number') pending = Math.max(pending, item);
    else if (pending && !item.trim() && item !== '\n') continue;
    else {
      if (pending && text) text += '\n'.repeat(pending);
      pending = 0;
      text += item;
    }
  }
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \u00a0\u3000]+/g, ' ')
        .replace(/ *\t[\t ]*/g, '\t')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One-line text, for header fields. */
export function lineOf(node: Node): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}

/** The document of a same-origin iframe, or undefined (cross-origin, not loaded, linkedom). */
export function frameDocument(frame: Element): Document | undefined {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    return doc ?? undefined;
  } catch {
    return undefined;
  }
}

/** Same-origin frame documents below `doc`, depth-first, `doc` excluded. */
export function frameDocuments(doc: Document, css = 'iframe, frame', depth = 3): Document[] {
  if (depth <= 0) return [];
  const found: Document[] = [];
  for (const frame of Array.from(doc.querySelectorAll(css))) {
    const inner = frameDocument(frame);
    if (inner) found.push(inner, ...frameDocuments(inner, css, depth - 1));
  }
  return found;
}

export function documentUrl(doc: Document): string | undefined {
  try {
    const url = doc.URL || doc.location?.href;
    return url && /^https?:/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The user's selection in `doc`, cloned into a detached element of that document. */
export function selectionClone(doc: Document): { container: Element; anchor: Node } | undefined {
  const sel = typeof doc.getSelection === 'function' ? doc.getSelection() : null;
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const container = doc.createElement('div');
  for (let i = 0; i < sel.rangeCount; i++) container.append(sel.getRangeAt(i).cloneContents());
  if (!textOf(container)) return undefined;
  return { container, anchor: sel.getRangeAt(0).commonAncestorContainer };
}

/** Every node under `root` (excluded) in document order; portable where TreeWalker is not. */
export function* descendants(root: Node): Generator<Node> {
  let node: Node | null = root.firstChild;
  while (node) {
    yield node;
    if (node.firstChild) node = node.firstChild;
    else {
      while (node && !node.nextSibling && node !== root) node = node.parentNode;
      if (!node || node === root) return;
      node = node.nextSibling;
    }
  }
}

/** Drop elements that contain another element of the list (keep the innermost). */
export function innermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && el.contains(other)));
}

/** Drop elements contained in another element of the list (keep the outermost). */
export function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/** Text of an element's own text nodes, not its descendants'. */
export function ownText(el: Element): string {
  let text = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT) text += c.nodeValue;
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const LABEL_LIKE = /^.{1,20}[:：]$/;

/**
 * Header rows like `发件人：<span …>` or `<td>From:</td><td>…</td>`: for each occurrence of a
 * label matching `label`, the elements holding its value (a row may hold several addresses).
 */
export function labelledValues(scope: ParentNode, label: RegExp): Element[][] {
  const groups: Element[][] = [];
  for (const el of Array.from(scope.querySelectorAll('*'))) {
    const own = ownText(el);
    if (!own || !label.test(own)) continue;
    const rest = own.replace(label, '').replace(/^[\s:：]+/, '');
    // The value is in the same element (own text, or children after the label text).
    if (rest || el.children.length) {
      groups.push([el]);
      continue;
    }
    const values: Element[] = [];
    for (
      let v = el.nextElementSibling;
      v && !LABEL_LIKE.test(ownText(v));
      v = v.nextElementSibling
    ) {
      values.push(v);
    }
    const parent = el.parentElement;
    // `<div><b>发件人:</b> 张三 &lt;a@b&gt;</div>`: the value is the parent's other text.
    if (!values.length && parent && lineOf(parent) !== own) values.push(parent);
    else if (!values.length && parent?.nextElementSibling) values.push(parent.nextElementSibling);
    if (values.length) groups.push(values);
  }
  return groups;
}
