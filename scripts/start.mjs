#!/usr/bin/env node
/**
 * `npm start`: builds everything, then starts the server (embedded database in ./data unless
 * DATABASE_URL is set) serving the API, the widget and the demo page. The server prints what a
 * person needs (URL, demo, unpacked extension, the admin token once) at every start.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
build({ zip: false, quiet: true });

// --summary: the start-up summary for a person (production starts write only the JSON log).
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--summary'], {
  cwd: root,
  stdio: 'inherit',
  // One person trying things out: a line per failed or slow request, not per file and poll.
  env: { ...process.env, LOG_REQUESTS: process.env.LOG_REQUESTS || 'problems' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
