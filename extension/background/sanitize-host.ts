import { browser } from 'wxt/browser';
import { extensionUrl } from '../messaging/url';
import { MessageError, sendMessage } from '../messaging';

/**
 * Where DOMPurify runs. It needs a DOM: Chrome's MV3 service worker has none, so there it runs in
 * an offscreen document (kept open, created on first use); Firefox's background page has a DOM
 * and sanitizes in place. Never in the web page itself.
 */
export function createSanitizeHost(
  sanitizeHere: ((clip: unknown, capturedAt: string) => unknown) | undefined,
): (clip: unknown, capturedAt: Date) => Promise<unknown> {
  if (sanitizeHere && typeof document !== 'undefined') {
    return async (clip, capturedAt) => sanitizeHere(clip, capturedAt.toISOString());
  }
  return async (clip, capturedAt) => {
    await ensureOffscreen();
    return (await sendMessage('sanitize.clip', { clip, capturedAt: capturedAt.toISOString() }))
      .result;
  };
}

/**
 * The same, for HTML that arrives by team sync (`sanitizeSyncedEvents`): a batch of strings in
 * one round trip.
 */
export function createHtmlSanitizeHost(
  sanitizeHere: ((html: string[]) => string[]) | undefined,
): (html: string[]) => Promise<string[]> {
  if (sanitizeHere && typeof document !== 'undefined') return async (html) => sanitizeHere(html);
  return async (html) => {
    await ensureOffscreen();
    return (await sendMessage('sanitize.html', { html })).html;
  };
}

let creating: Promise<void> | undefined;

/** Opens the offscreen document unless it is open (Chrome); refuses where there is none. */
async function ensureOffscreen(): Promise<void> {
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (!offscreen) throw new MessageError('ext.error.sanitizerUnavailable');
  const contexts = await (browser.runtime as unknown as RuntimeWithContexts).getContexts?.({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
  });
  if (contexts && contexts.length > 0) return;
  creating ??= offscreen
    .createDocument({
      url: extensionUrl('/offscreen.html'),
      reasons: ['DOM_PARSER'],
      justification: 'Sanitize clipped HTML with DOMPurify before it is stored.',
    })
    .catch((err: Error) => {
      // Another call created it between our check and this call.
      if (!/single offscreen/i.test(err.message)) throw err;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface RuntimeWithContexts {
  getContexts?: (filter: { contextTypes: string[] }) => Promise<unknown[]>;
}
