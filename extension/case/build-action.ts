/**
 * The event a filled form produces — validated by the shared schema and pre-checked by the
 * shared `transition` before it is sent. Apart from actions.ts (the forms and offers) because it
 * loads the whole workflow, its severity reader and zod: the case page fetches it on the first
 * action, after awaiting the default text rules (`textRulesReady`).
 */
import { tKey } from '@shared/i18n/index';
import type { EventType, Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import { type Actor, type ComplaintEvent, EventSchema } from '@shared/schema/event';
import { type FieldError, toFieldErrors } from '@shared/schema/issues';
import { transition } from '@shared/workflow/transition';
import type { ReasonParams, WorkflowContext } from '@shared/workflow/types';
import { activePolicy } from '../policy/active-policy';
import { type CaseAction, type FormValues, payloadFor } from './actions';

/** The result of building an action's event. */
export type BuiltAction =
  | { ok: true; event: ComplaintEvent }
  /** Field problems (schema), by field name. */
  | { ok: false; errors: FieldError[] }
  /** The workflow refused it (recusal, callback too early…): a message key and parameters. */
  | { ok: false; refusal: { reason: string; params?: ReasonParams } };

/** What building an event needs besides its type and payload. */
export interface ActionEnv {
  state: ComplaintState;
  actor: Actor;
  at: Date;
  id: string;
  locale: Locale;
  ctx?: WorkflowContext;
}

/**
 * The event a form produces, validated by `EventSchema` and checked by the shared `transition`
 * against the current state; refusals come back as message keys, nothing is thrown.
 */
export function buildAction(type: CaseAction, values: FormValues, env: ActionEnv): BuiltAction {
  const ctx = env.ctx ?? {};
  const timeZone = (ctx.calendar ?? ctx.policy?.calendar ?? activePolicy().calendar).timeZone;
  return buildEvent(type, payloadFor(type, values, timeZone), env);
}

/** As `buildAction`, from a payload. */
export function buildEvent(
  type: EventType,
  payload: Record<string, unknown>,
  env: ActionEnv,
): BuiltAction {
  const parsed = EventSchema.safeParse({
    id: env.id,
    complaintId: env.state.id,
    type,
    at: env.at.toISOString(),
    actor: env.actor,
    payload,
  });
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error.issues, env.locale, (l, k, p) => tKey(l, k, p)).map(
      (e) => ({
        ...e,
        path: e.path.replace(/^payload\./, ''),
      }),
    );
    return { ok: false, errors };
  }
  const result = transition(env.state, parsed.data, env.ctx ?? {});
  if (!result.ok)
    return {
      ok: false,
      refusal: result.params
        ? { reason: result.reason, params: result.params }
        : { reason: result.reason },
    };
  return { ok: true, event: parsed.data };
}
