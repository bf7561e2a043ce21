import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address: the socket's peer, or with `trustProxy` = N proxies in front, the
 * X-Forwarded-For entry the outermost trusted proxy saw (Nth from the right). Entries further
 * left were written by the client and could be forged.
 */
export function clientIp(c: Context, trustProxy: number): string {
  // No Node bindings when the app is called without a socket (`app.request` in tests).
  const peer = (c.env ? getConnInfo(c).remote.address : undefined) ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const forwarded = c.req.header('x-forwarded-for');
  if (!forwarded) return peer;
  const hops = forwarded
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = hops[hops.length - trustProxy] ?? hops[0];
  return entry && entry.length <= 64 ? entry : peer;
}
