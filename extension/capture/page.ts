import { Readability } from '@mozilla/readability';
import { frameDocuments, selectionClone, textOf } from './dom';

/** The main text of an ordinary page, as Readability finds it (no navigation, no footers). */
export interface PageArticle {
  title?: string;
  text: string;
  /** UNSANITIZED markup, like the selection's. */
  html: string;
}

/** What a capture from any page carries (issue #4, "From any page"). */
export interface PageCapture {
  url: string;
  title: string;
  /** ISO instant. */
  capturedAt: string;
  selectionText: string;
  /** UNSANITIZED markup of the selection (cloned, never written back into the page). */
  selectionHtml: string;
  /** Only when nothing is selected: the selection always wins. */
  article?: PageArticle;
}

/** Below this many characters Readability's pick is a menu or a teaser, not the post. */
export const ARTICLE_MIN_CHARS = 40;

/**
 * Readability on a CLONE of the document (it rewrites what it reads). A page whose Trusted
 * Types policy refuses Readability's own HTML writes simply has no article.
 */
export function readArticle(doc: Document): PageArticle | undefined {
  try {
    const clone = doc.cloneNode(true) as Document;
    const reader = new Readability<Element>(clone, {
      charThreshold: 200,
      serializer: (node) => node as Element,
    });
    const article = reader.parse();
    const el = article?.content;
    if (!el) return undefined;
    const text = textOf(el);
    if (text.length < ARTICLE_MIN_CHARS) return undefined;
    const title = article.title?.trim();
    return { ...(title ? { title } : {}), text, html: el.innerHTML };
  } catch {
    return undefined;
  }
}

/**
 * Reads the selection, URL and title of `win`'s page. Same-origin frames are checked too: on
 * framed webmail (QQ classic, 163) the selection lives inside a frame. With nothing selected,
 * the page's main text (Readability).
 */
export function capturePage(win: Window = globalThis.window, now: Date = new Date()): PageCapture {
  const doc = win.document;
  let selection: Element | undefined;
  for (const d of [doc, ...frameDocuments(doc)]) {
    selection = selectionClone(d)?.container;
    if (selection) break;
  }
  const page: PageCapture = {
    url: win.location.href,
    title: doc.title.trim(),
    capturedAt: now.toISOString(),
    selectionText: selection ? textOf(selection) : '',
    // Reading innerHTML of a detached clone is not a Trusted Types sink.
    selectionHtml: selection ? selection.innerHTML : '',
  };
  if (!selection) {
    const article = readArticle(doc);
    if (article) page.article = article;
  }
  return page;
}
