import { type Sanitize, createSanitizer } from './sanitize';
import type { ClipResult } from './types';

let shared: Sanitize | undefined;

/** DOMPurify over every HTML field of a clip. Run it in an extension page, never in the web page. */
export function sanitizeClip(clip: ClipResult, sanitize?: Sanitize): ClipResult {
  if (!sanitize) shared ??= createSanitizer(globalThis.window);
  const run = sanitize ?? shared!;
  const out: ClipResult = {
    ...clip,
    bodyHtml: clip.bodyHtml ? run(clip.bodyHtml) : '',
    htmlSanitized: true,
  };
  if (clip.quotedHtml !== undefined) out.quotedHtml = run(clip.quotedHtml);
  return out;
}
