// Chrome build: the service worker has no DOM, so it never sanitizes locally (the offscreen
// document does). wxt.config.ts swaps in ./dom-sanitize for Firefox, whose background page has
// a DOM; keeping DOMPurify and the extractors out of the worker's bundle.
export const localSanitizer: ((clip: unknown, capturedAt: string) => unknown) | undefined =
  undefined;
export const localHtmlSanitizer: ((html: string[]) => string[]) | undefined = undefined;
