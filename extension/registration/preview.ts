import { defaultPolicy } from '@shared/policy/default-policy';
import type { Policy } from '@shared/policy/policy';
import type { ClockId } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { ComplaintEvent } from '@shared/schema/event';
import type { Draft } from '@shared/schema/registration';
import type { SeverityAssessment } from '@shared/severity';
import { deadlineFor } from '@shared/sla/deadline-for';
import { fold } from '@shared/workflow/fold';
import type { Actor, StoredEvent } from '../db/types';

/** Clocks that start when a complaint is registered (plus `forward`, running since receipt). */
export const PREVIEW_CLOCKS: readonly ClockId[] = ['forward', 'reply', 'progress', 'close'];

export interface Preview {
  severity: SeverityAssessment;
  deadlines: { clock: ClockId; dueAt: Date; calendarUnknown: boolean }[];
  alertOnCall: boolean;
}

/**
 * What registering the draft now would mean: the workflow's own severity assessment (folding the
 * log plus this draft as a `draftUpdated`) and the deadlines the shared SLA gives that level.
 */
export function previewDraft(
  log: readonly StoredEvent[],
  draft: Draft,
  actor: Actor,
  now: Date,
  policy: Policy = defaultPolicy,
): Preview | undefined {
  const at = now.toISOString();
  const complaintId = log[0]?.complaintId ?? '00000000-0000-4000-8000-000000000000';
  const probe = {
    id: '00000000-0000-4000-8000-000000000001',
    complaintId,
    type: log.length ? 'draftUpdated' : 'captured',
    at,
    actor,
    payload: { draft },
  };
  const { state } = fold([...log, probe] as unknown as ComplaintEvent[], { policy });
  if (!state) return undefined;
  return previewOf(state, now, policy);
}

function previewOf(state: ComplaintState, now: Date, policy: Policy): Preview {
  const severity = state.severity.assessed;
  let alertOnCall = false;
  const deadlines = PREVIEW_CLOCKS.map((clock) => {
    const started = clock === 'forward' ? new Date(state.receivedAt) : now;
    const d = deadlineFor(
      clock,
      { at: started, severity: state.severity.level, channel: state.channel, urgent: state.urgent },
      policy,
    );
    if (d.effects?.some((e) => e.type === 'alertOnCall')) alertOnCall = true;
    return { clock, dueAt: d.dueAt, calendarUnknown: d.calendarUnknown };
  });
  return { severity, deadlines, alertOnCall };
}
