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
import type { Actor } from '@shared/schema/event';
import { type BusinessCalendar, computeDeadlines } from '@shared/sla/index';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TeamDirectory } from '../team/directory';
import { ActionsSection } from './actions-section';
import type { QueuedReply, ReplyService } from './reply-service';
import { ReplyStatus } from './reply-status';
import type { OnAct } from '../queue/bulk';
import { caseLabel, formatInstant, translatorFor } from '../ui/format';
import {
  AttachmentsSection,
  CaseHeader,
  type CaseAttachment,
  type CaseContext,
  DeadlinesSection,
  type HistoryEvent,
  OutcomeSection,
  RecordSection,
  SeveritySection,
  SourceSection,
  TimelineSection,
} from './case-parts';

export type { CaseAttachment, HistoryEvent } from './case-parts';

export interface CaseViewProps {
  state: ComplaintState;
  /** The history, in server order, refused events included (`historyOrder`). */
  events: readonly HistoryEvent[];
  /** Synced with a team server: events not sent yet are marked pending. */
  teamMode?: boolean;
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
  /** Team mode: the server sends replies and tells what became of them. */
  replies?: ReplyService | undefined;
  /** How often pending replies are asked about (tests shorten it). */
  replyPollMs?: number;
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
  const [queued, setQueued] = useState<(QueuedReply & { at: string })[]>([]);
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
          <TimelineSection c={c} events={props.events} teamMode={props.teamMode} />
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
            replies={props.replies}
            onReplyQueued={(r) => setQueued((q) => [...q, { ...r, at: clock().toISOString() }])}
          />
          {props.replies && (
            <ReplyStatus
              c={c}
              replies={props.replies}
              queued={queued}
              {...(props.replyPollMs ? { pollMs: props.replyPollMs } : {})}
            />
          )}
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
