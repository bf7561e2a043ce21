import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';

const HOST_ID = 'complaint-desk-clip';

function message(key: 'clipEmail' | 'clipEmailDone' | 'clipEmailFailed'): string {
  return (browser.i18n as unknown as { getMessage(k: string): string }).getMessage(key) || key;
}

/**
 * The live "Clip this email" button on webmail (only where the agent granted the optional host
 * permission). Built with DOM calls inside a closed shadow root: no HTML string is ever written
 * into the webmail page, and the page's styles cannot reach it.
 */
export function mountClipButton(doc: Document = document): HTMLElement | undefined {
  if (doc.getElementById(HOST_ID)) return undefined;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  host.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483647';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent =
    'button{font:600 13px system-ui,sans-serif;padding:8px 12px;border-radius:18px;border:0;background:#a3210f;color:#fff;cursor:pointer;box-shadow:0 2px 6px #0004}button:focus-visible{outline:3px solid #1a56c4;outline-offset:2px}span{display:block;margin-top:4px;font:12px system-ui,sans-serif;background:#fff;color:#1b1b1f;padding:2px 6px;border-radius:4px}span:empty{display:none}';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = message('clipEmail');
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await sendMessage('capture.request', { trigger: 'webmail-button' });
      status.textContent = message('clipEmailDone');
    } catch {
      status.textContent = message('clipEmailFailed');
    } finally {
      button.disabled = false;
    }
  });
  root.append(style, button, status);
  doc.documentElement.append(host);
  return host;
}
