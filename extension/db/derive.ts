import type { ComplaintState } from '@shared/schema/complaint';
import type { ComplaintEvent } from '@shared/schema/event';
import { computeDeadlines } from '@shared/sla/compute-deadlines';
import { type FoldEffect, fold } from '@shared/workflow/fold';
import { activePolicy } from '../policy/active-policy';
import { withReviewColumns } from './queue-projection';
import type { ComplaintRow, StoredEvent } from './types';

const TITLE_MAX = 120;

function titleOf(state: ComplaintState): string {
  const r = state.record;
  // A web page's subject is only its title (the same for every clip of that page): the
  // selected text says more.
  const first =
    state.channel === 'web_page' ? [r.description, r.subject] : [r.subject, r.description];
  const text =
    [...first, r.source?.email?.subject, r.source?.title, r.source?.selectionText].find((x) =>
      x?.trim(),
    ) ?? '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line;
}

/**
 * The indexed snapshot of one complaint, folded from its log by the shared workflow. Events the
 * workflow refuses are reported (by id and reason key) and left out.
 */
export function deriveRow(
  complaintId: string,
  events: readonly Pick<StoredEvent, 'id' | 'complaintId' | 'type' | 'at' | 'actor' | 'payload'>[],
  now: Date,
): {
  row: ComplaintRow;
  rejected: { id: string; reason: string; params?: Record<string, unknown> }[];
  /** What the workflow asks the shell to do, per event (run once per event id). */
  effects: FoldEffect[];
  state: ComplaintState | undefined;
} {
  // The organisation's rules (the server's policy once loaded): the snapshot's severity,
  // escalation tiers and approval needs must be the server's, not the built-in defaults'.
  const policy = activePolicy();
  const result = fold(events as unknown as ComplaintEvent[], { policy });
  const rejected = result.rejected.map((r) =>
    r.params
      ? { id: r.event.id, reason: r.reason, params: r.params as Record<string, unknown> }
      : { id: r.event.id, reason: r.reason },
  );
  const state = result.state;
  if (!state) {
    // Nothing accepted: keep a visible placeholder rather than losing track of the log.
    return {
      rejected,
      effects: result.effects,
      state,
      row: {
        id: complaintId,
        status: 'draft',
        severity: 'L1',
        updatedAt: now.toISOString(),
        createdAt: now.toISOString(),
        title: '',
        state: null,
      },
    };
  }
  const due = computeDeadlines(state, now, policy, policy.calendar);
  const row: ComplaintRow = {
    id: complaintId,
    status: state.status,
    severity: state.severity.level,
    updatedAt: state.updatedAt,
    createdAt: events[0]?.at ?? state.updatedAt,
    title: titleOf(state),
    channel: state.channel,
    state,
  };
  if (due.nextDueAt) row.nextDueAt = due.nextDueAt.toISOString();
  if (state.caseNumber) row.caseNumber = state.caseNumber;
  if (state.caseNumberIssuer) row.caseNumberIssuer = state.caseNumberIssuer;
  // The review queue's columns (schema v3): its own projection of the state, one place.
  return { row: withReviewColumns(row, now, policy), rejected, effects: result.effects, state };
}
