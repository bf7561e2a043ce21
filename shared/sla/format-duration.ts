import type { Locale } from '../schema/codes';
import { sla as en } from '../i18n/en/sla';
import { createTranslator } from '../i18n/translate';
import { sla as zhCN } from '../i18n/zh-CN/sla';
import { MS_PER_MINUTE } from './zoned-time';

// Only the SLA catalogues, so the widget does not pull in every message.
const translator = /* @__PURE__ */ createTranslator({ en, 'zh-CN': zhCN });

/**
 * A length of time for people: its two largest units, to the minute (`2 d 3 h`, `3 h 5 min`,
 * `45 min`; `2天3小时`). The sign is ignored.
 */
export function formatDuration(ms: number, locale: Locale = 'en'): string {
  const total = Math.round(Math.abs(ms) / MS_PER_MINUTE);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  return translator.t(locale, 'sla.duration', { days, hours, minutes: days > 0 ? 0 : total % 60 });
}

/** "Due in …" before `dueAt`, "Overdue by …" after it. */
export function formatDue(dueAt: Date, now: Date, locale: Locale = 'en'): string {
  const left = dueAt.getTime() - now.getTime();
  const duration = formatDuration(left, locale);
  return left >= 0
    ? translator.t(locale, 'sla.dueIn', { duration })
    : translator.t(locale, 'sla.overdueBy', { duration });
}
