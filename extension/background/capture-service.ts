import type { Draft } from '@shared/schema/registration';
import type { ComplaintDb } from '../db/database';
import { appendEvents } from '../db/log';
import type { Actor, AttachmentRow } from '../db/types';
import { MessageError } from '../messaging';
import type {
  CaptureAck,
  CaptureRequest,
  JournalEntry,
  QueueStatus,
  TabInfo,
} from './capture-types';
import type { CaptureJournal } from './journal';
import { TEST_HOOKS } from './test-hooks';

/** What turns a page's clip into a draft: the capture module's API behind one seam. */
export interface ClipPipeline {
  /** Runs the in-page capture in the tab and returns its (unsanitized) clip. */
  extract(tab: TabInfo, request: CaptureRequest): Promise<unknown>;
  /** DOMPurify and the clip → source/draft mapping, in an extension page (offscreen on Chrome). */
  sanitize(clip: unknown, capturedAt: Date): Promise<unknown>;
  /** The draft prefill and whether the agent must review it first. */
  toDraft(
    clip: unknown,
    ctx: { at: Date; actor: Actor; request: CaptureRequest },
  ): {
    draft: Draft;
    needsReview: boolean;
    /** Draft fields the clip guessed, marked for review in the form. */
    review?: string[];
  };
}

export interface CaptureDeps {
  db: () => ComplaintDb;
  journal: CaptureJournal;
  pipeline: ClipPipeline;
  actor: () => Promise<Actor>;
  /** Visible-tab screenshot, already downscaled; undefined when off or impossible. */
  screenshot: (tab: TabInfo, request: CaptureRequest) => Promise<Blob | undefined>;
  /** Tells the agent a capture could not be stored (localized by the caller). */
  reportFailure: (reason: string, entry: JournalEntry) => Promise<void>;
  /** After a commit: badge, side panel for review. */
  afterCommit: (ack: CaptureAck) => Promise<void>;
  now: () => Date;
  newId: () => string;
}

/** Test seam: fault injection points the browser tests reach through `sw.evaluate`. */
interface Hooks {
  beforeCommit?: (entry: JournalEntry) => Promise<void>;
  afterCommit?: (entry: JournalEntry) => Promise<void>;
}
const hooks = (): Hooks =>
  (TEST_HOOKS && (globalThis as { __complaintDeskHooks?: Hooks }).__complaintDeskHooks) || {};

function reasonOf(err: unknown): string {
  const name = (err as { name?: string; inner?: { name?: string } })?.name;
  const inner = (err as { inner?: { name?: string } })?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
    return 'ext.error.storageFull';
  if (err instanceof MessageError) return err.reason;
  return 'ext.error.writeFailed';
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return blob.arrayBuffer().then((buf) => {
    let bin = '';
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < bytes.length; i += 0x8000)
      bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return `data:${blob.type};base64,${btoa(bin)}`;
  });
}

async function dataUrlToBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}

/**
 * Trigger → journal → extract → journal → sanitize → one transaction → acknowledge.
 * The acknowledgement is sent only after the commit; anything before it is in the journal.
 */
export function createCaptureService(deps: CaptureDeps) {
  // Captures this worker is processing right now: resume() leaves them to their own flow.
  const inFlight = new Set<string>();

  async function commit(entry: JournalEntry): Promise<CaptureAck> {
    const at = new Date(entry.at);
    const clip = await deps.pipeline.sanitize(entry.clip, at);
    const { draft, needsReview, review } = deps.pipeline.toDraft(clip, {
      at,
      actor: entry.actor,
      request: entry.request,
    });
    const attachments: AttachmentRow[] = [];
    if (entry.screenshot) {
      const blob = await dataUrlToBlob(entry.screenshot);
      const id = `${entry.id}-screenshot`;
      attachments.push({
        id,
        complaintId: entry.complaintId,
        name: 'screenshot.jpg',
        type: blob.type || 'image/jpeg',
        size: blob.size,
        blob,
        createdAt: entry.at,
        // Not sent anywhere before the agent has reviewed (and maybe blacked out) it.
        held: true,
      });
      draft.attachments = [
        ...(draft.attachments ?? []),
        { id, name: 'screenshot.jpg', type: blob.type || 'image/jpeg', size: blob.size },
      ];
    }
    await hooks().beforeCommit?.(entry);
    const result = await appendEvents(
      deps.db(),
      entry.complaintId,
      [
        {
          id: entry.id,
          complaintId: entry.complaintId,
          type: 'captured',
          at: entry.at,
          actor: entry.actor,
          payload: { draft },
        },
      ],
      {
        now: deps.now(),
        draft: {
          complaintId: entry.complaintId,
          draft,
          updatedAt: entry.at,
          needsReview,
          ...(review?.length ? { reviewFields: review } : {}),
        },
        attachments,
      },
    );
    if (result.rejected.length)
      throw new MessageError(result.rejected[0]?.reason ?? 'ext.error.writeFailed');
    await hooks().afterCommit?.(entry);
    await deps.journal.remove(entry.id);
    return {
      complaintId: entry.complaintId,
      eventId: entry.id,
      needsReview,
      duplicate: !result.appended,
      effects: result.effects.map((e) => e.type),
    };
  }

  async function commitOrKeep(entry: JournalEntry): Promise<CaptureAck> {
    try {
      return await commit(entry);
    } catch (err) {
      const reason = reasonOf(err);
      const kept = { ...entry, attempts: entry.attempts + 1, error: reason };
      await deps.journal.keepFailed(kept);
      await deps.reportFailure(reason, kept);
      throw new MessageError(reason);
    }
  }

  async function capture(request: CaptureRequest, tab: TabInfo): Promise<CaptureAck> {
    const entry: JournalEntry = {
      id: deps.newId(),
      complaintId: deps.newId(),
      at: deps.now().toISOString(),
      actor: await deps.actor(),
      request,
      tab,
      stage: 'triggered',
      attempts: 0,
    };
    inFlight.add(entry.id);
    try {
      return await run(entry);
    } finally {
      inFlight.delete(entry.id);
    }
  }

  async function run(entry: JournalEntry): Promise<CaptureAck> {
    const { request, tab } = entry;
    await deps.journal.put(entry);
    let clip: unknown;
    let shot: Blob | undefined;
    try {
      [clip, shot] = await Promise.all([
        deps.pipeline.extract(tab, request),
        deps.screenshot(tab, request).catch(() => undefined),
      ]);
    } catch (err) {
      // Nothing was clipped: the page refused the script (e.g. a browser page). Say so.
      await deps.journal.remove(entry.id);
      throw new MessageError(err instanceof MessageError ? err.reason : 'ext.error.cannotCapture');
    }
    const extracted: JournalEntry = { ...entry, stage: 'extracted', clip };
    if (shot) extracted.screenshot = await blobToDataUrl(shot);
    await deps.journal.put(extracted);
    const ack = await commitOrKeep(extracted);
    await deps.afterCommit(ack);
    return ack;
  }

  /** Finishes what a stopped worker or a failed write left behind; safe to run repeatedly. */
  async function resume(): Promise<{ committed: CaptureAck[]; failed: number; dropped: number }> {
    const committed: CaptureAck[] = [];
    let failed = 0;
    let dropped = 0;
    for (const entry of await deps.journal.list()) {
      if (inFlight.has(entry.id)) continue;
      if (entry.stage === 'triggered') {
        try {
          const clip = await deps.pipeline.extract(entry.tab, entry.request);
          const extracted: JournalEntry = { ...entry, stage: 'extracted', clip };
          await deps.journal.put(extracted);
          committed.push(await commitOrKeep(extracted));
        } catch {
          // The tab is gone or changed: nothing was clipped, so the trigger is told, not kept.
          await deps.journal.remove(entry.id);
          await deps.reportFailure('ext.error.captureInterrupted', entry);
          dropped++;
        }
        continue;
      }
      try {
        const ack = await commitOrKeep(entry);
        committed.push(ack);
        await deps.afterCommit(ack);
      } catch {
        failed++;
      }
    }
    return { committed, failed, dropped };
  }

  async function status(): Promise<QueueStatus> {
    const entries = await deps.journal.list();
    const failedEntries = entries.filter((e) => e.error);
    const last = failedEntries.at(-1);
    return {
      failed: failedEntries.length,
      inFlight: entries.length - failedEntries.length,
      ...(last?.error ? { lastError: last.error } : {}),
    };
  }

  return { capture, resume, status };
}

export type CaptureService = ReturnType<typeof createCaptureService>;
