import { mkdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * A lock not refreshed for this long belongs to a process that is gone (crashed, killed). Well
 * above the longest pause of the holder's event loop: opening PGlite blocks it for seconds (tens
 * of seconds on a loaded machine), and a holder that cannot refresh in time would lose its lock.
 */
export const STALE_MS = 60_000;
/** How often a holder refreshes its lock (proper-lockfile touches the lock's mtime). */
const UPDATE_MS = 5_000;
/** Locks this process holds: a second open here is refused without looking at times. */
const held = new Set<string>();

/** Another live process holds the embedded database's folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(
      `The data folder is in use by another Complaint Desk process (pid ${pid}; lock ${path}). ` +
        'Stop that process first, or give this one another DATA_DIR (or DATABASE_URL). ' +
        `A lock left by a crashed process is taken over (from another host ${STALE_MS / 1000} s after it stopped).`,
    );
    this.name = 'DataDirLockedError';
  }
}

const ownerFile = (path: string) => `${path}.owner`;
/** A starter that crashed inside the guard leaves it behind; this old, it is removed. */
const GUARD_STALE_MS = 30_000;

interface Owner {
  pid: number;
  host?: string;
}

function readOwner(path: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(ownerFile(path), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' ? (owner as Owner) : undefined;
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

const isLocked = (err: unknown) => (err as { code?: string }).code === 'ELOCKED';

/**
 * Starters take the lock one at a time, holding this short-lived folder while they judge and
 * replace a stale lock (proper-lockfile alone could let the second delete the first's fresh one).
 */
function guard(path: string): () => void {
  const dir = `${path}.guard`;
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (Date.now() - statSync(dir).mtimeMs < GUARD_STALE_MS)
      throw new DataDirLockedError(path, readOwner(path)?.pid ?? -1);
    rmdirSync(dir);
    mkdirSync(dir);
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * Takes the lock of an embedded data folder (PGlite has no lock between processes, and two
 * writers lose data) with proper-lockfile: an atomic `mkdir` whose mtime the holder refreshes
 * every few seconds. The lock of a process that is gone is taken over: at once when it was
 * written on this host by a pid that is dead or is our own (a container restarted after a crash
 * often gets the same pid), otherwise once it has not been refreshed for `STALE_MS` (another
 * host name: the pid says nothing). Should the lock be taken from under a live holder, the
 * holder stops (proper-lockfile's `onCompromised`). Returns the release function (idempotent;
 * also at exit).
 */
export function acquireLock(path: string): () => void {
  if (held.has(path)) throw new DataDirLockedError(path, process.pid);
  const target = dirname(path);
  const options = {
    lockfilePath: path,
    realpath: false,
    // The holder never judges its own lock stale; others judge it by STALE_MS (checkSync).
    stale: Number.MAX_SAFE_INTEGER,
    update: UPDATE_MS,
    onCompromised: (err: Error) => {
      throw new Error(
        `The data folder's lock ${path} was taken by another process: ${err.message}`,
      );
    },
  };
  let unlock: () => void;
  const done = guard(path);
  try {
    try {
      unlock = lockfile.lockSync(target, options);
    } catch (err) {
      if (!isLocked(err)) throw err;
      const owner = readOwner(path);
      const gone = owner?.host === hostname() && (owner.pid === process.pid || !isAlive(owner.pid));
      const fresh = lockfile.checkSync(target, {
        lockfilePath: path,
        realpath: false,
        stale: STALE_MS,
      });
      if (fresh && !gone) throw new DataDirLockedError(path, owner?.pid ?? -1);
      rmSync(path, { recursive: true, force: true });
      unlock = lockfile.lockSync(target, options);
    }
    writeFileSync(
      ownerFile(path),
      JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date() }),
    );
  } finally {
    done();
  }
  held.add(path);

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(path);
    process.off('exit', release);
    rmSync(ownerFile(path), { force: true });
    try {
      unlock();
    } catch {
      // Already taken over (compromised): nothing of ours left to remove.
    }
  };
  process.on('exit', release);
  return release;
}
