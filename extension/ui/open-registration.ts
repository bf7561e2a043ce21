import { browser } from 'wxt/browser';
import { extensionUrl } from '../messaging/url';
import { focusComplaint } from '../background/panel';

type SidePanelApi = { open(o: { windowId: number }): Promise<void> };

/**
 * From a page click (a user gesture): Chrome's side panel, else the registration page in a tab.
 * `complaintId` 'new' starts a manual complaint.
 */
export async function openRegistrationFromPage(
  complaintId: string | 'new' | undefined,
): Promise<void> {
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  if (sidePanel) {
    const win = await browser.windows.getCurrent();
    if (win.id !== undefined) {
      // open() first: it must run while the click's gesture is still valid
      const opening = sidePanel.open({ windowId: win.id });
      await focusComplaint(complaintId);
      await opening;
      return;
    }
  }
  await focusComplaint(complaintId);
  const hash = complaintId ? `#${encodeURIComponent(complaintId)}` : '';
  await browser.tabs.create({ url: extensionUrl(`/register.html${hash}`) });
}
