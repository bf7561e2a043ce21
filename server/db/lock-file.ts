import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Another live process holds the embedded database's folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(
      `The data folder is in use by another Complaint Desk process (pid ${pid}; lock file ${path}). ` +
        'Stop that process first, or give this one another DATA_DIR (or DATABASE_URL). ' +
        `If no such process is running, delete ${path}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  host?: string;
  startedAt?: string;
}

function readLock(path: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? (parsed as LockContent) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file of an embedded data folder (PGlite has no lock between processes, and two
 * writers lose data). Created with O_EXCL; a lock left by a dead process (or unreadable) is
 * replaced. Returns the release function (idempotent; also runs at process exit).
 */
export function acquireLock(path: string): () => void {
  const content = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new DataDirLockedError(path, readLock(path)?.pid ?? -1);
        }
        throw err;
      }
      const holder = readLock(path);
      const sameHost = holder?.host === undefined || holder.host === hostname();
      if (holder && (isAlive(holder.pid) || !sameHost))
        throw new DataDirLockedError(path, holder.pid);
      // Stale: move it aside atomically so two starters cannot both delete a fresh lock.
      try {
        renameSync(path, `${path}.stale-${process.pid}`);
        rmSync(`${path}.stale-${process.pid}`, { force: true });
      } catch (renameErr) {
        if ((renameErr as NodeJS.ErrnoException).code !== 'ENOENT') throw renameErr;
      }
    }
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return release;
}
