import type { Channel } from '@shared/schema/codes';
import type { Draft } from '@shared/schema/registration';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ComplaintDb } from '../db/database';
import type { Actor } from '../db/types';

// Writing a draft is an append (the whole workflow folds it): fetched with the first change.
const drafts = () => import('./drafts');

export const SAVE_DEBOUNCE_MS = 300;

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * The draft being edited: loaded from the drafts table (else the snapshot's record), saved on
 * every change after a short debounce, and flushed when the page hides or the complaint changes.
 * A manual complaint is created on its first change.
 */
export function useDraft(
  db: ComplaintDb,
  target: { complaintId: string; manual: boolean; channel?: Channel },
  actor: Actor | undefined,
) {
  const [draft, setDraftState] = useState<Draft>();
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [needsReview, setNeedsReview] = useState(false);
  const [reviewFields, setReviewFields] = useState<readonly string[]>([]);
  const pending = useRef<{ draft: Draft; timer: ReturnType<typeof setTimeout> } | undefined>(
    undefined,
  );
  const created = useRef(!target.manual);
  const ready = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    created.current = !target.manual;
    if (target.manual) {
      setDraftState({ channel: target.channel ?? 'phone' });
      setNeedsReview(false);
    } else {
      void (async () => {
        const row = await db.drafts.get(target.complaintId);
        const snap = row ? undefined : await db.complaints.get(target.complaintId);
        if (!live) return;
        setDraftState(row?.draft ?? (snap?.state?.record as Draft | undefined) ?? {});
        setNeedsReview(row?.needsReview === true);
        setReviewFields(row?.reviewFields ?? []);
      })();
    }
    return () => {
      live = false;
      void flush();
    };
  }, [target.complaintId]);

  const write = useCallback(
    async (next: Draft) => {
      if (!actor) return;
      const now = new Date();
      try {
        if (!created.current) {
          created.current = true;
          ready.current = drafts()
            .then(({ createManualComplaint }) =>
              createManualComplaint(db, {
                complaintId: target.complaintId,
                eventId: crypto.randomUUID(),
                actor,
                now,
                channel: next.channel ?? 'phone',
                draft: next,
              }),
            )
            .catch((err: unknown) => {
              created.current = false; // try creating it again with the next change
              ready.current = Promise.resolve();
              throw err;
            });
          await ready.current;
        } else {
          await ready.current;
          await (await drafts()).saveDraft(db, target.complaintId, next, now);
        }
        setSaveState('saved');
      } catch {
        // Quota or I/O: the draft stays in memory and on screen; the next change writes it again.
        setSaveState('error');
      }
    },
    [db, actor, target.complaintId],
  );

  async function flush() {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = undefined;
    await write(p.draft);
  }

  useEffect(() => {
    const onHide = () => void flush();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  });

  function setDraft(next: Draft) {
    setDraftState(next);
    setNeedsReview(false);
    setSaveState('saving');
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { draft: next, timer: setTimeout(() => void flush(), SAVE_DEBOUNCE_MS) };
  }

  return {
    draft,
    setDraft,
    saveState,
    needsReview,
    reviewFields,
    flush,
    isCreated: () => created.current,
  };
}
