import { issueKey } from '@shared/schema/issues';
import { caseNumberPeriod, formatCaseNumber } from '@shared/numbering';
import { activePolicy } from '../policy/active-policy';
import type { Policy } from '@shared/policy/policy';
import { type Draft, RegistrationSchema } from '@shared/schema/registration';
import type { FoldEffect } from '@shared/workflow/fold';
import type { ComplaintDb } from '../db/database';
import { type NewEvent, appendEvents } from '../db/log';
import type { Actor } from '../db/types';

export type RegisterResult =
  | { ok: true; caseNumber: string; effects: FoldEffect[] }
  | { ok: false; errors: { path: string; key: string; params: Record<string, string | number> }[] }
  | { ok: false; reason: string };

/** Serial counters are per device and per numbering period until the team server numbers cases. */
export const serialKey = (period: string) => `caseSerial:${period}`;

/**
 * Registers a draft: validates the record (shared schema), appends a `registered` event that the
 * shared workflow accepts, with a local case number `YYMM-NNNN` from this device's counter —
 * counter, event, snapshot and draft removal in one transaction.
 */
export async function registerComplaint(
  db: ComplaintDb,
  input: {
    complaintId: string;
    draft: Draft;
    actor: Actor;
    now: Date;
    eventId: string;
    policy?: Policy;
  },
): Promise<RegisterResult> {
  const policy = input.policy ?? activePolicy();
  const candidate = {
    ...input.draft,
    receivedAt: input.draft.receivedAt ?? input.now.toISOString(),
    // A clip nobody has named yet has no complainant at all: checked as an empty, not anonymous,
    // one, so the errors land on the name and contact fields ("give a name", "give a phone, email
    // or address") instead of one "required" on the whole group, which no field shows.
    complainant: input.draft.complainant ?? (input.draft.erased ? undefined : { anonymous: false }),
  };
  const parsed = RegistrationSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        ...issueKey(i),
      })),
    };
  }
  const period = caseNumberPeriod(input.now, policy.calendar.timeZone, policy.caseNumberFormat);
  let caseNumber = '';
  const result = await appendEvents(db, input.complaintId, [], {
    now: input.now,
    draft: null,
    prepare: async () => {
      const row = await db.meta.get(serialKey(period));
      const serial = (typeof row?.value === 'number' ? row.value : 0) + 1;
      caseNumber = formatCaseNumber(
        input.now,
        serial,
        policy.calendar.timeZone,
        policy.caseNumberFormat,
      );
      const event: NewEvent = {
        id: input.eventId,
        complaintId: input.complaintId,
        type: 'registered',
        at: input.now.toISOString(),
        actor: input.actor,
        payload: { record: parsed.data, caseNumber, caseNumberIssuer: 'local' },
      };
      return { events: [event], meta: [{ key: serialKey(period), value: serial }] };
    },
  });
  if (!result.appended)
    return { ok: false, reason: result.rejected[0]?.reason ?? 'ext.error.unknown' };
  return { ok: true, caseNumber, effects: result.effects };
}
