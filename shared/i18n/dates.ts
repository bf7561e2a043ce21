import type { Locale } from '../schema/codes';

const cache = new Map<string, Intl.DateTimeFormat>();
/** The formatter `make` builds, made once per `key` (building one costs far more than using it). */
export function dateFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const toDate = (at: string | Date) => (typeof at === 'string' ? new Date(at) : at);

/**
 * An instant as `YYYY-MM-DD HH:mm` on the wall clock of `timeZone`: one unambiguous form for
 * files (CSV) in both languages; '' for a missing or invalid instant.
 */
export function localDateTime(at: string | Date | undefined, timeZone: string): string {
  if (at === undefined) return '';
  const d = toDate(at);
  if (Number.isNaN(d.getTime())) return '';
  // sv-SE writes `YYYY-MM-DD HH:mm`.
  return dateFormat(
    `sv|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(d);
}

/** An instant's date (`YYYY-MM-DD`) on the wall clock of `timeZone`. */
export function localDate(at: string | Date, timeZone: string): string {
  return localDateTime(at, timeZone).slice(0, 10);
}

/** A `YYYY-MM` month named in the UI language ("March 2026", "2026年3月"). */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (!y || !m) return month;
  return dateFormat(
    `month|${locale}`,
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(Date.UTC(y, m - 1, 15));
}

/** The twelve month names in the UI language, January first. */
export function monthNames(locale: Locale): string[] {
  const f = dateFormat(
    `mname|${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
  );
  return Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2000, i, 15)));
}

/**
 * Whether times shown in `zone` need their zone named for a person whose clock is `userZone`:
 * true when the two differ at `at` (a zone with the same offset all year reads the same).
 */
export function zoneDiffers(zone: string, userZone: string, at: Date): boolean {
  if (zone === userZone) return false;
  const offset = (z: string) =>
    dateFormat(
      `off|${z}`,
      () => new Intl.DateTimeFormat('en-US', { timeZone: z, timeZoneName: 'longOffset' }),
    )
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  return offset(zone) !== offset(userZone);
}

/** The zone the browser's clock runs in. */
export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A year in the UI language ("2026", "2026年"). */
export function formatYear(year: number, locale: Locale): string {
  return dateFormat(
    `year|${locale}`,
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }),
  ).format(Date.UTC(year, 5, 15));
}
