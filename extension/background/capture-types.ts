import type { Actor } from '../db/types';

export const CAPTURE_TRIGGERS = [
  'menu.selection',
  'menu.page',
  'menu.link',
  'menu.image',
  'command',
  'popup',
  'sidepanel',
  'webmail-button',
] as const;
export type CaptureTrigger = (typeof CAPTURE_TRIGGERS)[number];

export interface CaptureRequest {
  trigger: CaptureTrigger;
  /** The tab to clip; the active tab of the current window when absent. */
  tabId?: number;
  /** From a link or image context menu. */
  linkUrl?: string;
  srcUrl?: string;
  /** Overrides the options' screenshot setting for this capture. */
  screenshot?: boolean;
}

/** Sent only after the captured event and draft are committed to the database. */
export interface CaptureAck {
  complaintId: string;
  eventId: string;
  /** Low extraction confidence: the side panel opened on an editable preview. */
  needsReview: boolean;
  /** The same capture was already committed (a retry after the worker was stopped). */
  duplicate: boolean;
  /** Effects the workflow returned for the capture (e.g. `alertOnCall`), for the shell to run. */
  effects: string[];
}

export interface QueueStatus {
  /** Captures the database refused (quota, I/O); kept in session/local storage for retry. */
  failed: number;
  /** Captures started but not yet committed (being processed, or interrupted). */
  inFlight: number;
  /** Message key of the most recent failure. */
  lastError?: string;
}

export interface TabInfo {
  id: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/** A capture on its way from the page to the database, journaled so no stop can lose it. */
export interface JournalEntry {
  id: string;
  complaintId: string;
  at: string;
  actor: Actor;
  request: CaptureRequest;
  tab: TabInfo;
  stage: 'triggered' | 'extracted';
  /** What the in-page capture returned (unsanitized: sanitizing happens before the commit). */
  clip?: unknown;
  /** JPEG data URL of the visible tab, already downscaled. */
  screenshot?: string;
  attempts: number;
  error?: string;
}
