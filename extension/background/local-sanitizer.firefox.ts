import { sanitizeClip, sanitizeHtmlList } from './dom-sanitize';

// Firefox build (see wxt.config.ts): the background page has a DOM and sanitizes in place.
export const localSanitizer: ((clip: unknown, capturedAt: string) => unknown) | undefined =
  sanitizeClip;
export const localHtmlSanitizer: ((html: string[]) => string[]) | undefined = sanitizeHtmlList;
