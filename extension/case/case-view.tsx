/**
 * Everything about one complaint (side panel or extension page): registration fields, the
 * source clip (sanitized at capture, shown only in a sandboxed iframe), attachments, deadlines
 * with their state, severity with its reasons, the timeline, and the actions the shared
 * workflow offers this user — the others disabled with the workflow's reason.
 */
import { activePolicy } from '../policy/active-policy';
import type { Policy } from '@shared/policy/policy';
import { viewsOfRow } from '@shared/review/index';
import { toQueueRow } from '@shared/review/queue-row';
import type { Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { Actor, ComplaintEvent } from '@shared/schema/event';
import { type BusinessCalendar, computeDeadlines } from '@shared/sla/index';
import type { WorkflowContext } from '@shared/workflow/types';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type CaseAction, offeredActions } from './actions';
import type { TeamDirectory } from '../team/directory';
import { ActionForm } from './action-form';
import type { OnAct } from '../queue/bulk';
import { caseLabel, formatInstant, translatorFor } from '../ui/format';
import {
  AttachmentsSection,
  CaseHeader,
  type CaseAttachment,
  type CaseContext,
  DeadlinesSection,
  OutcomeSection,
  RecordSection,
  SeveritySection,
  SourceSection,
  TimelineSection,
} from './case-parts';

export type { CaseAttachment } from './case-parts';

export interface CaseViewProps {
  state: ComplaintState;
  events: readonly ComplaintEvent[];
  attachments?: readonly CaseAttachment[];
  actor: Actor;
  locale: Locale;
  onAct: OnAct;
  onBack?: () => void;
  /** Drafts are registered in the registration form (the shell opens it). */
  onRegister?: (id: string) => void;
  clock?: () => Date;
  policy?: Policy;
  calendar?: BusinessCalendar;
  newId?: () => string;
  tickMs?: number;
  /** The team to assign to (the shell's stored or fresh list); none: typed in. */
  team?: TeamDirectory | undefined;
}

export function CaseView(props: CaseViewProps) {
  const { state, actor, locale } = props;
  const t = useMemo(() => translatorFor(locale), [locale]);
  const clock = props.clock ?? (() => new Date());
  const policy = props.policy ?? activePolicy();
  const calendar = props.calendar ?? policy.calendar;
  const now = useCaseClock(clock, state.version, props.tickMs);

  const deadlines = computeDeadlines(state, now, policy, calendar);
  const views = viewsOfRow(toQueueRow(state, deadlines), now, policy);
  const zone = calendar.timeZone;
  const c: CaseContext = {
    state,
    t,
    locale,
    policy,
    when: (at) => formatInstant(at, locale, zone),
  };

  return (
    <article class="rv-case" aria-labelledby="rv-case-title">
      <CaseHeader
        c={c}
        label={caseLabel(state.caseNumber, t, state.caseNumberIssuer)}
        views={views}
        onBack={props.onBack}
      />
      {/* Two panes: what was said and done | what to do next, deadlines and the facts. */}
      <div class="rv-panes">
        <div class="rv-pane rv-pane-story">
          <SourceSection c={c} />
          <TimelineSection c={c} events={props.events} />
          <AttachmentsSection c={c} attachments={props.attachments} />
        </div>
        <div class="rv-pane rv-pane-work">
          <ActionsSection
            c={c}
            actor={actor}
            ctx={{ policy, calendar }}
            clock={clock}
            newId={props.newId ?? (() => crypto.randomUUID())}
            onAct={props.onAct}
            onRegister={props.onRegister}
            team={props.team}
          />
          <DeadlinesSection c={c} deadlines={deadlines} now={now} />
          <RecordSection c={c} />
          <SeveritySection c={c} />
          <OutcomeSection c={c} />
        </div>
      </div>
    </article>
  );
}

/** The current time: ticking (countdowns), and refreshed when the case changes (an action). */
function useCaseClock(clock: () => Date, version: number, tickMs = 30_000): Date {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  useEffect(() => setNow(clock()), [version]);
  return now;
}

/**
 * What this user may do now (the shared workflow's offers), one form open at a time, and the
 * actions that fit the status but not the user or the facts — disabled, with the reason.
 */
function ActionsSection(props: {
  c: CaseContext;
  actor: Actor;
  ctx: WorkflowContext;
  clock: () => Date;
  newId: () => string;
  onAct: OnAct;
  onRegister?: ((id: string) => void) | undefined;
  team?: TeamDirectory | undefined;
}) {
  const {
    c: { state, t },
    actor,
    ctx,
    clock,
  } = props;
  const [open, setOpen] = useState<CaseAction>();
  const [message, setMessage] = useState<string>();
  const offers = offeredActions(state, actor, ctx);
  const allowed = offers.filter((o) => o.allowed);
  const refused = offers.filter((o) => !o.allowed);
  return (
    <section aria-labelledby="rv-actions" class="rv-no-print">
      <h2 id="rv-actions">{t('review.case.actions')}</h2>
      <p role="status" aria-live="polite">
        {message ?? ''}
      </p>
      <div class="rv-actions">
        {allowed.map((o) =>
          o.type === 'registered' ? (
            props.onRegister && (
              <button key={o.type} type="button" onClick={() => props.onRegister?.(state.id)}>
                {t('review.form.register')}
              </button>
            )
          ) : (
            <button
              key={o.type}
              type="button"
              data-action={o.type}
              aria-expanded={open === o.type}
              aria-controls={open === o.type ? `rv-act-${o.type}` : undefined}
              class={open === o.type ? 'cd-primary' : undefined}
              onClick={() => {
                setMessage(undefined);
                setOpen(open === o.type ? undefined : (o.type as CaseAction));
              }}
            >
              {t.key(`event.${o.type}`)}
            </button>
          ),
        )}
      </div>
      {open && (
        <ActionForm
          key={`${open}-${state.version}`}
          type={open}
          state={state}
          actor={actor}
          t={t}
          clock={clock}
          newId={props.newId}
          ctx={ctx}
          onAct={props.onAct}
          team={props.team}
          onDone={(m) => {
            setOpen(undefined);
            setMessage(m);
          }}
          onCancel={() => setOpen(undefined)}
        />
      )}
      {refused.length > 0 && (
        <>
          <h3>{t('review.case.unavailable')}</h3>
          <ul class="rv-disabled-list">
            {refused.map((o) => (
              <li key={o.type}>
                <button type="button" disabled aria-describedby={`rv-why-${o.type}`}>
                  {t.key(`event.${o.type}`)}
                </button>{' '}
                <span id={`rv-why-${o.type}`}>{o.allowed ? '' : t.key(o.reason, o.params)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
