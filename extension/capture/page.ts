import { frameDocuments, selectionClone, textOf } from './dom';

/** What a capture from any page carries (issue #4, "From any page"). */
export interface PageCapture {
  url: string;
  title: string;
  /** ISO instant. */
  capturedAt: string;
  selectionText: string;
  /** UNSANITIZED markup of the selection (cloned, never written back into the page). */
  selectionHtml: string;
}

/**
 * Reads the selection, URL and title of `win`'s page. Same-origin frames are checked too: on
 * framed webmail (QQ classic, 163) the selection lives inside a frame.
 */
export function capturePage(win: Window = globalThis.window, now: Date = new Date()): PageCapture {
  const doc = win.document;
  let selection: Element | undefined;
  for (const d of [doc, ...frameDocuments(doc)]) {
    selection = selectionClone(d)?.container;
    if (selection) break;
  }
  return {
    url: win.location.href,
    title: doc.title.trim(),
    capturedAt: now.toISOString(),
    selectionText: selection ? textOf(selection) : '',
    // Reading innerHTML of a detached clone is not a Trusted Types sink.
    selectionHtml: selection ? selection.innerHTML : '',
  };
}
