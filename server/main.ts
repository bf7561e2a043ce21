/**
 * The Complaint Desk server: `node --import tsx server/main.ts` in production, `npm start` (which
 * adds `--summary`) to try it out. Settings come from the environment (PORT, HOST, DATA_DIR,
 * DATABASE_URL, INTAKE_RATE_PER_MIN, TRUST_PROXY, BODY_LIMIT_KB, POLICY_FILE, LOG_REQUESTS…).
 */
import { type ServerConfig, configFromEnv } from './config';
import { databaseProblem } from './db/database-problem';
import { createLogger } from './log';
import { adminTokenNotice, startBanner, startServer } from './server';

/**
 * `--summary` (npm start): the friendly start-up summary for a person at a terminal. Without it
 * (an operator's service) the JSON log is the output and its `listening` line says where; only the
 * first start's admin token goes to stderr, since a secret has no place in a log line.
 */
const summary = process.argv.slice(2).includes('--summary');
const log = createLogger();
let config: ServerConfig | undefined;
try {
  config = configFromEnv();
  const server = await startServer(config, log);
  if (summary)
    process.stderr.write(
      `${startBanner({ url: server.url, adminToken: server.adminToken, config })}\n`,
    );
  else if (server.adminToken)
    process.stderr.write(`${adminTokenNotice(server.adminToken, config)}\n`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1); // a second signal: do not wait any longer
      stopping = true;
      log.info('shutting down', { signal });
      server.close().then(
        () => process.exit(0),
        (err: Error) => {
          log.error('shutdown failed', { error: err.message });
          process.exit(1);
        },
      );
    });
  }
} catch (err) {
  const problem = config ? databaseProblem(err, config) : undefined;
  const text = problem ?? (err as Error).message;
  log.error('cannot start', { error: text });
  if (summary) process.stderr.write(`Cannot start: ${text}\n`);
  process.exitCode = 1;
}
