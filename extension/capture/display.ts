/**
 * The policy of the display frame: no script, no network (data: images only), inline styles
 * allowed since they cannot fetch under it.
 */
export const DISPLAY_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

/**
 * A complete document for `iframe.srcdoc`, to be used with `sandbox=""`: even HTML the
 * sanitizer missed can neither run script nor fetch.
 */
export function sandboxedSrcdoc(sanitizedHtml: string, lang?: string): string {
  const langAttr = lang && /^[a-zA-Z-]{2,16}$/.test(lang) ? ` lang="${lang}"` : '';
  return `<!doctype html><html${langAttr}><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${DISPLAY_CSP}"><meta name="referrer" content="no-referrer"></head><body>${sanitizedHtml}</body></html>`;
}

/** A detached `sandbox=""` iframe showing `sanitizedHtml`, ready to insert in an extension page. */
export function createClipFrame(
  doc: Document,
  sanitizedHtml: string,
  title = 'Clipped email',
): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.setAttribute('sandbox', '');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.setAttribute('title', title);
  frame.srcdoc = sandboxedSrcdoc(sanitizedHtml);
  return frame;
}
