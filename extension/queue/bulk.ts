import { tKey } from '@shared/i18n/index';
import type { Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { Actor, ComplaintEvent } from '@shared/schema/event';
import type { FieldError } from '@shared/schema/issues';
import type { WorkflowContext } from '@shared/workflow/types';
import type { FormValues } from '../case/actions';
import { buildAction } from '../case/build-action';
import { textRulesReady } from '../policy/active-policy';

/** What the shell answers when asked to persist an event. */
export type ActResult =
  | { ok: true }
  | { ok: false; reason: string; params?: Record<string, unknown> };
/** Persists one event (the shell appends it to the log and re-derives the snapshot). */
export type OnAct = (event: ComplaintEvent) => Promise<ActResult>;

export const BULK_ACTIONS = { assign: 'assigned', escalate: 'escalated' } as const;
export type BulkKind = keyof typeof BULK_ACTIONS;

export interface BulkOutcome {
  done: string[];
  refused: {
    id: string;
    caseNumber?: string;
    caseNumberIssuer?: ComplaintState['caseNumberIssuer'];
    message: string;
  }[];
  /** The form's values break the event schema: the same for every complaint, so none is tried. */
  invalid?: FieldError[];
}

/**
 * Applies one action to each complaint, one event each, every one checked by the shared
 * workflow first; refusals are collected with their translated reason, never thrown.
 */
export async function runBulk(
  kind: BulkKind,
  states: readonly ComplaintState[],
  values: FormValues,
  env: {
    actor: Actor;
    now: Date;
    newId: () => string;
    locale: Locale;
    ctx?: WorkflowContext;
    onAct: OnAct;
  },
): Promise<BulkOutcome> {
  const out: BulkOutcome = { done: [], refused: [] };
  await textRulesReady(); // each action is checked by the workflow, which assesses severity
  for (const state of states) {
    const built = buildAction(BULK_ACTIONS[kind], values, {
      state,
      actor: env.actor,
      at: env.now,
      id: env.newId(),
      locale: env.locale,
      ...(env.ctx ? { ctx: env.ctx } : {}),
    });
    const base: Omit<BulkOutcome['refused'][number], 'message'> = { id: state.id };
    if (state.caseNumber) base.caseNumber = state.caseNumber;
    if (state.caseNumberIssuer) base.caseNumberIssuer = state.caseNumberIssuer;
    if (!built.ok) {
      // A missing reason is said once, at its field, not once per selected complaint.
      if ('errors' in built) return { done: out.done, refused: out.refused, invalid: built.errors };
      out.refused.push({
        ...base,
        message: tKey(env.locale, built.refusal.reason, built.refusal.params),
      });
      continue;
    }
    const result = await env.onAct(built.event);
    if (result.ok) out.done.push(state.id);
    else out.refused.push({ ...base, message: tKey(env.locale, result.reason, result.params) });
  }
  return out;
}
