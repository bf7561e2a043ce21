import { browser } from 'wxt/browser';
import type { PageSnapshot } from '../capture/snapshot';
import { MessageError } from '../messaging';

const withoutHash = (u: string) => u.split('#')[0];

/** The open tab showing `url` (its hash may have moved on), cleaned by the injected snapshot script. */
export async function snapshotTab(url: string): Promise<PageSnapshot> {
  const tabs = await browser.tabs.query({});
  const tab =
    tabs.find((t) => t.url === url) ??
    tabs.find((t) => t.url && withoutHash(t.url) === withoutHash(url));
  if (tab?.id === undefined) throw new MessageError('cap.wrong.noPage');
  const [first] = await browser.scripting.executeScript({
    target: { tabId: tab.id },
    files: ['/snapshot-page.js'],
  });
  const snapshot = first?.result as PageSnapshot | undefined;
  if (!snapshot?.html) throw new MessageError('cap.wrong.noPage');
  return snapshot;
}
