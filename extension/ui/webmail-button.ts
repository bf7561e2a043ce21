import { type Res, sendMessage } from '../messaging';

const HOST_ID = 'complaint-desk-clip';

/**
 * The live "Clip this email" button on webmail (only where the agent granted the optional host
 * permission). Built with DOM calls inside a closed shadow root: no HTML string is ever written
 * into the webmail page, and the page's styles cannot reach it. Its words come from the
 * background, in the language chosen in Options (the browser's own `_locales` follow the
 * browser's language); with no answer (the extension was reloaded or removed) there is no
 * button, since a click could not reach it either.
 */
export async function mountClipButton(
  doc: Document = document,
  labels: Promise<Res<'webmail.labels'>> = sendMessage('webmail.labels', {}),
): Promise<HTMLElement | undefined> {
  const words = await labels.catch(() => undefined);
  if (!words || doc.getElementById(HOST_ID)) return undefined;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  host.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483647';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    'button{font:600 13px system-ui,sans-serif;padding:8px 12px;border-radius:18px;border:0;background:#a3210f;color:#fff;cursor:pointer;box-shadow:0 2px 6px #0004}button:focus-visible{outline:3px solid #1a56c4;outline-offset:2px}span{display:block;margin-top:4px;font:12px system-ui,sans-serif;background:#fff;color:#1b1b1f;padding:2px 6px;border-radius:4px}span:empty{display:none}';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = words.clip;
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await sendMessage('capture.request', { trigger: 'webmail-button' });
      status.textContent = words.clipped;
    } catch {
      status.textContent = words.notClipped;
    } finally {
      button.disabled = false;
    }
  });
  root.append(style, button, status);
  doc.documentElement.append(host);
  return host;
}
