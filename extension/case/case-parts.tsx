/**
 * The parts of the case view, one per section. Each reads the case through `CaseContext`
 * (state, translator, locale, policy and time formatting) plus what only it needs.
 */
import type { Policy } from '@shared/policy/policy';
import { labelColon } from '@shared/i18n/punctuation';
import type { Locale } from '@shared/schema/codes';
import type { ComplaintState } from '@shared/schema/complaint';
import type { ComplaintEvent } from '@shared/schema/event';
import { type DeadlineSummary, formatDue } from '@shared/sla/index';
import type { QueueView } from '@shared/review/index';
import { formatMoney } from '@shared/i18n/money';
import { breachKind } from '@shared/workflow/auto-escalation';
import type { EventRejection } from '../db/types';
import { rejectionText } from '../sync/reason-text';
import { sandboxedSrcdoc } from '../capture/display';
import { type Tr, actorLabel, zoneNote } from '../ui/format';

/**
 * An event of the history with what the team server made of it (as stored on this device):
 * `pending` 1 not yet accepted, 2 refused with its `rejection`.
 */
export type HistoryEvent = ComplaintEvent & {
  pending?: 0 | 1 | 2;
  rejection?: Pick<EventRejection, 'reason' | 'params' | 'message'>;
};

export interface CaseAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
  /** An object URL the shell made for the stored blob, if it can be opened. */
  url?: string;
}

export interface CaseContext {
  state: ComplaintState;
  t: Tr;
  locale: Locale;
  policy: Policy;
  /** An instant in the calendar's time zone, in the user's language. */
  when: (at: string | Date | undefined) => string;
}

export function CaseHeader({
  c: { state, t, policy },
  label,
  views,
  onBack,
}: {
  c: CaseContext;
  label: string;
  views: readonly QueueView[];
  onBack?: (() => void) | undefined;
}) {
  return (
    <header>
      {onBack && (
        <button type="button" class="rv-no-print" onClick={onBack}>
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
        {t('review.case.status')}
        {labelColon(t.locale)}
        <strong>{t.code('status', state.status)}</strong> · {t('review.case.round')} {state.round} ·{' '}
        {t('review.case.tier')}
        {labelColon(t.locale)}
        {t.code('role', policy.escalationTiers[state.tier] ?? 'agent')}
      </p>
      {views.length > 0 && (
        <p>
          {t('review.case.views')}
          {labelColon(t.locale)}
          {views.map((v) => t.key(`review.view.${v}`)).join(' · ')}
        </p>
      )}
    </header>
  );
}

export function DeadlinesSection({
  c: { t, locale, policy, when },
  deadlines,
  now,
}: {
  c: CaseContext;
  deadlines: DeadlineSummary;
  now: Date;
}) {
  return (
    <section aria-labelledby="rv-deadlines">
      <h2 id="rv-deadlines">
        {t('review.case.deadlines')}
        {zoneNote(policy.calendar.timeZone, locale)}
      </h2>
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
                  {!d.stoppedAt && ` · ${formatDue(d.dueAt, now, locale)}`}
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
  );
}

export function RecordSection({ c: { state, t, locale, policy, when } }: { c: CaseContext }) {
  const r = state.record;
  const c = r.complainant;
  return (
    <section aria-labelledby="rv-record">
      <h2 id="rv-record">{t('review.case.record')}</h2>
      <dl class="rv-fields">
        <Row term={t('review.case.channel')} value={t.code('channel', state.channel)} />
        <Row term={t('review.case.receivedAt')} value={when(state.receivedAt)} />
        <Row term={t('review.case.registeredAt')} value={when(state.registeredAt)} />
        <Row term={t('review.case.firstResponder')} value={actorLabel(state.firstResponder, t)} />
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
            r.amountClaimed && formatMoney(r.amountClaimed.value, r.amountClaimed.currency, locale)
          }
        />
        <Row term={t('review.case.headcount')} value={r.headcount?.toString()} />
        {state.urgent && <Row term={t('review.case.urgent')} value="✓" />}
      </dl>
    </section>
  );
}

export function SeveritySection({ c: { state, t } }: { c: CaseContext }) {
  return (
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
  );
}

/**
 * The root cause as recorded: the policy's cause by its name, with the words for `other` (a cause
 * written without a code is how older clients recorded one).
 */
function rootCauseText(
  r: { rootCauseCode?: string | undefined; rootCause?: string | undefined },
  t: CaseContext['t'],
  policy: CaseContext['policy'],
): string | undefined {
  if (!r.rootCauseCode) return r.rootCause;
  const name = t.code('cause', r.rootCauseCode, policy);
  return r.rootCause ? `${name}${labelColon(t.locale)}${r.rootCause}` : name;
}

/** The proposal, the invalid verdict and the callbacks, once there are any. */
export function OutcomeSection({ c: { state, t, locale, policy, when } }: { c: CaseContext }) {
  if (!(state.resolution || state.verdict || state.callbacks.length > 0)) return null;
  return (
    <section aria-labelledby="rv-outcome">
      <h2 id="rv-outcome">{t('review.case.resolution')}</h2>
      {/* An unsatisfied callback opens a new round and clears the proposal: say so, rather
          than a heading with only the callbacks under it. */}
      {!state.resolution && !state.verdict && (
        <p class="cd-help">{t('review.case.noResolutionYet', { round: state.round })}</p>
      )}
      {state.resolution && (
        <dl class="rv-fields">
          <Row term={t('review.form.type')} value={t.code('resolution', state.resolution.type)} />
          <Row
            term={t('review.form.amount')}
            value={
              state.resolution.amount !== undefined
                ? formatMoney(
                    state.resolution.amount,
                    state.resolution.currency ?? policy.currency,
                    locale,
                  )
                : undefined
            }
          />
          <Row
            term={t('review.case.responsibility')}
            value={t.code('responsibility', state.resolution.responsibility)}
          />
          <Row
            term={t('review.case.rootCause')}
            value={rootCauseText(state.resolution, t, policy)}
          />
          <Row term={t('review.case.correctiveAction')} value={state.resolution.correctiveAction} />
          <Row term={t('review.form.description')} value={state.resolution.description} />
          <Row
            term={t('ws.case.proposedBy')}
            value={`${actorLabel(state.resolution.proposedBy, t)} · ${when(state.resolution.at)}`}
          />
          {state.resolution.approvedBy && (
            <Row
              term={t('ws.case.approvedBy')}
              value={`${actorLabel(state.resolution.approvedBy, t)}${state.resolution.approvedAt ? ` · ${when(state.resolution.approvedAt)}` : ''}`}
            />
          )}
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
  );
}

/** The captured page or email: sanitized at capture, shown only in a sandboxed iframe. */
export function SourceSection({ c: { state, t } }: { c: CaseContext }) {
  const r = state.record;
  if (!r.source) return null;
  return (
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
        // Sanitized at capture and again when it arrived by sync; shown like the side panel
        // shows it: an empty sandbox (no script, forms, navigation) and a CSP (no fetches).
        <iframe
          class="rv-clip"
          sandbox=""
          srcdoc={sandboxedSrcdoc(r.source.html)}
          title={t('review.case.sourceFrame')}
          referrerpolicy="no-referrer"
        />
      ) : (
        r.source.selectionText && <blockquote>{r.source.selectionText}</blockquote>
      )}
    </section>
  );
}

export function AttachmentsSection({
  c: { t },
  attachments,
}: {
  c: CaseContext;
  attachments?: readonly CaseAttachment[] | undefined;
}) {
  return (
    <section aria-labelledby="rv-attachments">
      <h2 id="rv-attachments">{t('review.case.attachments')}</h2>
      {!attachments?.length ? (
        <p>{t('review.case.noAttachments')}</p>
      ) : (
        <ul>
          {attachments.map((a) => (
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
  );
}

/**
 * The history in server order (the shell orders it: `historyOrder`). An event the server refused
 * stays, struck through, with the reason in words (a screen reader does not announce `<del>`);
 * in team mode, what has not reached the server yet says so.
 */
export function TimelineSection({
  c: { t, locale, when },
  events,
  teamMode,
}: {
  c: CaseContext;
  events: readonly HistoryEvent[];
  teamMode?: boolean | undefined;
}) {
  return (
    <section aria-labelledby="rv-timeline">
      <h2 id="rv-timeline">{t('review.case.timeline')}</h2>
      <ol class="rv-timeline">
        {events.map((e) => {
          const entry = (
            <>
              <time dateTime={e.at}>{when(e.at)}</time> <strong>{t.key(`event.${e.type}`)}</strong>{' '}
              — {actorLabel(e.actor, t)}
              <EventDetail event={e} t={t} when={when} />
            </>
          );
          if (e.pending === 2)
            return (
              <li key={e.id} class="rv-refused" data-event-id={e.id}>
                <del>{entry}</del>
                <p class="rv-refusal">
                  {t('ws.history.refused', {
                    reason: e.rejection ? rejectionText(locale, e.rejection) : '',
                  })}
                </p>
              </li>
            );
          return (
            <li key={e.id} data-event-id={e.id}>
              {entry}
              {teamMode && e.pending === 1 && (
                <p class="rv-pending-mark">{t('ws.history.pending')}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
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

/** Why the system escalated, in words: its stored reason is a code (`reply breached`). */
function autoEscalationText(breach: string, t: Tr): string {
  const kind = breachKind(breach);
  if (kind === 'unfinished') return t('ws.auto.unfinished');
  if (kind === 'visits') return t('ws.auto.visitsMissed');
  return t('ws.auto.breached', { clock: t.code('clock', kind) });
}

/** The human part of an event's payload: its note, reason, text or outcome. */
function EventDetail({
  event,
  t,
  when,
}: {
  event: ComplaintEvent;
  t: Tr;
  when: CaseContext['when'];
}) {
  const p = event.payload as Record<string, unknown>;
  const parts: string[] = [];
  if (event.type === 'contacted') {
    if (p.method) parts.push(t.key(`contactMethod.${p.method}`));
    if (p.outcome) parts.push(t.key(`contactOutcome.${p.outcome}`));
    if (typeof p.callBackAt === 'string')
      parts.push(t('ws.contact.callBackAtWhen', { at: when(p.callBackAt) }));
    if (typeof p.nextStep === 'string' && p.nextStep)
      parts.push(t('ws.contact.next', { step: p.nextStep }));
  }
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
  if (event.type === 'replied' && typeof p.via === 'string')
    parts.push(t.key(`ext.reply.via.${p.via}`));
  const auto = event.type === 'escalated' && p.auto === true;
  if (auto) parts.push(autoEscalationText(String(p.breach ?? ''), t));
  for (const k of ['reason', 'text', 'note', 'message', 'explanation', 'to'])
    if (typeof p[k] === 'string' && p[k] && !(auto && k === 'reason')) parts.push(p[k] as string);
  const text = parts.filter(Boolean).join(' · ');
  return text ? <p class="rv-event-detail">{text}</p> : null;
}
