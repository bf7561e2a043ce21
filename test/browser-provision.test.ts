import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingBrowserHint, plan } from '../scripts/browser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('pretest browser provisioning', () => {
  it.each([
    { exists: true, customPath: false, isRoot: false, hasApt: false, action: 'ok' },
    { exists: true, customPath: true, isRoot: true, hasApt: true, action: 'ok' },
    { exists: false, customPath: false, isRoot: true, hasApt: true, action: 'install' },
    { exists: false, customPath: false, isRoot: false, hasApt: true, action: 'explain' },
    { exists: false, customPath: false, isRoot: true, hasApt: false, action: 'explain' },
    // Installing Debian's chromium would not fix a CHROMIUM_PATH pointing nowhere.
    { exists: false, customPath: true, isRoot: true, hasApt: true, action: 'explain' },
  ])('exists=$exists custom=$customPath root=$isRoot apt=$hasApt → $action', (c) => {
    expect(plan(c)).toBe(c.action);
  });

  it('names the one command to run, with sudo only when not root', () => {
    expect(missingBrowserHint({}, false)).toContain('`sudo apt-get install -y chromium`');
    expect(missingBrowserHint({}, true)).toContain('`apt-get install -y chromium`');
    expect(missingBrowserHint({}, true)).not.toContain('sudo');
    expect(missingBrowserHint({ CHROMIUM_PATH: '/opt/none' }, true)).toContain(
      'CHROMIUM_PATH=/opt/none does not exist',
    );
  });

  it('says nothing when the browser is there, one sentence when it cannot be had', () => {
    const run = (path: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/browser.ts'], {
        cwd: ROOT,
        env: { ...process.env, CHROMIUM_PATH: path },
        encoding: 'utf8',
      });
    const present = run(process.execPath); // any existing file stands for the binary
    expect(present.status).toBe(0);
    expect(present.stdout).toBe('');
    const missing = run('/nonexistent/chromium');
    expect(missing.status).toBe(0);
    expect(missing.stdout.trim().split('\n')).toEqual([
      expect.stringContaining('CHROMIUM_PATH=/nonexistent/chromium does not exist'),
    ]);
  });
});
