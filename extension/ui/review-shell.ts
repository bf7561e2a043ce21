/**
 * The shell side of the review pages (popup queue, case page, report page): who the user is,
 * and where a case or the report opens. Actions are persisted by `persist-act.ts`.
 */
import { browser } from 'wxt/browser';
import type { ComplaintDb } from '../db/database';
import type { Actor } from '../db/types';
import { extensionUrl } from '../messaging/url';
import type { OnAct } from '../queue/bulk';
import type { Settings } from '../settings/settings';

/** The user as recorded on events: the options page names them in local mode. */
export function actorOf(s: Pick<Settings, 'userId' | 'userName' | 'role'>): Actor {
  return { id: s.userId, name: s.userName || 'Agent', role: s.role };
}

/** The case page's URL for a complaint. */
export function caseUrl(complaintId: string): string {
  return extensionUrl(`/case.html?id=${encodeURIComponent(complaintId)}`);
}

/** The complaint a case page shows (`?id=`). */
export function caseIdOf(href: string): string | undefined {
  return new URL(href).searchParams.get('id') ?? undefined;
}

/** Opens a complaint's case page in a tab (the side panel is the registration form). */
export async function openCase(complaintId: string): Promise<void> {
  await browser.tabs.create({ url: caseUrl(complaintId) });
}

/** Opens the monthly report page in a tab. */
export async function openReport(): Promise<void> {
  await browser.tabs.create({ url: extensionUrl('/report.html') });
}

/**
 * `persistAct` fetched on the first action: the append path folds the log with the shared
 * workflow, which a page need not download before it shows anything.
 */
export function persistActLater(db: ComplaintDb, clock?: () => Date): OnAct {
  return async (event) => (await import('./persist-act')).persistAct(db, clock)(event);
}
