import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, acquireLock } from './lock-file';
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

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('lock file', () => {
  it('is created with our pid and removed on release', () => {
    const path = join(tempDir(), 'server.lock');
    const release = acquireLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(path)).toBe(false);
    release();
  });

  it('stops a second holder with a clear error naming the pid and the file', () => {
    const path = join(tempDir(), 'server.lock');
    const release = acquireLock(path);
    expect(() => acquireLock(path)).toThrow(DataDirLockedError);
    expect(() => acquireLock(path)).toThrow(
      new RegExp(`in use by another Complaint Desk process \\(pid ${process.pid}`),
    );
    release();
  });

  it('stops another live process', () => {
    const path = join(tempDir(), 'server.lock');
    // pid 1 always exists.
    writeFileSync(path, JSON.stringify({ pid: 1 }));
    expect(() => acquireLock(path)).toThrow(/pid 1;/);
  });

  it('replaces a lock left by a dead process', () => {
    const path = join(tempDir(), 'server.lock');
    writeFileSync(path, JSON.stringify({ pid: deadPid() }));
    const release = acquireLock(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('replaces an unreadable lock file', () => {
    const path = join(tempDir(), 'server.lock');
    writeFileSync(path, 'garbage');
    acquireLock(path)();
  });

  it('does not delete a lock another process took over', () => {
    const path = join(tempDir(), 'server.lock');
    const release = acquireLock(path);
    writeFileSync(path, JSON.stringify({ pid: 1 }));
    release();
    expect(existsSync(path)).toBe(true);
  });

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
