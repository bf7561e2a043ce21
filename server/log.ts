/** Structured logs: one JSON object per line. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RESERVED = new Set(['time', 'level', 'msg']);

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => Date = () => new Date(),
): Logger {
  const emit = (level: string, msg: string, fields?: LogFields) => {
    const line: LogFields = { time: now().toISOString(), level, msg };
    const data: LogFields = {};
    for (const [key, value] of Object.entries(fields ?? {})) {
      // A field never replaces the line's own time, level or message (an alertSevere effect
      // carries the complaint's severity as `level`: it logged "level":"L3" instead of "info").
      if (RESERVED.has(key)) data[key] = value;
      else line[key] = value;
    }
    if (Object.keys(data).length > 0) line.data = data;
    write(JSON.stringify(line));
  };
  return {
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

/**
 * Which requests get a `request` line. `all` (the default: `server/main.ts` as a service): one
 * line per request, the contract operators grep by request id. `problems` (what `npm start`
 * uses): only a failed (status ≥ 400) or slow one — one person clicking through the demo and the
 * extension's sync polls wrote a line per static file and poll, hundreds an hour, burying the
 * start-up summary and the lines that matter.
 */
export type RequestLogging = 'all' | 'problems';

/** A request slower than this is logged under `problems` too. */
export const SLOW_REQUEST_MS = 1_000;

export function shouldLogRequest(mode: RequestLogging, status: number, ms: number): boolean {
  return mode === 'all' || status >= 400 || ms >= SLOW_REQUEST_MS;
}

/** Under `problems`, a refused token is logged again for the same client after this long. */
export const REFUSAL_QUIET_MS = 10 * 60_000;

/**
 * 401s from one client with one token, under `problems`: the first is logged, the repeats within
 * `REFUSAL_QUIET_MS` are only counted, and the next line after that carries the count. An
 * extension left with a revoked token syncs every minute — a line per poll buried the problems
 * the mode exists to show — yet the operator still learns of it, and of how often.
 */
export class RefusalCounter {
  /** By client and token; Map order is insertion order, so the first key is the oldest. */
  private readonly seen = new Map<string, { since: number; unlogged: number }>();

  constructor(
    private readonly quietMs = REFUSAL_QUIET_MS,
    /** A bound on memory: a scan with a new token per request forgets the oldest clients. */
    private readonly maxClients = 1_000,
  ) {}

  /** undefined: do not log this one (counted); else how many were not logged since the last line. */
  next(key: string, at: number): number | undefined {
    const entry = this.seen.get(key);
    if (entry && at - entry.since < this.quietMs) {
      entry.unlogged++;
      return undefined;
    }
    this.seen.delete(key);
    if (this.seen.size >= this.maxClients) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(key, { since: at, unlogged: 0 });
    return entry?.unlogged ?? 0;
  }
}

/** Discards everything (tests, benchmarks). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
