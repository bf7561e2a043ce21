import type { Channel } from '@shared/schema/codes';
import type { Draft } from '@shared/schema/registration';
import type { ComplaintDb } from '../db/database';
import { appendEvents } from '../db/log';
import type { Actor } from '../db/types';

/** Saves the working copy (every change, debounced by the caller); no event per keystroke. */
export async function saveDraft(
  db: ComplaintDb,
  complaintId: string,
  draft: Draft,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const prev = await db.drafts.get(complaintId);
    await db.drafts.put({
      ...prev,
      complaintId,
      draft,
      updatedAt: now.toISOString(),
      needsReview: false,
    });
  });
}

/**
 * A complaint entered by hand (phone, walk-in, letter, fax…): a `captured` event with no clip,
 * written on the agent's first change so an untouched form leaves nothing behind.
 */
export async function createManualComplaint(
  db: ComplaintDb,
  input: {
    complaintId: string;
    eventId: string;
    actor: Actor;
    now: Date;
    channel: Channel;
    draft: Draft;
  },
): Promise<void> {
  const at = input.now.toISOString();
  const draft: Draft = {
    ...input.draft,
    channel: input.channel,
    receivedAt: input.draft.receivedAt ?? at,
  };
  await appendEvents(
    db,
    input.complaintId,
    [
      {
        id: input.eventId,
        complaintId: input.complaintId,
        type: 'captured',
        at,
        actor: input.actor,
        payload: { draft },
      },
    ],
    { now: input.now, draft: { complaintId: input.complaintId, draft, updatedAt: at } },
  );
}
