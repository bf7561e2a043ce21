import { hasMessage, tKey } from '@shared/i18n';
import type { Locale } from '@shared/schema/codes';
import type { EventRejection } from '../db/types';

/** The server's own refusal reasons, and the message keys that explain them here. */
const SERVER_REASONS: Record<string, string> = {
  'sync.forgedRole': 'ext.sync.reason.forgedRole',
  'sync.idConflict': 'ext.sync.reason.idConflict',
  'sync.invalidEvent': 'ext.sync.reason.invalidEvent',
  'complaint.staleVersion': 'ext.sync.reason.staleVersion',
};

const roleName = (locale: Locale, role: unknown) =>
  typeof role === 'string' && hasMessage(`role.${role}`)
    ? tKey(locale, `role.${role}`)
    : String(role);

/**
 * Why the server refused an event, in `locale`: workflow reasons through the shared catalogue,
 * the server's own reasons through ours, else the server's text, else the bare reason code.
 */
export function rejectionText(
  locale: Locale,
  r: Pick<EventRejection, 'reason' | 'params' | 'message'>,
): string {
  const params = { ...r.params };
  if (r.reason === 'sync.forgedRole') {
    params.role = roleName(locale, params.role);
    params.tokenRole = roleName(locale, params.tokenRole);
  }
  const key = SERVER_REASONS[r.reason] ?? r.reason;
  if (hasMessage(key)) return tKey(locale, key, params);
  if (r.message) return r.message;
  return tKey(locale, 'ext.sync.reason.unknown', { reason: r.reason });
}

/** A sync failure (`SyncState.lastError`) in `locale`, with the server's words when it gave some. */
export function syncErrorText(
  locale: Locale,
  e: { reason: string; params?: Record<string, unknown> },
): string {
  const text = tKey(locale, e.reason, e.params);
  const server = e.params?.message;
  return typeof server === 'string' && server && e.reason === 'ext.sync.error.refused'
    ? `${text} (${server})`
    : text;
}
