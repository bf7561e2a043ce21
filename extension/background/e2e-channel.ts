import { browser } from 'wxt/browser';
import { openDb } from '../db/database';
import type { Actor } from '../db/types';
import { registerComplaint } from '../registration/register';

/**
 * Browser tests only (installed when the build's mode is `e2e`): what the Firefox test reads
 * through the loopback page (entrypoints/e2e-probe.content.ts), since BiDi cannot reach
 * extension pages. `state`: the durable queue and the open tabs; `register`: the registration
 * path the form uses, for a captured complaint.
 */
export function installE2eChannel(actor: () => Promise<Actor>) {
  browser.runtime.onMessage.addListener((msg: unknown) => {
    const m = msg as { e2e?: string; data?: Record<string, unknown> } | null;
    if (!m?.e2e) return undefined;
    const db = openDb();
    if (m.e2e === 'state') {
      return (async () => ({
        events: (await db.events.toArray()).map(({ id, complaintId, type, pending }) => ({
          id,
          complaintId,
          type,
          pending,
        })),
        drafts: await db.drafts.toArray(),
        complaints: (await db.complaints.toArray()).map(({ id, status, caseNumber }) => ({
          id,
          status,
          caseNumber,
        })),
        attachments: (await db.attachments.toArray()).map(({ id, type, size, held }) => ({
          id,
          type,
          size,
          held,
        })),
        tabs: (await browser.tabs.query({})).map((t) => t.url ?? ''),
      }))();
    }
    if (m.e2e === 'register') {
      return (async () => {
        const complaintId = String(m.data?.complaintId);
        const row = await db.drafts.get(complaintId);
        return registerComplaint(db, {
          complaintId,
          draft: { ...row?.draft, ...(m.data?.patch as object) },
          actor: await actor(),
          now: new Date(),
          eventId: crypto.randomUUID(),
        });
      })();
    }
    return undefined;
  });
}
