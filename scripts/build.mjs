#!/usr/bin/env node
/**
 * `npm run build`: the widget (ES + IIFE) and the extension for Chrome/Edge (MV3) and Firefox,
 * plus store zips. Each step runs only when its part exists, and says what it produced.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;

/** Runs one step; `quiet` keeps its output unless it fails (then all of it is shown). */
function run(label, cmd, args, quiet) {
  process.stdout.write(`▸ ${label}${quiet ? ' …' : '\n'}`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    if (quiet) process.stdout.write(`\n${r.stdout}${r.stderr}`);
    console.error(`✗ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  if (quiet) process.stdout.write(' done\n');
}

/**
 * Builds what exists; returns what it built and where. `quiet` (npm start) shows one line per
 * step instead of the tools' file listings; `npm run build` shows everything.
 */
export function build({ zip = true, quiet = false } = {}) {
  const done = [];
  if (existsSync(`${root}widget/build.ts`)) {
    run(
      'widget: ES module + IIFE → widget/dist/',
      process.execPath,
      ['--import', 'tsx', 'widget/build.ts'],
      quiet,
    );
    done.push(
      'widget/dist/complaint-form.js (ES), widget/dist/complaint-form.iife.js, widget/dist/custom-elements.json',
    );
  }
  if (existsSync(`${root}extension/wxt.config.ts`)) {
    run(
      'extension: Chrome/Edge MV3 → extension/.output/chrome-mv3/',
      bin('wxt'),
      ['build', 'extension'],
      quiet,
    );
    run(
      'extension: Firefox → extension/.output/firefox-mv2/',
      bin('wxt'),
      ['build', 'extension', '-b', 'firefox'],
      quiet,
    );
    done.push('extension/.output/chrome-mv3/', 'extension/.output/firefox-mv2/');
    if (zip) {
      run('extension: store zips', bin('wxt'), ['zip', 'extension'], quiet);
      run('extension: Firefox zip', bin('wxt'), ['zip', 'extension', '-b', 'firefox'], quiet);
      done.push('extension/.output/*.zip');
    }
  }
  return done;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const done = build();
  console.log(done.length ? `\nBuilt:\n  ${done.join('\n  ')}` : '\nNothing to build yet.');
}
