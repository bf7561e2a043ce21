const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a token may be sent to `serverUrl`: https, or http to this computer (the loopback
 * never leaves the machine). Anywhere else http would show the token to the network.
 */
export function mayCarryToken(serverUrl: string): boolean {
  try {
    const url = new URL(serverUrl);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}
