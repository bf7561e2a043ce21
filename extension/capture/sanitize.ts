import DOMPurify, { type Config, type WindowLike } from 'dompurify';

// Clipped HTML is hostile input. It is sanitized in an extension page (never in the webmail
// page) and shown only through `sandboxedSrcdoc` in a `sandbox=""` iframe (docs/webmail.md §5.6).

/** Tags that run code, submit, embed, restyle the page or fetch on their own. */
export const FORBID_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  // Media fetch their sources (and posters) without a click.
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'portal',
];

export const ALLOWED_URI_REGEXP = /^(?:https:|mailto:|cid:)/i;

/** Attributes that fetch a URL as soon as the element is parsed or laid out. */
const FETCHING_ATTRS = [
  'srcset',
  'background',
  'poster',
  'lowsrc',
  'dynsrc',
  'ping',
  'action',
  'formaction',
];

/** CSS that can fetch (url(), image-set()) or hide it behind escapes and legacy hooks. */
const RISKY_CSS =
  /url\s*\(|image-set|image\s*\(|expression\s*\(|@import|behavior|binding|javascript:|\\/i;

export const SANITIZE_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  ALLOWED_URI_REGEXP,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_TRUSTED_TYPE: false,
};

/** An HTML string in, sanitized HTML out. */
export type Sanitize = (html: string) => string;

export class SanitizerUnavailableError extends Error {
  constructor(reason: string) {
    super(`DOMPurify cannot run in this window: ${reason}`);
    this.name = 'SanitizerUnavailableError';
  }
}

const CANARY =
  '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a><script>alert(1)</script>';

/**
 * A sanitizer bound to `win` (an extension page or offscreen document). Throws when DOMPurify
 * does not work there: some DOM shims make it return its input unchanged.
 */
export function createSanitizer(win: Window = globalThis.window): Sanitize {
  if (!win?.document) throw new SanitizerUnavailableError('no window');
  const purify = DOMPurify(win as unknown as WindowLike);
  if (!purify.isSupported) throw new SanitizerUnavailableError('isSupported is false');
  purify.addHook('afterSanitizeAttributes', (node) => {
    for (const name of FETCHING_ATTRS) node.removeAttribute(name);
    const style = node.getAttribute('style');
    if (style && RISKY_CSS.test(style)) node.removeAttribute('style');
    const tag = node.tagName?.toLowerCase();
    if (tag === 'a' || tag === 'area') {
      // With sandbox="" (no allow-popups) a click does nothing; the shell may allow popups.
      if (node.hasAttribute('href')) node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (tag === 'img') {
      const src = node.getAttribute('src');
      // Remote images are tracking pixels until the agent asks for them.
      if (src && !/^(?:data:|cid:)/i.test(src)) {
        node.setAttribute('data-src', src);
        node.removeAttribute('src');
      }
    }
  });
  const sanitize: Sanitize = (html) => String(purify.sanitize(html, SANITIZE_CONFIG));
  const probe = sanitize(CANARY);
  if (/onerror|javascript:|<script/i.test(probe)) {
    throw new SanitizerUnavailableError('canary survived sanitizing');
  }
  return sanitize;
}

// Display lives apart so pages that only show clips do not bundle DOMPurify and the extractors.
export { DISPLAY_CSP, createClipFrame, sandboxedSrcdoc } from './display';
