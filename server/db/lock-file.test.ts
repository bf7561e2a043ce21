import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, STALE_MS, acquireLock } from './lock-file';
import { LOCK_FILE, openDatabase } from './open-database';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const LOCK_MODULE = new URL('./lock-file.ts', import.meta.url).pathname;

/** A child process's script: take the lock, say "held", keep it for `ms`. */
const holdLock = (path: string, ms: number) =>
  `import('${LOCK_MODULE}').then((m) => { m.acquireLock(${JSON.stringify(path)}); ` +
  `process.stdout.write('held'); setTimeout(() => {}, ${ms}); })`;

describe('lock file', () => {
  it('is created with our pid and removed on release', () => {
    const path = join(tempDir(), 'server.lock');
    const release = acquireLock(path);
    expect(existsSync(path)).toBe(true);
    expect(JSON.parse(readFileSync(`${path}.owner`, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(path)).toBe(false);
    release();
  });

  it('stops a second holder with a clear error naming the pid and the lock', () => {
    const path = join(tempDir(), 'server.lock');
    const release = acquireLock(path);
    expect(() => acquireLock(path)).toThrow(DataDirLockedError);
    expect(() => acquireLock(path)).toThrow(
      new RegExp(`in use by another Complaint Desk process \\(pid ${process.pid}`),
    );
    release();
  });

  it('takes over the lock of a crashed container restarted with the same pid at once', () => {
    const path = join(tempDir(), 'server.lock');
    mkdirSync(path);
    writeFileSync(`${path}.owner`, JSON.stringify({ pid: process.pid, host: hostname() }));
    acquireLock(path)();
  });

  it('takes over a lock written under another host name once it is no longer refreshed', () => {
    const path = join(tempDir(), 'server.lock');
    mkdirSync(path);
    writeFileSync(`${path}.owner`, JSON.stringify({ pid: 1, host: 'old-container' }));
    expect(() => acquireLock(path)).toThrow(/pid 1;/);
    const past = new Date(Date.now() - STALE_MS - 5_000);
    utimesSync(path, past, past);
    const release = acquireLock(path);
    expect(statSync(path).mtimeMs).toBeGreaterThan(past.getTime());
    release();
  });

  it('stops while another live process on this host holds it', () => {
    const path = join(tempDir(), 'server.lock');
    mkdirSync(path);
    // pid 1 always exists.
    writeFileSync(`${path}.owner`, JSON.stringify({ pid: 1, host: hostname() }));
    expect(() => acquireLock(path)).toThrow(/pid 1;/);
  });

  it('recovers at once after its holder was killed (SIGKILL: no exit handler ran)', async () => {
    const path = join(tempDir(), 'server.lock');
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', holdLock(path, 60_000)]);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(() => acquireLock(path)).toThrow(/in use by another/);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    acquireLock(path)();
  }, 60_000);

  it('lets only one of two starters take a stale lock', async () => {
    for (let round = 0; round < 3; round++) {
      const path = join(tempDir(), 'server.lock');
      mkdirSync(path);
      const past = new Date(Date.now() - STALE_MS - 5_000);
      utimesSync(path, past, past);
      // Each starter says "held" as soon as it has the lock and keeps it until killed, so a
      // slow second start (a loaded machine) meets a held lock instead of a released one.
      const children = [0, 1].map(() =>
        spawn(process.execPath, ['--import', 'tsx', '-e', holdLock(path, 60_000)]),
      );
      const outcomes = await Promise.all(
        children.map(
          (child) =>
            new Promise<string>((resolve) => {
              let out = '';
              const read = (d: Buffer) => {
                out += d;
                if (out.includes('held')) resolve('held');
              };
              child.stdout.on('data', read);
              child.stderr.on('data', read);
              child.on('exit', () =>
                resolve(out.includes('in use by another') ? 'refused' : out || 'exited'),
              );
            }),
        ),
      );
      for (const child of children) child.kill('SIGKILL');
      await Promise.all(
        children.map((c) => c.exitCode ?? c.signalCode ?? new Promise((r) => c.once('exit', r))),
      );
      expect(outcomes.sort()).toEqual(['held', 'refused']);
    }
  }, 120_000);

  it('keeps a second embedded database off the same data folder', async () => {
    const dataDir = tempDir();
    const db = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toThrow(DataDirLockedError);
    await db.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir });
    await again.close();
  }, 60_000);

  it('is refused across processes', async () => {
    const dataDir = tempDir();
    const db = await openDatabase({ dataDir });
    try {
      const lockModule = new URL('./lock-file.ts', import.meta.url).pathname;
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('${lockModule}').then((m) => m.acquireLock(${JSON.stringify(join(dataDir, LOCK_FILE))}))`,
        ],
        { encoding: 'utf8' },
      );
      expect(child.status).not.toBe(0);
      expect(child.stderr).toContain(`pid ${process.pid}`);
    } finally {
      await db.close();
    }
  }, 60_000);
});
