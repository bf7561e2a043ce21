import type { CaptureAck, CaptureRequest, QueueStatus } from '../background/capture-types';
import type { PageSnapshot } from '../capture/snapshot';
import type { SyncOutcome } from '../sync/engine';

/**
 * Every message between content scripts, pages and the background: name → request and response.
 * Listeners return Promises (the WXT fake browser passes no `sendResponse`).
 */
export interface ProtocolMap {
  /** popup / side panel / webmail button → background: clip the active tab. */
  'capture.request': { req: CaptureRequest; res: CaptureAck };
  /** Try again to write captures that failed to reach the database (quota, I/O). */
  'capture.retry': { req: Record<string, never>; res: QueueStatus };
  /** Failed or in-flight captures the database does not hold yet. */
  'queue.status': { req: Record<string, never>; res: QueueStatus };
  /** background → offscreen document (Chrome): DOMPurify needs a DOM. */
  'sanitize.clip': { req: { clip: unknown; capturedAt: string }; res: { result: unknown } };
  /** background → offscreen document (Chrome): clip HTML that arrived by team sync. */
  'sanitize.html': { req: { html: string[] }; res: { html: string[] } };
  /** Open the registration page for a complaint (side panel on Chrome, a tab elsewhere). */
  'panel.open': { req: { complaintId?: string }; res: { opened: 'sidepanel' | 'tab' } };
  /** side panel → background: the clipped page (by URL), cleaned, for a wrong-capture fixture. */
  'capture.snapshot': { req: { url: string }; res: PageSnapshot };
  /** webmail button → background: its labels, in the language chosen in Options. */
  'webmail.labels': {
    req: Record<string, never>;
    res: { clip: string; clipped: string; notClipped: string };
  };
  /** popup → background: sync with the team server now, even during a backoff wait. */
  'sync.now': { req: Record<string, never>; res: SyncOutcome };
}

export type MessageType = keyof ProtocolMap;
export type Req<K extends MessageType> = ProtocolMap[K]['req'];
export type Res<K extends MessageType> = ProtocolMap[K]['res'];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: Req<K>;
}

/** Errors cross the message boundary as data; `reason` is a message key where it has one. */
export type Reply<T> = { ok: true; value: T } | { ok: false; reason: string };
