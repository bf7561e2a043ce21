import { formatCaseNumber } from '../../shared/numbering/index';

/** A case number with its serial left open: `prefix + serial (zero-padded to width) + suffix`. */
export interface CaseNumberTemplate {
  prefix: string;
  width: number;
  suffix: string;
}

/**
 * The case number of `at` around its serial, so SQL can finish it in the same statement that
 * allocates the serial. Derived from the shared `formatCaseNumber` (never a second copy of the
 * format rules) and checked against it.
 */
export function caseNumberTemplate(at: Date, timeZone: string, format: string): CaseNumberTemplate {
  const width = (/N+/.exec(format)?.[0] ?? 'N').length;
  const one = formatCaseNumber(at, 1, timeZone, format);
  const two = formatCaseNumber(at, 2, timeZone, format);
  let last = 0;
  while (last < one.length && one[last] === two[last]) last++;
  const template = { prefix: one.slice(0, last - width + 1), width, suffix: one.slice(last + 1) };
  for (const serial of [1, 10 ** width + 7]) {
    if (fillTemplate(template, serial) !== formatCaseNumber(at, serial, timeZone, format)) {
      throw new Error(`Case number format ${format} could not be turned into a template`);
    }
  }
  return template;
}

/** The same filling as the SQL does (for the check above and for tests). */
export function fillTemplate(
  { prefix, width, suffix }: CaseNumberTemplate,
  serial: number,
): string {
  return prefix + String(serial).padStart(width, '0') + suffix;
}
