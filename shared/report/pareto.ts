/** One bar of a Pareto chart. */
export interface ParetoRow {
  key: string;
  count: number;
  /** Share of the total, 0–1. */
  share: number;
  /** Running share up to and including this row, 0–1. */
  cumulative: number;
  /** Within the "vital few": the rows up to the first that reaches `VITAL_FEW` cumulative. */
  vital: boolean;
}

/** The cumulative share the "vital few" reach (the 80/20 rule). */
export const VITAL_FEW = 0.8;

/**
 * Counts as a Pareto table: largest first (ties by key, so the order is stable), each with its
 * share and the cumulative share. Zero counts are left out.
 */
export function pareto(counts: Readonly<Record<string, number>>): ParetoRow[] {
  const entries = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  let running = 0;
  let reached = false;
  return entries.map(([key, count]) => {
    running += count;
    const vital = !reached;
    const cumulative = running / total;
    // Float sums may land a hair under 0.8; compare with a tolerance.
    if (cumulative >= VITAL_FEW - 1e-9) reached = true;
    return { key, count, share: count / total, cumulative, vital };
  });
}
