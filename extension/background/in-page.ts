// From their files, not the capture's index: the index also brings DOMPurify and the source
// mapping, which run in the background's DOM, never in the web page.
import { EXTRACTORS, extractClip } from '../capture/extractors/registry';
import { capturePage } from '../capture/page';
import type { RawClip } from './dom-sanitize';

/**
 * Runs inside the web page (injected by scripting.executeScript under activeTab). Reads the page
 * and never writes into it; returns plain data, which crosses to the background by structured
 * clone. Webmail gets its provider's extractor; any other page, the selection/page capture.
 */
export function captureInPage(win: Window = globalThis.window): RawClip {
  const url = win.location.href;
  if (EXTRACTORS.some((x) => x.matches(url)))
    return { kind: 'clip', clip: extractClip(win.document, url) };
  return { kind: 'page', page: capturePage(win) };
}
