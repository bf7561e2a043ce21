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

/** Discards everything (tests, benchmarks). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
