import { sanitizeClip } from './dom-sanitize';

// Firefox build (see wxt.config.ts): the background page has a DOM and sanitizes in place.
export const localSanitizer: ((clip: unknown, capturedAt: string) => unknown) | undefined =
  sanitizeClip;
