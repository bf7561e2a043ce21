/**
 * `pretest`: makes sure the browser tests have a Chromium. Where it is missing and this machine
 * can install it (root and apt-get: a fresh Debian box or CI image), installs Debian's `chromium`
 * and says so in one line; otherwise prints the one command to run. It never fails the run
 * itself: without a browser the browser suites say so (and fail with REQUIRE_BROWSER=1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** The single sentence a person without a browser needs. */
export function missingBrowserHint(
  env: NodeJS.ProcessEnv = process.env,
  isRoot = process.getuid?.() === 0,
): string {
  if (env.CHROMIUM_PATH) {
    return `Browser tests need Chromium, but CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome binary, or unset it and run \`${isRoot ? '' : 'sudo '}apt-get install -y chromium\`.`;
  }
  return `Browser tests need Chromium: run \`${isRoot ? '' : 'sudo '}apt-get install -y chromium\` (or set CHROMIUM_PATH to a Chromium or Chrome binary), then npm test again.`;
}

/**
 * What to do: nothing when the browser is there; install when the default path is missing and
 * this process may install it; otherwise explain. A CHROMIUM_PATH that points nowhere is a
 * mistake to report, not something an install would fix.
 */
export function plan({
  exists,
  customPath,
  isRoot,
  hasApt,
}: {
  exists: boolean;
  customPath: boolean;
  isRoot: boolean;
  hasApt: boolean;
}): 'ok' | 'install' | 'explain' {
  if (exists) return 'ok';
  if (!customPath && isRoot && hasApt) return 'install';
  return 'explain';
}

function install(): boolean {
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
  ]) {
    const r = spawnSync('apt-get', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) {
      process.stderr.write(`${r.stderr}\n`);
      return false;
    }
  }
  return existsSync(DEFAULT_CHROMIUM);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const action = plan({
    exists: existsSync(chromiumPath()),
    customPath: Boolean(process.env.CHROMIUM_PATH),
    isRoot: process.getuid?.() === 0,
    hasApt: spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
  });
  if (action === 'install') {
    console.log(
      "Chromium is missing: installing Debian's chromium for the browser tests (apt-get install -y chromium)…",
    );
    if (!install()) console.log(missingBrowserHint());
  } else if (action === 'explain') {
    console.log(missingBrowserHint());
  }
}
