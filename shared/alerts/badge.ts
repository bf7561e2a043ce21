import { t } from '../i18n/alerts';
import type { Locale } from '../schema/codes';
import { type QueueRow, liveSla } from '../review/queue-row';

/** How many complaints are overdue and how many at risk (not overdue) at one instant. */
export interface SlaCounts {
  breached: number;
  atRisk: number;
}

/** The toolbar badge: short text, a background colour and a tooltip. */
export interface Badge {
  text: string;
  /** `#rrggbb`; white text on it meets WCAG AA contrast. */
  color: string;
  title: string;
}

/** Overdue red and at-risk amber, both dark enough for the white badge text. */
export const BADGE_COLORS = { breached: '#b3261e', atRisk: '#8a4b00', clear: '#3d5a3d' } as const;

const MAX_SHOWN = 99;

/** Counts the rows that are breached or at risk at `now`. */
export function slaCounts(
  rows: Iterable<Pick<QueueRow, 'nextDueAt' | 'nextWarnAt' | 'nextDueClock' | 'worst'>>,
  now: Date,
): SlaCounts {
  const counts: SlaCounts = { breached: 0, atRisk: 0 };
  for (const row of rows) {
    const state = liveSla(row, now)?.state;
    if (state === 'breached') counts.breached++;
    else if (state === 'at_risk') counts.atRisk++;
  }
  return counts;
}

const shown = (n: number) => (n > MAX_SHOWN ? `${MAX_SHOWN}+` : String(n));

/**
 * The badge: the number overdue, or when none is, the number at risk; nothing when neither.
 * Colour is never the only signal: overdue reads `!3`, at risk `~3`, and the tooltip says it.
 * Pass rows and `now`, or counts already made (e.g. by indexed queries).
 */
export function badgeFor(
  input:
    | SlaCounts
    | Iterable<Pick<QueueRow, 'nextDueAt' | 'nextWarnAt' | 'nextDueClock' | 'worst'>>,
  locale: Locale,
  now?: Date,
): Badge {
  let counts: SlaCounts;
  if ('breached' in input && 'atRisk' in input) counts = input as SlaCounts;
  else {
    if (!now) throw new TypeError('badgeFor(rows) needs `now`');
    counts = slaCounts(input as Iterable<QueueRow>, now);
  }
  if (counts.breached > 0) {
    return {
      text: `!${shown(counts.breached)}`,
      color: BADGE_COLORS.breached,
      title: t(locale, 'alert.badge.breached', { count: counts.breached }),
    };
  }
  if (counts.atRisk > 0) {
    return {
      text: `~${shown(counts.atRisk)}`,
      color: BADGE_COLORS.atRisk,
      title: t(locale, 'alert.badge.atRisk', { count: counts.atRisk }),
    };
  }
  return { text: '', color: BADGE_COLORS.clear, title: t(locale, 'alert.badge.clear') };
}
