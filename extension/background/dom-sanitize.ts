// The capture's files one by one, not its index: the index brings the extractors and Readability
// (what runs in the web page), which the offscreen document never uses.
import type { PageCapture } from '../capture/page';
import { createSanitizer } from '../capture/sanitize';
import { sanitizeClip as purifyClip } from '../capture/sanitize-clip';
import { type SourceResult, toSource } from '../capture/to-source';
import type { ClipResult } from '../capture/types';
import { MessageError } from '../messaging';

let purify: ((html: string) => string) | undefined;

/** DOMPurify (the capture's configuration) over HTML that arrived by team sync. */
export function sanitizeHtmlList(html: string[]): string[] {
  purify ??= createSanitizer(globalThis.window);
  return html.map((h) => purify!(h));
}

/** What the in-page script returns: an email clip from a webmail extractor, or a page capture. */
export type RawClip = { kind: 'clip'; clip: ClipResult } | { kind: 'page'; page: PageCapture };

/**
 * DOMPurify over the clip's HTML, then the shared source/draft mapping. Needs a DOM: runs in the
 * offscreen document (Chrome) or the background page (Firefox), never in the web page.
 */
export function sanitizeClip(raw: unknown, capturedAt: string): SourceResult {
  const clip = raw as RawClip;
  if (clip?.kind === 'clip') return toSource(purifyClip(clip.clip), { capturedAt });
  if (clip?.kind === 'page')
    return toSource(clip.page, { capturedAt, sanitize: createSanitizer(globalThis.window) });
  throw new MessageError('ext.error.cannotCapture');
}
