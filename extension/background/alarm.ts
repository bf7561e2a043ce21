/**
 * One tick of the alerts alarm (the background runs it every minute): the toolbar badge from
 * two index counts, and the desktop notifications due since — each with a stable id, kept in a
 * store, so a restarted service worker never shows one twice. Browser APIs are passed in.
 */
import {
  type AlertClocks,
  type AlertNotification,
  badgeFor,
  notificationText,
  notificationsDue,
} from '@shared/alerts/index';
import type { Badge } from '@shared/alerts/badge';
import { activePolicy } from '../policy/active-policy';
import type { Policy } from '@shared/policy/policy';
import type { Locale } from '@shared/schema/codes';
import { computeDeadlines } from '@shared/sla/index';
import type { ComplaintDb } from '../db/database';
import { deriveEscalations } from '../db/derived';
import { alertCandidates, slaCountsFromDb } from '../queue/queries';
import type { StorageArea } from '../queue/storage';

/** Sent alert ids with when they were sent (ISO), persisted across worker restarts. */
export interface SentStore {
  load(): Promise<Record<string, string>>;
  save(sent: Record<string, string>): Promise<void>;
}

/** Sent ids in an extension storage area. */
export function storageSentStore(area: StorageArea, key = 'alertsSent'): SentStore {
  return {
    load: async () => {
      const v = (await area.get(key))[key];
      return v && typeof v === 'object' ? (v as Record<string, string>) : {};
    },
    save: (sent) => area.set({ [key]: sent }),
  };
}

/** How long a sent id is remembered: longer than any deadline lives. */
export const SENT_RETENTION_DAYS = 120;

export interface TickOptions {
  db: ComplaintDb;
  now: Date;
  /** The previous tick (first run: when alerting was switched on). */
  lastTick: Date;
  locale: Locale;
  sent: SentStore;
  setBadge: (badge: Badge) => void | Promise<void>;
  /** Shows one notification; its id is the alert id (`complaintOfAlert(id)` opens the case). */
  notify: (n: AlertNotification, text: { title: string; message: string }) => void | Promise<void>;
  clocks?: AlertClocks;
  onCallContact?: string;
  /** Nothing due before this alerts (e.g. the install time), so a first run does not flood. */
  since?: Date;
  policy?: Policy;
  /**
   * Derive the automatic escalations owed (solo mode, or team mode while the server cannot be
   * reached) before deciding the alerts, so they see the raised tier.
   */
  escalate?: boolean;
}

export async function alarmTick(
  o: TickOptions,
): Promise<{ badge: Badge; sent: AlertNotification[] }> {
  const policy = o.policy ?? activePolicy();
  if (o.escalate) await deriveEscalations(o.db, o.now, policy);
  const badge = badgeFor(await slaCountsFromDb(o.db, o.now), o.locale);
  await o.setBadge(badge);

  const sent = await o.sent.load();
  const already = new Set(Object.keys(sent));
  const due: AlertNotification[] = [];
  for (const state of await alertCandidates(o.db, o.now, o.lastTick)) {
    const deadlines = computeDeadlines(state, o.now, policy, policy.calendar);
    due.push(
      ...notificationsDue(state, deadlines, o.now, already, {
        policy,
        ...(o.clocks ? { clocks: o.clocks } : {}),
        ...(o.onCallContact ? { onCallContact: o.onCallContact } : {}),
        ...(o.since ? { since: o.since } : {}),
      }),
    );
  }
  due.sort((a, b) => b.priority - a.priority || a.at.localeCompare(b.at));
  const stamp = o.now.toISOString();
  for (const n of due) {
    // Recorded before showing: a crash mid-way loses one alert rather than repeating many.
    sent[n.id] = stamp;
  }
  const cutoff = o.now.getTime() - SENT_RETENTION_DAYS * 86_400_000;
  for (const [id, at] of Object.entries(sent)) if (Date.parse(at) < cutoff) delete sent[id];
  await o.sent.save(sent);
  for (const n of due) await o.notify(n, notificationText(n, o.locale, o.now));
  return { badge, sent: due };
}
