import { browser } from 'wxt/browser';
import { extensionUrl } from '../messaging/url';

export const FOCUS_KEY = 'panel.focus';

/** Which complaint the registration page should show; read by the page, also when opened later. */
export async function focusComplaint(complaintId: string | undefined): Promise<void> {
  await browser.storage.session.set({
    [FOCUS_KEY]: { complaintId: complaintId ?? null, at: Date.now() },
  });
}

type SidePanelApi = { open(o: { tabId?: number; windowId?: number }): Promise<void> };

/**
 * Opens the registration page: Chrome's side panel when the call still carries the user's
 * gesture, else (Firefox, or the gesture expired) the same page in a tab.
 */
export async function openRegistration(
  complaintId: string | undefined,
  where: { tabId?: number; windowId?: number },
  allowTab = true,
): Promise<'sidepanel' | 'tab' | 'none'> {
  const focus = focusComplaint(complaintId);
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  if (sidePanel && (where.tabId !== undefined || where.windowId !== undefined)) {
    try {
      // Called before awaiting anything else so the gesture is still valid.
      await sidePanel.open(
        where.tabId !== undefined ? { tabId: where.tabId } : { windowId: where.windowId! },
      );
      await focus;
      return 'sidepanel';
    } catch {
      // no gesture any more
    }
  }
  await focus;
  if (!allowTab) return 'none';
  const hash = complaintId ? `#${encodeURIComponent(complaintId)}` : '';
  await browser.tabs.create({ url: extensionUrl(`/register.html${hash}`) });
  return 'tab';
}
