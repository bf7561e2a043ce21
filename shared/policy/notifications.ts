import * as z from 'zod/mini';
import { LOCALES, ROLES, SEVERITY_LEVELS } from '../schema/codes';

/** What the server tells the team about (shared/alerts/team.ts decides when). */
export const TEAM_EVENTS = [
  'severe',
  'onCall',
  'approval',
  'escalated',
  'reopened',
  'secondComplaint',
  'warn',
  'breach',
  'callbackDue',
] as const;
export type TeamEventKind = (typeof TEAM_EVENTS)[number];

export const CHANNEL_TYPES = ['webhook', 'wecom', 'dingtalk', 'feishu', 'email', 'sms'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

const Id = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,63}$/));
const HttpUrl = z.string().check(z.maxLength(2000), z.regex(/^https?:\/\/[^\s]+$/));
const Email = z.string().check(z.maxLength(254), z.email());
const Secret = z.string().check(z.minLength(1), z.maxLength(500));

/**
 * One place notifications go. `events` and `minSeverity` filter what it takes (clock and
 * severity events carry the complaint's level; the default takes every team event). `sms`
 * channels only carry customer replies.
 */
export const NotificationChannelSchema = z.object({
  id: Id,
  type: z.enum(CHANNEL_TYPES),
  /** Robot/webhook address (webhook, wecom, dingtalk, feishu, sms gateway). */
  url: z.optional(HttpUrl),
  /** Signing secret: HMAC for webhook and sms, the robot's secret for dingtalk and feishu. */
  secret: z.optional(Secret),
  /** Recipients of an email channel. */
  to: z.optional(z.array(Email).check(z.maxLength(50))),
  locale: z.optional(z.enum(LOCALES)),
  events: z.optional(z.array(z.enum(TEAM_EVENTS))),
  minSeverity: z.optional(z.enum(SEVERITY_LEVELS)),
  /** The tiers this channel speaks for: approvals and escalations go only to their role's. */
  roles: z.optional(z.array(z.enum(ROLES))),
  enabled: z.optional(z.boolean()),
});
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

const ReplyTemplateSchema = z.object({
  subject: z.string().check(z.minLength(1), z.maxLength(300)),
  body: z.string().check(z.minLength(1), z.maxLength(20_000)),
});

/**
 * The `notifications` block of the policy: channels, the on-call contact, the organisation's
 * reply templates and the monthly report's recipients. Secrets here are never served by the
 * policy read endpoints (see `publicNotifications`).
 */
export const NotificationsSchema = z.object({
  channels: z.array(NotificationChannelSchema).check(z.maxLength(20)),
  /** Told of urgent complaints out of hours (docs/rules.md §1): by email and/or on a channel. */
  onCall: z.optional(
    z.object({
      name: z.optional(z.string().check(z.maxLength(100))),
      email: z.optional(Email),
      phone: z.optional(z.string().check(z.maxLength(40))),
      /** A channel id that also receives the on-call alerts. */
      channel: z.optional(Id),
    }),
  ),
  /** Link to a case in messages: `{id}` and `{caseNumber}` are replaced. */
  caseUrl: z.optional(z.string().check(z.maxLength(500))),
  /** The organisation's reply templates per language (placeholders: shared/reply). */
  replyTemplates: z.optional(z.partialRecord(z.enum(LOCALES), ReplyTemplateSchema)),
  /** Who receives the monthly report on the first working day of the month. */
  monthlyReport: z.optional(
    z.object({
      to: z.array(Email).check(z.maxLength(50)),
      locale: z.optional(z.enum(LOCALES)),
    }),
  ),
  /** Attempts before a delivery becomes a dead letter. */
  maxAttempts: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50))),
  /**
   * Written by the server into the staff view (`publicNotifications`): replies can go by SMS.
   * The view has no channel addresses, so it says so in words; in a stored policy it is ignored
   * (the server decides from the channels, `smsGateway`).
   */
  smsReplies: z.optional(z.boolean()),
});
export type Notifications = z.infer<typeof NotificationsSchema>;

/** Where replies by SMS go: an enabled `sms` channel with a gateway address, if any. */
export function smsGateway(n: Notifications | undefined): NotificationChannel | undefined {
  return n?.channels.find((ch) => ch.type === 'sms' && ch.enabled !== false && ch.url);
}

/**
 * The block without addresses and secrets, for readers that are not admins; whether replies can
 * go by SMS is said by `smsReplies` instead (the case view offers "Send by SMS" on it).
 */
export function publicNotifications(n: Notifications | undefined) {
  if (!n) return undefined;
  return {
    channels: n.channels.map(({ id, type, events, minSeverity, enabled, locale }) => ({
      id,
      type,
      ...(events ? { events } : {}),
      ...(minSeverity ? { minSeverity } : {}),
      ...(enabled === false ? { enabled } : {}),
      ...(locale ? { locale } : {}),
    })),
    ...(n.onCall?.name ? { onCall: { name: n.onCall.name } } : {}),
    ...(smsGateway(n) ? { smsReplies: true } : {}),
  };
}
