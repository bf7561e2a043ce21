import type { TeamEvent } from '../../shared/alerts/team';
import { t, tKey } from '../../shared/i18n/index';
import type { ChannelType } from '../../shared/policy/notifications';
import type { Policy } from '../../shared/policy/policy';
import type { Locale } from '../../shared/schema/codes';
import type { ComplaintState } from '../../shared/schema/complaint';
import { computeDeadlines } from '../../shared/sla/index';

/** What a channel sends, fixed when the delivery is created: every retry sends the same. */
export type Message =
  /** An HTTP channel: the exact body bytes (the generic webhook signs them). */
  | { kind: 'http'; body: string }
  | {
      kind: 'mail';
      to: string[];
      subject: string;
      text: string;
      headers?: Record<string, string>;
      attachments?: { filename: string; content: string; contentType: string }[];
    };

/** The facts of a team event, the same on every channel. */
export interface TeamFacts {
  event: TeamEvent;
  title: string;
  caseNumber: string | undefined;
  subject: string;
  severity: string;
  /** The deadline that matters: the clock's for clock events, else the next one due. */
  deadline?: { clock?: string; dueAt: string };
  url?: string;
  onCall?: string;
}

function titleOf(e: TeamEvent, locale: Locale): string {
  const clock = e.clock ? tKey(locale, `clock.${e.clock}`) : '';
  const role = e.role ? tKey(locale, `role.${e.role}`) : '';
  switch (e.kind) {
    case 'severe':
      return t(locale, 'notify.title.severe', { level: tKey(locale, `severity.${e.level}`) });
    case 'onCall':
      return t(locale, 'notify.title.onCall');
    case 'approval':
      return t(locale, 'notify.title.approval', { role });
    case 'escalated':
      return t(locale, 'notify.title.escalated', { tier: e.tier ?? 0, role });
    case 'reopened':
      return t(locale, 'notify.title.reopened', { round: e.round ?? 1 });
    case 'secondComplaint':
      return t(locale, 'notify.title.secondComplaint');
    case 'warn':
      return t(locale, 'notify.title.warn', { clock });
    case 'breach':
      return t(locale, 'notify.title.breach', { clock });
    case 'callbackDue':
      return t(locale, 'notify.title.callbackDue');
  }
}

/** The link to a case: the policy's `caseUrl` template, or nothing. */
export function caseUrl(policy: Policy, state: Pick<ComplaintState, 'id' | 'caseNumber'>) {
  const template = policy.notifications?.caseUrl;
  if (!template) return undefined;
  return template
    .replaceAll('{id}', encodeURIComponent(state.id))
    .replaceAll('{caseNumber}', encodeURIComponent(state.caseNumber ?? ''));
}

export function teamFacts(
  e: TeamEvent,
  state: ComplaintState,
  policy: Policy,
  locale: Locale,
  now: Date,
): TeamFacts {
  let deadline: TeamFacts['deadline'];
  if (e.dueAt) deadline = { ...(e.clock ? { clock: e.clock } : {}), dueAt: e.dueAt };
  else {
    const next = computeDeadlines(state, now, policy).nextDueAt;
    if (next) deadline = { dueAt: next.toISOString() };
  }
  const url = caseUrl(policy, state);
  const onCall = policy.notifications?.onCall;
  return {
    event: e,
    title: titleOf(e, locale),
    caseNumber: state.caseNumber,
    subject: (state.record.subject || state.record.description || '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120),
    severity: tKey(locale, `severity.${e.level}`),
    ...(deadline ? { deadline } : {}),
    ...(url ? { url } : {}),
    ...(e.kind === 'onCall' && onCall?.name
      ? { onCall: [onCall.name, onCall.phone].filter(Boolean).join(' ') }
      : {}),
  };
}

function localTime(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** Label/value lines shared by the markdown and text layouts. */
function lines(f: TeamFacts, locale: Locale, timeZone: string): [string, string][] {
  const out: [string, string][] = [
    [t(locale, 'notify.field.case'), f.caseNumber ?? t(locale, 'notify.noCaseNumber')],
    [t(locale, 'notify.field.severity'), f.severity],
    [t(locale, 'notify.field.subject'), f.subject],
  ];
  if (f.deadline) {
    const clock = f.deadline.clock ? `${tKey(locale, `clock.${f.deadline.clock}`)} ` : '';
    out.push([
      t(locale, 'notify.field.deadline'),
      clock + localTime(f.deadline.dueAt, locale, timeZone),
    ]);
  }
  if (f.onCall) out.push([t(locale, 'notify.field.onCall'), f.onCall]);
  return out;
}

function markdown(f: TeamFacts, locale: Locale, timeZone: string): string {
  const body = lines(f, locale, timeZone).map(([k, v]) => `> **${k}**: ${v}`);
  const link = f.url ? [`[${t(locale, 'notify.field.open')}](${f.url})`] : [];
  return [`### ${f.title}`, ...body, ...link].join('\n');
}

function plainText(f: TeamFacts, locale: Locale, timeZone: string): string {
  const body = lines(f, locale, timeZone).map(([k, v]) => `${k}: ${v}`);
  return [f.title, '', ...body, ...(f.url ? ['', f.url] : [])].join('\n');
}

/** The generic webhook's JSON (documented in docs/notifications.md). */
export function webhookBody(deliveryId: string, f: TeamFacts, locale: Locale, timeZone: string) {
  const e = f.event;
  return {
    id: deliveryId,
    type: e.kind,
    key: e.key,
    occurredAt: e.at,
    complaint: {
      id: e.complaintId,
      caseNumber: f.caseNumber ?? null,
      severity: e.level,
      subject: f.subject,
      url: f.url ?? null,
    },
    deadline: f.deadline ? { clock: f.deadline.clock ?? null, dueAt: f.deadline.dueAt } : null,
    ...(e.role ? { role: e.role } : {}),
    ...(e.tier !== undefined ? { tier: e.tier } : {}),
    ...(e.round !== undefined ? { round: e.round } : {}),
    title: f.title,
    text: plainText(f, locale, timeZone),
  };
}

const FEISHU_COLOR = { L4: 'red', L3: 'orange', L2: 'yellow', L1: 'blue', L0: 'grey' } as const;

/** The message for a channel type, laid out the way that tool shows it best. */
export function teamMessage(
  type: ChannelType,
  deliveryId: string,
  f: TeamFacts,
  locale: Locale,
  timeZone: string,
  to: string[] = [],
): Message {
  switch (type) {
    case 'wecom':
      return {
        kind: 'http',
        body: JSON.stringify({
          msgtype: 'markdown',
          markdown: { content: markdown(f, locale, timeZone) },
        }),
      };
    case 'dingtalk':
      return {
        kind: 'http',
        body: JSON.stringify({
          msgtype: 'markdown',
          markdown: { title: f.title, text: markdown(f, locale, timeZone) },
        }),
      };
    case 'feishu': {
      const content = lines(f, locale, timeZone)
        .map(([k, v]) => `**${k}**: ${v}`)
        .join('\n');
      const elements: unknown[] = [{ tag: 'markdown', content }];
      if (f.url)
        elements.push({
          tag: 'action',
          actions: [
            {
              tag: 'button',
              text: { tag: 'plain_text', content: t(locale, 'notify.field.open') },
              type: 'primary',
              url: f.url,
            },
          ],
        });
      return {
        kind: 'http',
        body: JSON.stringify({
          msg_type: 'interactive',
          card: {
            config: { wide_screen_mode: true },
            header: {
              title: { tag: 'plain_text', content: f.title },
              template: FEISHU_COLOR[f.event.level],
            },
            elements,
          },
        }),
      };
    }
    case 'email':
      return {
        kind: 'mail',
        to,
        subject: `[Complaint Desk] ${f.title} — ${f.caseNumber ?? t(locale, 'notify.noCaseNumber')}`,
        text: plainText(f, locale, timeZone),
      };
    default:
      return { kind: 'http', body: JSON.stringify(webhookBody(deliveryId, f, locale, timeZone)) };
  }
}
