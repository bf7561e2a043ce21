/**
 * Everything about one complaint (side panel or extension page): registration fields, the
 * source clip (sanitized at capture, shown only in a sandboxed iframe), attachments, deadlines
 * with their state, severity with its reasons, the timeline, and the actions the shared
 * workflow offers this user — the others disabled with the workflow's reason.
 */
import { defaultPolicy } from '@shared/policy/default-policy';
import type { Policy } from '@shared/policy/policy';
import { viewsOfRow } from '@shared/review/index';
import { toQueueRow } from '@shared/review/queue-row';
import type { Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { Actor, ComplaintEvent } from '@shared/schema/event';
import { type BusinessCalendar, computeDeadlines, formatDue } from '@shared/sla/index';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type CaseAction, offeredActions } from './actions';
import { ActionForm } from './action-form';
import type { OnAct } from '../queue/bulk';
import { type Tr, caseLabel, formatInstant, translatorFor } from '../ui/format';

export interface CaseAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
  /** An object URL the shell made for the stored blob, if it can be opened. */
  url?: string;
}

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
}

export function CaseView(props: CaseViewProps) {
  const { state, actor } = props;
  const t = useMemo(() => translatorFor(props.locale), [props.locale]);
  const clock = props.clock ?? (() => new Date());
  const policy = props.policy ?? defaultPolicy;
  const calendar = props.calendar ?? policy.calendar;
  const ctx = { policy, calendar };
  const [now, setNow] = useState(clock);
  const [open, setOpen] = useState<CaseAction>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), props.tickMs ?? 30_000);
    return () => clearInterval(timer);
  }, [props.tickMs]);
  // A new state (the shell persisted an event) closes nothing by itself but refreshes the time.
  useEffect(() => setNow(clock()), [state.version]);

  const deadlines = computeDeadlines(state, now, policy, calendar);
  const offers = offeredActions(state, actor, ctx);
  const allowed = offers.filter((o) => o.allowed);
  const refused = offers.filter((o) => !o.allowed);
  const views = viewsOfRow(toQueueRow(state, deadlines), now, policy);
  const zone = calendar.timeZone;
  const when = (at: string | Date | undefined) => formatInstant(at, props.locale, zone);
  const label = caseLabel(state.caseNumber, t);
  const r = state.record;
  const c = r.complainant;

  return (
    <article class="rv-case" aria-labelledby="rv-case-title">
      <header>
        {props.onBack && (
          <button type="button" class="rv-no-print" onClick={props.onBack}>
            {t('review.case.back')}
          </button>
        )}
        <h1 id="rv-case-title">
          {t('review.case.title', { caseLabel: label })}{' '}
          <span class={`rv-sev rv-sev-${state.severity.level}`}>
            {t.code('severity', state.severity.level)}
          </span>
        </h1>
        <p>
          {t('review.case.status')}: <strong>{t.code('status', state.status)}</strong> ·{' '}
          {t('review.case.round')} {state.round} · {t('review.case.tier')}:{' '}
          {t.code('role', policy.escalationTiers[state.tier] ?? 'agent')}
        </p>
        {views.length > 0 && (
          <p>
            {t('review.case.views')}: {views.map((v) => t.key(`review.view.${v}`)).join(' · ')}
          </p>
        )}
      </header>

      <section aria-labelledby="rv-deadlines">
        <h2 id="rv-deadlines">{t('review.case.deadlines')}</h2>
        {deadlines.clocks.length === 0 ? (
          <p>{t('review.case.noDeadlines')}</p>
        ) : (
          <table class="rv-table">
            <thead>
              <tr>
                <th scope="col">{t('review.case.clock')}</th>
                <th scope="col">{t('review.case.due')}</th>
                <th scope="col">{t('review.case.state')}</th>
              </tr>
            </thead>
            <tbody>
              {deadlines.clocks.map((d) => (
                <tr key={d.clock}>
                  <th scope="row">{t.code('clock', d.clock)}</th>
                  <td>
                    {when(d.dueAt)}
                    {d.calendarUnknown && <span title={t('sla.calendarUnknown')}> *</span>}
                  </td>
                  <td class={`rv-sla rv-sla-${d.state}`}>
                    {t.key(`sla.state.${d.state}`)}
                    {!d.stoppedAt && ` · ${formatDue(d.dueAt, now, props.locale)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {deadlines.clocks.some((d) => d.calendarUnknown) && (
          <p class="rv-hint">* {t('sla.calendarUnknown')}</p>
        )}
      </section>

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
            newId={props.newId ?? (() => crypto.randomUUID())}
            ctx={ctx}
            onAct={props.onAct}
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

      <section aria-labelledby="rv-record">
        <h2 id="rv-record">{t('review.case.record')}</h2>
        <dl class="rv-fields">
          <Row term={t('review.case.channel')} value={t.code('channel', state.channel)} />
          <Row term={t('review.case.receivedAt')} value={when(state.receivedAt)} />
          <Row term={t('review.case.registeredAt')} value={when(state.registeredAt)} />
          <Row
            term={t('review.case.firstResponder')}
            value={t('review.case.by', {
              name: state.firstResponder.name,
              role: t.code('role', state.firstResponder.role),
            })}
          />
          <Row
            term={t('review.case.complainant')}
            value={c?.anonymous ? t('review.queue.anonymous') : c?.name}
          />
          <Row term={t('review.case.phone')} value={c?.phone} />
          <Row term={t('review.case.email')} value={c?.email} />
          <Row term={t('review.case.address')} value={c?.address} />
          <Row term={t('review.case.subject')} value={r.subject} />
          <Row term={t('review.case.description')} value={r.description} />
          <Row term={t('review.case.demand')} value={r.demand} />
          <Row
            term={t('review.case.category')}
            value={state.category && t.code('category', state.category, policy)}
          />
          <Row
            term={t('review.case.department')}
            value={
              (state.assignment?.department ?? state.department) &&
              t.code('department', state.assignment?.department ?? state.department!, policy)
            }
          />
          <Row
            term={t('review.case.assignee')}
            value={
              state.assignment
                ? (state.assignment.handlerName ?? state.assignment.handlerId)
                : t('review.queue.unassigned')
            }
          />
          <Row
            term={t('review.case.complainedAbout')}
            value={[r.complainedAbout?.unit, r.complainedAbout?.personName]
              .filter(Boolean)
              .join(' · ')}
          />
          <Row
            term={t('review.case.amountClaimed')}
            value={
              r.amountClaimed &&
              `${r.amountClaimed.value.toLocaleString(props.locale)} ${r.amountClaimed.currency}`
            }
          />
          <Row term={t('review.case.headcount')} value={r.headcount?.toString()} />
          {state.urgent && <Row term={t('review.case.urgent')} value="✓" />}
        </dl>
      </section>

      <section aria-labelledby="rv-severity">
        <h2 id="rv-severity">{t('review.case.severity')}</h2>
        <p>
          <strong>{t.code('severity', state.severity.level)}</strong> —{' '}
          {t('review.case.severityAssessed', {
            level: t.code('severity', state.severity.assessed.level),
          })}
        </p>
        <ul>
          {state.severity.assessed.reasons.map((reason, i) => (
            <li key={`${reason.rule}-${i}`}>{t.key(`severity.rule.${reason.rule}`, reason)}</li>
          ))}
        </ul>
        {state.severity.override && (
          <p>
            {t('review.case.severityOverride', {
              level: t.code('severity', state.severity.override.level),
              by: state.severity.override.by.name,
              reason: state.severity.override.reason,
            })}
          </p>
        )}
      </section>

      {(state.resolution || state.verdict || state.callbacks.length > 0) && (
        <section aria-labelledby="rv-outcome">
          <h2 id="rv-outcome">{t('review.case.resolution')}</h2>
          {state.resolution && (
            <dl class="rv-fields">
              <Row
                term={t('review.form.type')}
                value={t.code('resolution', state.resolution.type)}
              />
              <Row
                term={t('review.form.amount')}
                value={
                  state.resolution.amount !== undefined
                    ? `${state.resolution.amount.toLocaleString(props.locale)} ${state.resolution.currency ?? ''}`
                    : undefined
                }
              />
              <Row
                term={t('review.case.responsibility')}
                value={t.code('responsibility', state.resolution.responsibility)}
              />
              <Row term={t('review.case.rootCause')} value={state.resolution.rootCause} />
              <Row
                term={t('review.case.correctiveAction')}
                value={state.resolution.correctiveAction}
              />
              <Row term={t('review.form.description')} value={state.resolution.description} />
              {state.resolution.requiredRole && !state.resolution.approvedBy && (
                <Row
                  term={t('status.awaiting_approval')}
                  value={t('review.case.requiredRole', {
                    role: t.code('role', state.resolution.requiredRole),
                  })}
                />
              )}
            </dl>
          )}
          {state.verdict && (
            <dl class="rv-fields">
              <Row term={t('review.case.verdict')} value={state.verdict.reason} />
              <Row term={t('review.form.explanation')} value={state.verdict.explanation} />
              <Row
                term={t('review.case.state')}
                value={
                  state.verdict.confirmed
                    ? t('review.case.verdictConfirmed')
                    : t('review.case.verdictUnconfirmed')
                }
              />
            </dl>
          )}
          {state.callbacks.length > 0 && (
            <>
              <h3>{t('review.case.callbacks')}</h3>
              <ul>
                {state.callbacks.map((cb, i) => (
                  <li key={`${cb.at}-${i}`}>
                    {when(cb.at)} · {t.code('callback', cb.outcome)} · {t('review.case.round')}{' '}
                    {cb.round}
                    {cb.note ? ` — ${cb.note}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {r.source && (
        <section aria-labelledby="rv-source">
          <h2 id="rv-source">{t('review.case.source')}</h2>
          {r.source.title && <p>{r.source.title}</p>}
          {r.source.url && /^https?:\/\//i.test(r.source.url) && (
            <p>
              <a href={r.source.url} target="_blank" rel="noopener noreferrer">
                {t('review.case.sourceLink')}
              </a>
            </p>
          )}
          {r.source.html ? (
            // Sanitized at capture; an empty sandbox still blocks scripts, forms and navigation.
            <iframe
              class="rv-clip"
              sandbox=""
              srcdoc={r.source.html}
              title={t('review.case.sourceFrame')}
              referrerpolicy="no-referrer"
            />
          ) : (
            r.source.selectionText && <blockquote>{r.source.selectionText}</blockquote>
          )}
        </section>
      )}

      <section aria-labelledby="rv-attachments">
        <h2 id="rv-attachments">{t('review.case.attachments')}</h2>
        {!props.attachments?.length ? (
          <p>{t('review.case.noAttachments')}</p>
        ) : (
          <ul>
            {props.attachments.map((a) => (
              <li key={a.id}>
                {a.url ? (
                  <a href={a.url} download={a.name}>
                    {a.name}
                  </a>
                ) : (
                  a.name
                )}{' '}
                <span class="rv-hint">
                  {a.type} ·{' '}
                  {t('review.case.attachmentSize', { kb: Math.max(1, Math.round(a.size / 1024)) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rv-timeline">
        <h2 id="rv-timeline">{t('review.case.timeline')}</h2>
        <ol class="rv-timeline">
          {props.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{when(e.at)}</time> <strong>{t.key(`event.${e.type}`)}</strong>{' '}
              — {t('review.case.by', { name: e.actor.name, role: t.code('role', e.actor.role) })}
              <EventDetail event={e} t={t} />
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function Row(props: { term: string; value: string | undefined | false | null }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.value || '—'}</dd>
    </>
  );
}

/** The human part of an event's payload: its note, reason, text or outcome. */
function EventDetail({ event, t }: { event: ComplaintEvent; t: Tr }) {
  const p = event.payload as Record<string, unknown>;
  const parts: string[] = [];
  if (event.type === 'assigned')
    parts.push(
      t.code('department', String(p.department)),
      String(p.handlerName ?? p.handlerId ?? ''),
    );
  if (event.type === 'severityOverridden') parts.push(t.code('severity', String(p.level)));
  if (event.type === 'callbackRecorded') parts.push(t.code('callback', String(p.outcome)));
  if (event.type === 'resolutionProposed')
    parts.push(t.code('resolution', String(p.type)), String(p.description ?? ''));
  if (event.type === 'deadlineExtended') parts.push(t.code('clock', String(p.clock)));
  for (const k of ['reason', 'text', 'note', 'message', 'explanation', 'to'])
    if (typeof p[k] === 'string' && p[k]) parts.push(p[k] as string);
  const text = parts.filter(Boolean).join(' · ');
  return text ? <p class="rv-event-detail">{text}</p> : null;
}
