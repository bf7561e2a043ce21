import { browser } from 'wxt/browser';
import { WEBMAIL_HOST_PATTERNS } from './webmail-hosts';

export const WEBMAIL_SCRIPT_ID = 'webmail-clip-button';

/**
 * Registers the "Clip this email" content script for exactly the webmail hosts the agent granted
 * (none at install). Run at start-up and whenever permissions change.
 */
export async function syncWebmailButton(): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of WEBMAIL_HOST_PATTERNS) {
    if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [WEBMAIL_SCRIPT_ID],
  });
  if (existing.length)
    await browser.scripting.unregisterContentScripts({ ids: [WEBMAIL_SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      {
        id: WEBMAIL_SCRIPT_ID,
        matches: granted,
        js: ['content-scripts/webmail.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return granted;
}
