import type { Context } from 'hono';

/** How long a browser may cache the preflight answer. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * This server's own origin as the browser sees it (the demo page is same-origin). Behind
 * trusted proxies the forwarded host and scheme count.
 */
export function ownOrigin(c: Context, trustProxy: number): string {
  const url = new URL(c.req.url);
  if (trustProxy > 0) {
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    if (host)
      return `${proto === 'https' ? 'https' : proto === 'http' ? 'http' : url.protocol.slice(0, -1)}://${host}`;
  }
  return url.origin;
}

/** Lets `origin` read this response. */
export function allowOrigin(c: Context, origin: string) {
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', 'Retry-After');
  c.header('Vary', 'Origin', { append: true });
}

export function preflightHeaders(c: Context, origin: string) {
  allowOrigin(c, origin);
  c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
  c.header('Access-Control-Allow-Headers', 'Content-Type, Accept-Language');
  c.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE));
}
