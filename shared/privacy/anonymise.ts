import type { ComplaintState } from '../schema/complaint';
import type { ComplaintEvent, PayloadOf } from '../schema/event';
import type { Draft, Registration } from '../schema/registration';

/** What an erased text reads; long enough for every required text field. */
export const ERASED_TEXT = '[personal data erased]';

/**
 * A registration record or draft without personal data (PIPL): the complainant's name and
 * contacts, the customer's own words (subject, description, demand), the person complained
 * about, profile fields (plates, numbers, locations), the clip source and attachments. Kept:
 * channel, times, category, amount, headcount, the anonymous flag (figures depend on it).
 */
export function anonymiseRecord<R extends Draft | Registration>(record: R): R {
  const {
    complainant,
    subject,
    description,
    demand,
    complainedAbout,
    profileFields: _profileFields,
    source: _source,
    attachments: _attachments,
    nextFeedbackAt: _next,
    ...kept
  } = record as Registration;
  const out: Record<string, unknown> = { ...kept, erased: true };
  if (complainant) out.complainant = { anonymous: complainant.anonymous ?? false };
  if (subject !== undefined) out.subject = ERASED_TEXT;
  if (description !== undefined) out.description = ERASED_TEXT;
  if (demand !== undefined) out.demand = ERASED_TEXT;
  if (complainedAbout?.unit !== undefined) out.complainedAbout = { unit: complainedAbout.unit };
  if (record.nextFeedbackAt !== undefined) out.nextFeedbackAt = record.nextFeedbackAt;
  return out as R;
}

const erasedIfSet = (text: string | undefined) => (text === undefined ? undefined : ERASED_TEXT);

/**
 * An event of the log with the customer's personal data erased (`anonymiseRecord` for records;
 * notes, reply and callback texts). Everything the workflow decides on is kept, so the
 * anonymised log folds to the anonymised case.
 */
export function anonymiseEvent(event: ComplaintEvent): ComplaintEvent {
  const p = event.payload as Record<string, unknown>;
  switch (event.type) {
    case 'captured':
    case 'draftUpdated':
      return { ...event, payload: { draft: anonymiseRecord(event.payload.draft) } };
    case 'registered':
      return {
        ...event,
        payload: { ...event.payload, record: anonymiseRecord(event.payload.record) },
      };
    case 'noteAdded':
      return { ...event, payload: { ...(p as PayloadOf<'noteAdded'>), text: ERASED_TEXT } };
    case 'replied':
      return { ...event, payload: { ...(p as PayloadOf<'replied'>), message: ERASED_TEXT } };
    case 'contacted':
    case 'callbackRecorded':
      return {
        ...event,
        payload: { ...p, note: erasedIfSet(p.note as string | undefined) },
      } as ComplaintEvent;
    default:
      return event;
  }
}

/**
 * Whether a finished case's personal data are due for erasure at `now`: it ended (closed,
 * invalid, withdrawn, transferred) more than `retentionDays` days ago and is not erased yet.
 */
export function isDueForErasure(
  state: Pick<ComplaintState, 'status' | 'updatedAt' | 'erasedAt'>,
  now: Date,
  retentionDays: number | null,
): boolean {
  if (retentionDays === null || state.erasedAt !== undefined) return false;
  if (!['closed', 'invalid', 'withdrawn', 'transferred'].includes(state.status)) return false;
  return now.getTime() - Date.parse(state.updatedAt) > retentionDays * 86_400_000;
}
