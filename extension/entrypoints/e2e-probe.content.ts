import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../messaging';

// Browser tests only (`--mode e2e`; wxt.config.ts drops this entrypoint from every other build).
// Firefox's WebDriver BiDi cannot open moz-extension:// pages nor click menus, so a loopback test
// page asks through window messages, and this script relays to the background and back.
export default defineContentScript({
  matches: ['http://127.0.0.1/*'],
  main() {
    window.addEventListener('message', async (e) => {
      const ask = (e.data as { cdE2e?: string; data?: unknown } | null)?.cdE2e;
      if (e.source !== window || !ask) return;
      let answer: unknown;
      try {
        answer =
          ask === 'capture'
            ? await sendMessage('capture.request', { trigger: 'popup' })
            : await browser.runtime.sendMessage({ e2e: ask, data: e.data.data });
      } catch (err) {
        answer = { error: err instanceof Error ? err.message : String(err) };
      }
      window.postMessage({ cdE2eAnswer: ask, answer }, '*');
    });
  },
});
