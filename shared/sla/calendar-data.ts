import type { BusinessCalendar } from './calendar-schema';

// The schema lives apart from the data (import it from calendar-schema.ts) so importing a
// calendar does not bundle zod: bundlers keep a re-exported module even when it goes unused.
export type { BusinessCalendar } from './calendar-schema';

/** Expands inclusive `YYYY-MM-DD` ranges; holiday data reads like the State Council notices. */
function days(...ranges: [string, string?][]): string[] {
  const out: string[] = [];
  for (const [from, to = from] of ranges) {
    const d = new Date(`${from}T00:00:00Z`);
    const end = new Date(`${to}T00:00:00Z`);
    for (; d <= end; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Mainland China: Asia/Shanghai, 09:00–18:00 Monday–Friday, with the State Council's public
 * holidays and make-up working days for 2025 (notice of 2024-11-12) and 2026 (notice of
 * 2025-11-04).
 */
export const chinaCalendar: BusinessCalendar = {
  id: 'cn-mainland',
  timeZone: 'Asia/Shanghai',
  workingHours: { start: '09:00', end: '18:00' },
  restDays: [0, 6],
  holidays: days(
    // 2025
    ['2025-01-01'],
    ['2025-01-28', '2025-02-04'],
    ['2025-04-04', '2025-04-06'],
    ['2025-05-01', '2025-05-05'],
    ['2025-05-31', '2025-06-02'],
    ['2025-10-01', '2025-10-08'],
    // 2026
    ['2026-01-01', '2026-01-03'],
    ['2026-02-15', '2026-02-23'],
    ['2026-04-04', '2026-04-06'],
    ['2026-05-01', '2026-05-05'],
    ['2026-06-19', '2026-06-21'],
    ['2026-09-25', '2026-09-27'],
    ['2026-10-01', '2026-10-07'],
  ),
  makeUpDays: [
    // 2025
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    // 2026
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
  years: [2025, 2026],
};
