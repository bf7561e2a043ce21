import { dateFormat, userTimeZone, zoneDiffers } from '@shared/i18n/dates';
import {
  type MessageKey,
  type Messages,
  hasMessage,
  t as translate,
  tKey,
} from '@shared/i18n/index';
import type { ParamsOf } from '@shared/i18n/translate';
import type { PolicyBase } from '@shared/policy/policy';
import { type CodeKind, labelOf } from '@shared/report/labels';
import { caseNumberLabel } from '@shared/numbering/provisional';
import type { Locale } from '@shared/schema/codes';
import type { Actor } from '@shared/schema/event';
import type { CaseNumberIssuer } from '@shared/schema/event';

/** A translator bound to one locale. */
export function translatorFor(locale: Locale) {
  const t = <K extends MessageKey>(key: K, ...params: ParamsOf<Messages, K>) =>
    translate(locale, key, ...params);
  return Object.assign(t, {
    /** For keys that arrive as data (refusal reasons, severity rules). */
    key: (key: string, params?: Record<string, unknown>) => tKey(locale, key, params),
    /** A code's name (category, status, clock…), the organisation's label first. */
    code: (kind: CodeKind, code: string, policy?: PolicyBase) =>
      labelOf(kind, code, locale, policy),
    locale,
  });
}
export type Tr = ReturnType<typeof translatorFor>;

/** `at` in `locale` and `timeZone` by `options` (a formatter per style, made once); '' if invalid. */
function formatWith(
  style: string,
  options: Intl.DateTimeFormatOptions,
  at: string | Date,
  locale: Locale,
  timeZone: string,
): string {
  const f = dateFormat(
    `${style}|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone }),
  );
  const d = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? '' : f.format(d);
}

/** An instant as local date and time in `timeZone` (the calendar's zone, not the browser's). */
export function formatInstant(
  at: string | Date | undefined,
  locale: Locale,
  timeZone: string,
): string {
  if (at === undefined) return '';
  const options = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  } as const;
  return formatWith('instant', options, at, locale, timeZone);
}

/**
 * An instant as people read it beside a deadline, in `timeZone`: "Dec 8, 2026, 4:27 AM",
 * "2026年12月8日 04:27" — the month named, so "12/08" is never read as 12 August.
 */
export function formatDateTime(at: string | Date, locale: Locale, timeZone: string): string {
  const options = { dateStyle: 'medium', timeStyle: 'short' } as const;
  return formatWith('medium', options, at, locale, timeZone);
}

/**
 * An instant as a short month, day and time in `timeZone` ("Dec 7, 13:26", "12月7日 13:26"): the
 * month named in English, as `formatDateTime` does, so "12/7" is never read as 12 July.
 */
export function formatShort(at: string | Date, locale: Locale, timeZone: string): string {
  const options = {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  } as const;
  return formatWith('short', options, at, locale, timeZone);
}

/** How a case is named in lists and messages: its number (marked when provisional), else "not registered". */
export function caseLabel(
  caseNumber: string | undefined,
  t: Tr,
  issuer?: CaseNumberIssuer,
): string {
  return caseNumber
    ? caseNumberLabel(t.locale, caseNumber, issuer)
    : t('review.queue.noCaseNumber');
}

/**
 * Who did something, in the UI language: a person as "name (role)"; a system actor (the web
 * form's intake, the team server) by its catalogue name, never the English name it was stored with.
 */
export function actorLabel(actor: Pick<Actor, 'id' | 'name' | 'role'>, t: Tr): string {
  if (actor.role === 'system')
    return hasMessage(`actor.${actor.id}`) ? t.key(`actor.${actor.id}`) : t.code('role', 'system');
  return t('review.case.by', { name: actor.name, role: t.code('role', actor.role) });
}

/**
 * " (Asia/Shanghai)" after a time shown on the organisation's calendar clock when the user's own
 * clock reads differently; '' when they agree.
 */
export function zoneNote(zone: string, locale: Locale, userZone = userTimeZone()): string {
  return zoneDiffers(zone, userZone, new Date()) ? translate(locale, 'ws.zoneShort', { zone }) : '';
}
