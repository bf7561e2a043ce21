/**
 * The shell side of the review pages (popup queue, case page, report page): who the user is,
 * how an action is persisted, and where a case opens. Rules stay in shared/ and extension/review.
 */
import type { ComplaintEvent } from '@shared/schema/event';
import { browser } from 'wxt/browser';
import type { ComplaintDb } from '../db/database';
import { type NewEvent, appendEvents } from '../db/log';
import type { Actor } from '../db/types';
import { extensionUrl } from '../messaging/url';
import type { ActResult, OnAct } from '../queue/bulk';
import type { Settings } from '../settings/settings';

/** The user as recorded on events: the options page names them in local mode. */
export function actorOf(s: Pick<Settings, 'userId' | 'userName' | 'role'>): Actor {
  return { id: s.userId, name: s.userName || 'Agent', role: s.role };
}

/**
 * Persists one action through the same append path registration and capture use: the log, the
 * snapshot (shared fold) and its queue columns in one transaction. A workflow refusal comes
 * back as its message key and parameters; an already stored event (a retry) counts as done.
 */
export function persistAct(db: ComplaintDb, clock: () => Date = () => new Date()): OnAct {
  return async (event: ComplaintEvent): Promise<ActResult> => {
    const result = await appendEvents(db, event.complaintId, [event as unknown as NewEvent], {
      now: clock(),
    });
    const refused = result.rejected[0];
    if (result.appended || !refused) return { ok: true };
    return refused.params
      ? { ok: false, reason: refused.reason, params: refused.params }
      : { ok: false, reason: refused.reason };
  };
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
