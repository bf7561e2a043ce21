// The function's own module: the package index brings TZDate too.
import { tzOffset } from '@date-fns/tz/tzOffset';

/** The default case number format (docs/rules.md §2): two-digit year, month, monthly serial. */
export const DEFAULT_CASE_NUMBER_FORMAT = 'YYMM-NNNN';
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

type Token =
  | { kind: 'year'; width: 2 | 4 }
  | { kind: 'month' }
  | { kind: 'day' }
  | { kind: 'serial'; width: number }
  | string;

interface CompiledFormat {
  tokens: Token[];
  pattern: RegExp;
  /** Serials restart daily when the number carries the day, else monthly. */
  daily: boolean;
}

const formats = new Map<string, CompiledFormat>();

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Tokens: `YYYY` or `YY` (year), `MM` (month), `DD` (day: serials then restart daily), a run of
 * `N` (serial, zero-padded to the run's length). A lone `Y`, `M` or `D` is a literal letter, so
 * prefixes such as `CMP-` or `CD-` need no quoting; any other run of them (`YYY`, `MMM`) is an
 * error. Year, month and serial are each required exactly once, the day at most once: without
 * them numbers would repeat.
 */
function compileFormat(format: string): CompiledFormat {
  const hit = formats.get(format);
  if (hit) return hit;
  const tokens: Token[] = [];
  const seen = { year: 0, month: 0, day: 0, serial: 0 };
  let source = '^';
  const literal = (run: string) => {
    tokens.push(run);
    source += escapeRegExp(run);
  };
  for (const run of format.match(/Y+|M+|D+|N+|[^YMDN]+/g) ?? []) {
    if (run[0] === 'Y' && (run.length === 2 || run.length === 4)) {
      tokens.push({ kind: 'year', width: run.length });
      source += `(\\d{${run.length}})`;
      seen.year++;
    } else if (run === 'MM') {
      tokens.push({ kind: 'month' });
      source += '(0[1-9]|1[0-2])';
      seen.month++;
    } else if (run === 'DD') {
      tokens.push({ kind: 'day' });
      source += '(0[1-9]|[12]\\d|3[01])';
      seen.day++;
    } else if (run[0] === 'N') {
      tokens.push({ kind: 'serial', width: run.length });
      // Exactly the width, or more digits without a leading zero (serial 10000 of NNNN).
      source += `(\\d{${run.length}}|[1-9]\\d{${run.length},})`;
      seen.serial++;
    } else if (run.length === 1 || !'YMD'.includes(run[0]!)) {
      literal(run);
    } else {
      throw new RangeError(`Case number format ${format}: ${run} is not a token`);
    }
  }
  if (seen.year !== 1 || seen.month !== 1 || seen.serial !== 1 || seen.day > 1) {
    throw new RangeError(
      `Case number format ${format} needs one year, one MM and one N run (and at most one DD)`,
    );
  }
  const compiled = { tokens, pattern: new RegExp(`${source}$`), daily: seen.day === 1 };
  formats.set(format, compiled);
  return compiled;
}

/**
 * Whether `format` is a usable case-number template (`YYMM-NNNN`, `CMP-YYMM-NNNN`,
 * `YYYYMMDD-NNN`); the reason otherwise.
 */
export function checkCaseNumberFormat(
  format: string,
): { ok: true } | { ok: false; reason: string } {
  try {
    compileFormat(format);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

function yearMonth(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const offset = tzOffset(timeZone, at);
  if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const local = new Date(at.getTime() + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A case number for the `serial`th complaint registered in the month of `at` in `timeZone`:
 * `formatCaseNumber(new Date('2026-11-30T17:00Z'), 1)` → `'2612-0001'` (already December in
 * Shanghai). Serials past the padding keep growing (`2612-10000`).
 */
export function formatCaseNumber(
  at: Date,
  serial: number,
  timeZone: string = DEFAULT_TIME_ZONE,
  format: string = DEFAULT_CASE_NUMBER_FORMAT,
): string {
  if (!Number.isSafeInteger(serial) || serial < 1) {
    throw new RangeError(`Serial must be a positive integer: ${serial}`);
  }
  const { year, month, day } = yearMonth(at, timeZone);
  let out = '';
  for (const token of compileFormat(format).tokens) {
    if (typeof token === 'string') out += token;
    else if (token.kind === 'year') out += pad(year % 10 ** token.width, token.width);
    else if (token.kind === 'month') out += pad(month, 2);
    else if (token.kind === 'day') out += pad(day, 2);
    else out += pad(serial, token.width);
  }
  return out;
}

/** The parts of a case number, or null when `s` does not match `format`. Two-digit years are 20YY. */
export function parseCaseNumber(
  s: string,
  format: string = DEFAULT_CASE_NUMBER_FORMAT,
): { year: number; month: number; day?: number; serial: number } | null {
  const { tokens, pattern } = compileFormat(format);
  const match = pattern.exec(s.trim());
  if (!match) return null;
  let year = 0;
  let month = 0;
  let day: number | undefined;
  let serial = 0;
  let group = 1;
  for (const token of tokens) {
    if (typeof token === 'string') continue;
    const value = Number(match[group++]);
    if (token.kind === 'year') year = token.width === 2 ? 2000 + value : value;
    else if (token.kind === 'month') month = value;
    else if (token.kind === 'day') day = value;
    else serial = value;
  }
  if (!(serial >= 1 && Number.isSafeInteger(serial))) return null;
  return day === undefined ? { year, month, serial } : { year, month, day, serial };
}

/**
 * The numbering period of `at` in `timeZone`: serials are allocated per period, `YYMM`, or
 * `YYMMDD` when `format` carries the day (`YYYYMMDD-NNN` restarts daily).
 */
export function caseNumberPeriod(
  at: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
  format: string = DEFAULT_CASE_NUMBER_FORMAT,
): string {
  const { year, month, day } = yearMonth(at, timeZone);
  const monthly = pad(year % 100, 2) + pad(month, 2);
  return compileFormat(format).daily ? monthly + pad(day, 2) : monthly;
}
