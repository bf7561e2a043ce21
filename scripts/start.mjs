#!/usr/bin/env node
/**
 * `npm start`: builds everything, then starts the server (embedded database in ./data unless
 * DATABASE_URL is set) serving the API, the widget and the demo page. Prints where the unpacked
 * extension is.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
build({ zip: false, quiet: true });

const chrome = `${root}extension/.output/chrome-mv3`;
const firefox = `${root}extension/.output/firefox-mv2`;
if (existsSync(chrome)) {
  console.log(`
Unpacked extension:
  Chrome/Edge: open chrome://extensions, turn on Developer mode, "Load unpacked" → ${chrome}
  Firefox:     open about:debugging#/runtime/this-firefox, "Load Temporary Add-on" → ${firefox}/manifest.json`);
}

if (!existsSync(`${root}server/main.ts`)) {
  console.log('\nThe server is not part of this build yet; nothing more to start.');
  process.exit(0);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
