/**
 * `npm start` runs this: the Complaint Desk server. Settings come from the environment (PORT,
 * HOST, DATA_DIR, DATABASE_URL, INTAKE_RATE_PER_MIN, TRUST_PROXY, BODY_LIMIT_KB, POLICY_FILE).
 */
import { configFromEnv } from './config';
import { createLogger } from './log';
import { startBanner, startServer } from './server';

const log = createLogger();
try {
  const config = configFromEnv();
  const server = await startServer(config, log);
  process.stderr.write(
    `${startBanner({ url: server.url, adminToken: server.adminToken, config })}\n`,
  );
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
  log.error('cannot start', { error: (err as Error).message });
  process.stderr.write(`Cannot start: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
