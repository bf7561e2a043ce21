import type { Draft } from '@shared/schema/registration';
import type { SeverityLevel, Status } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { Actor } from '@shared/schema/event';

export type { Actor };

/** `pending` of a system event derived on this device (background/escalations.ts). */
export const DERIVED = 3;

/** One event of a complaint's log, as stored locally (docs/architecture.md "event log"). */
export interface StoredEvent {
  id: string;
  complaintId: string;
  type: string;
  at: string;
  actor: Actor;
  payload: Record<string, unknown>;
  /** Local append order across all complaints: the order the device saw its events in. */
  seq: number;
  /**
   * 1 until the team server accepted it, then 0; 2 when the server refused it: kept with its
   * `rejection` and shown to the user, but left out of the fold (IndexedDB cannot index booleans);
   * `DERIVED` (3) for a system event this device derived itself (an automatic escalation while
   * offline or in solo mode): folded, never pushed, replaced by the server's event of the same id.
   */
  pending: 0 | 1 | 2 | typeof DERIVED;
  /** The team server's order (`seq` in POST /sync answers), once this device has pulled it. */
  serverSeq?: number;
  /** Why the team server refused the event (with `pending: 2`). */
  rejection?: EventRejection;
}

/** A refusal by the team server: a message key (shared tKey) and its parameters. */
export interface EventRejection {
  reason: string;
  params?: Record<string, unknown>;
  /** The server's own text (its Accept-Language), shown when the key is unknown here. */
  message?: string;
  at: string;
  /**
   * Where in the server's order the refusal stands: the server's log position when it refused
   * the event (sent with each refusal; older servers: the cursor of the answer that carried it),
   * so the history lists the refused event after what the server already had (a withdrawal
   * before the assignment it made moot).
   */
  afterSeq?: number;
  /** The user has seen it and cleared it from the list; the event is still kept. */
  dismissedAt?: string;
}

/** The derived, always rebuildable snapshot of a complaint, indexed for the queue. */
export interface ComplaintRow {
  id: string;
  status: Status;
  severity: SeverityLevel;
  /** Earliest running deadline (ISO); absent for drafts and finished cases. */
  nextDueAt?: string;
  updatedAt: string;
  createdAt: string;
  caseNumber?: string;
  caseNumberIssuer?: 'local' | 'server';
  /** A short line for lists: subject, or the start of the description or selection. */
  title: string;
  channel?: string;
  /** The folded workflow state (shared/workflow). */
  state: ComplaintState | null;
}

/** The working copy the side panel edits; saved on every change. */
export interface DraftRow {
  complaintId: string;
  draft: Draft;
  updatedAt: string;
  /** The confidence the clip came with; below PREVIEW_THRESHOLD the panel opens on it. */
  needsReview?: boolean;
  /** Draft fields the capture guessed (capture/to-source `ReviewField`): marked in the form. */
  reviewFields?: string[];
}

export interface AttachmentRow {
  id: string;
  complaintId: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  createdAt: string;
  /**
   * A screenshot waits on this device until the agent has looked at it in the side panel (crop,
   * highlight, black out personal data): only then may it leave for the team server.
   */
  held?: true;
  /** Set once the team server holds the file (sync/files.ts): its SHA-256. */
  uploadedSha256?: string;
  /** The server refused the file for good (type, size): a message key; not retried. */
  uploadError?: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}
