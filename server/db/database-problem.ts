import type { ServerConfig } from '../config';

/** A database URL without its password, for a log line or a message. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC']);

/**
 * One sentence saying what to do when the database cannot be opened (the server's and the CLI's
 * start), instead of a bare "connect ECONNREFUSED 127.0.0.1:5432"; undefined for any other error,
 * whose own message is kept.
 */
export function databaseProblem(
  err: unknown,
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>,
): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  const reason = (err as Error | null)?.message ?? String(err);
  const url = config.databaseUrl;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      return 'DATABASE_URL is not a PostgreSQL URL: use postgres://user:password@host:5432/database.';
    const where = redact(url);
    if (typeof code !== 'string') return undefined;
    if (UNREACHABLE.has(code))
      return `Cannot reach PostgreSQL at ${where} (${reason}): start it, or correct DATABASE_URL.`;
    if (code === '3D000')
      return `PostgreSQL has no such database (${where}): create it (createdb), or correct DATABASE_URL.`;
    if (code === '28P01' || code === '28000')
      return `PostgreSQL refused the login of ${where} (${reason}): correct the user or password in DATABASE_URL.`;
    return undefined;
  }
  if (typeof code === 'string' && NOT_WRITABLE.has(code))
    return `Cannot use DATA_DIR=${config.dataDir} for the embedded database (${reason}): point DATA_DIR at a folder this user can write.`;
  return undefined;
}
