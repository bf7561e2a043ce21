import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Pool } from 'pg';
import type { Policy } from '../shared/policy/policy';
import { resolvePolicy } from '../shared/policy/resolve-policy';
import { createApp } from './app';
import { withTransaction } from './db/transaction';
import type { ServerConfig } from './config';
import { migrate } from './db/migrate';
import { startJobs } from './jobs/index';
import { type Database, openDatabase } from './db/open-database';
import type { Logger } from './log';
import { Notifier } from './notify/worker';
import { livePolicy, policyVersion, watchPolicy } from './policy-watch';
import { loadPolicyDocument, savePolicyDocument } from './store/policy';
import { addSite } from './store/sites';
import { countTokens, createToken } from './store/tokens';

export interface RunningServer {
  url: string;
  db: Database;
  /** Set when the database had no live admin token (the first start): to print once. */
  adminToken?: string;
  /** Stops accepting connections, waits for requests in flight (≤ `graceMs`), closes the database. */
  close(graceMs?: number): Promise<void>;
}

export const EXTENSION_DIR = fileURLToPath(
  new URL('../extension/.output/chrome-mv3', import.meta.url),
);

/** The organisation's policy: POLICY_FILE (stored, so the admin API sees it) or the stored one. */
async function loadPolicy(db: Database, config: ServerConfig, now: Date): Promise<Policy> {
  if (config.policyFile) {
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(config.policyFile, 'utf8'));
    } catch (err) {
      throw new Error(
        `POLICY_FILE ${config.policyFile} is not readable JSON: ${(err as Error).message}`,
      );
    }
    const saved = await savePolicyDocument(db.pool, document, now);
    if (!saved.ok) {
      const issues = saved.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
      throw new Error(`POLICY_FILE ${config.policyFile} is not a valid policy: ${issues}`);
    }
    return saved.policy;
  }
  const resolved = resolvePolicy((await loadPolicyDocument(db.pool)) ?? {});
  if (!resolved.ok)
    throw new Error(
      'The stored policy is no longer valid; replace it with PUT /api/v1/admin/policy.',
    );
  return resolved.policy;
}

/**
 * Opens the database (embedded PGlite in DATA_DIR unless DATABASE_URL), migrates it, loads the
 * policy, creates the first admin token on an empty database, and listens.
 */
export async function startServer(
  config: ServerConfig,
  log: Logger,
  now: () => Date = () => new Date(),
): Promise<RunningServer> {
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    const applied = await migrate(db.pool);
    if (applied.length > 0) log.info('migrations applied', { versions: applied });
    const policy = await loadPolicy(db, config, now());

    const adminToken = await firstStart(db, now());
    // Without its secret: the log tells an operator when and which token was made.
    if (adminToken) log.info('admin token created', { tokenId: adminToken.id, role: 'admin' });
    if (!adminToken && (await countTokens(db.pool, 'admin')) === 0) {
      // Never mint an admin silently after the last one was revoked: whoever restarts the
      // server would get one. Recovery takes shell access to the database.
      log.warn('no live admin token', { recover: RECOVER_ADMIN });
    }

    const live = livePolicy(policy);
    // Several processes on one PostgreSQL: a policy saved through another one comes into force.
    const stopWatching =
      db.kind === 'postgres'
        ? watchPolicy(db.pool, live, {
            intervalMs: config.policyPollMs,
            log,
            version: await policyVersion(db.pool),
          })
        : () => {};

    const app = createApp({ db, policy, now, config, log, live });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
        resolve(s as Server),
      );
      (s as Server).once('error', reject);
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    log.info('listening', { url, database: db.kind, where: db.label });
    const jobs = startJobs(db.pool, log, now);
    const notifier = new Notifier(db.pool, config.notify, { now, log });
    notifier.start();

    let closing: Promise<void> | undefined;
    return {
      url,
      db,
      ...(adminToken ? { adminToken: adminToken.secret } : {}),
      close(graceMs = 10_000) {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              server.closeAllConnections();
              resolve();
            }, graceMs);
            server.close(() => {
              clearTimeout(timer);
              resolve();
            });
            server.closeIdleConnections();
          });
          await jobs.stop();
          await notifier.stop();
          stopWatching();
          await db.close();
          log.info('stopped', {});
        })();
        return closing;
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** How to get an admin token back when none is left. */
export const RECOVER_ADMIN =
  'npm run server -- token create --name "NAME" --role admin (with the same DATA_DIR or DATABASE_URL)';

/** Arbitrary constant: processes starting together on an empty database mint one admin. */
const FIRST_START_LOCK = 72_610_003;

/**
 * On an empty database (no token was ever made): the first admin token and the demo site.
 * Returns the token's id and secret, or undefined when this is not the first start.
 */
async function firstStart(
  db: Database,
  now: Date,
): Promise<{ id: string; secret: string } | undefined> {
  return withTransaction(db.pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [FIRST_START_LOCK]);
    const { rows } = await client.query('SELECT 1 FROM tokens LIMIT 1');
    if (rows.length > 0) return undefined;
    const pool = client as unknown as Pool;
    const token = await createToken(pool, { name: 'First admin', role: 'admin', now });
    // The demo page submits for this site; same-origin pages need no origins.
    await addSite(pool, 'demo', [], now);
    return { id: token.id, secret: token.secret };
  });
}

/** Where the extension build leaves the Firefox add-on (its manifest is what Firefox loads). */
export const FIREFOX_DIR = fileURLToPath(
  new URL('../extension/.output/firefox-mv2', import.meta.url),
);

/** A shell word: quoted only when it needs to be. */
const shellWord = (s: string) => (/^[\w./:@-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

/**
 * A CLI command against this server's database, as it can be pasted: with DATA_DIR when it is not
 * the default, and saying which DATABASE_URL (never printing it: it may hold a password).
 */
export function cliCommand(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>,
  args: string,
): string {
  const command = `npm run server -- ${args}`;
  if (config.databaseUrl) return `DATABASE_URL=<the server's> ${command}`;
  const dir = config.dataDir.replace(/\/+$/, '');
  return dir === './data' || dir === 'data' ? command : `DATA_DIR=${shellWord(dir)} ${command}`;
}

/** The command that makes a new admin token against this server's database. */
export function recoverAdminCommand(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): string {
  return cliCommand(config, 'token create --name "NAME" --role admin');
}

/** "with the server stopped" only where it must be: the embedded database opens in one process. */
const cliWhen = (config: Pick<ServerConfig, 'databaseUrl'>) =>
  config.databaseUrl ? 'or from a shell' : 'or, with the server stopped';

/**
 * A production start (no `--summary`) on an empty database: the admin token, shown once, on
 * stderr — never in the JSON log — with what it is for.
 */
export function adminTokenNotice(
  adminToken: string,
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>,
): string {
  return [
    `Admin token (shown only now; keep it safe): ${adminToken}`,
    'It makes each person a token of their own: POST /api/v1/admin/tokens with it, ' +
      `${cliWhen(config)}: ${cliCommand(config, 'token create --name NAME --role ROLE')}`,
  ].join('\n');
}

export interface BannerInput {
  url: string;
  /** Only on the first start: the admin token, shown this once. */
  adminToken?: string | undefined;
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>;
}

/**
 * What a person needs at every start (on stderr, beside the JSON log): the URL for the extension's
 * options, the demo form, where the unpacked extension is; on the first start the admin token
 * (shown once), later how to get a new one if it was lost.
 */
export function startBanner({ url, adminToken, config }: BannerInput): string {
  const built = existsSync(EXTENSION_DIR);
  const lines = [
    '',
    `Complaint Desk server — ${adminToken ? 'first start' : 'running'}`,
    ...(adminToken ? [`  Admin token (shown only now; keep it safe): ${adminToken}`] : []),
    `  Server URL for the extension's options: ${url}`,
    `  Demo form: ${url}/`,
    ...(built
      ? [
          '  Unpacked extension:',
          `    Chrome/Edge: chrome://extensions, Developer mode, "Load unpacked" → ${EXTENSION_DIR}`,
          `    Firefox: about:debugging#/runtime/this-firefox, "Load Temporary Add-on" → ${FIREFOX_DIR}/manifest.json`,
        ]
      : ['  The extension is not built yet: npm run build']),
  ];
  if (adminToken) {
    lines.push(
      // The admin role manages tokens and rules but may not act on cases, so a newcomer who
      // pastes it into the extension sees every action refused: say so, with the command.
      '  The admin token manages tokens and rules; to handle complaints, give each person a token',
      '  of their own (role agent, supervisor or manager), for example while the server runs:',
      `    curl -s -X POST ${url}/api/v1/admin/tokens -H "Authorization: Bearer ${adminToken}" -H "Content-Type: application/json" -d '{"name":"Your name","role":"supervisor"}'`,
      `  ${cliWhen(config)}: ${cliCommand(config, 'token create --name NAME --role ROLE')}`,
    );
  } else {
    // The token is stored hashed: a lost one cannot be shown again, only replaced.
    // The embedded database opens in one process only: the command needs the server stopped.
    const how = config.databaseUrl
      ? 'Make a new one'
      : 'Stop the server (Ctrl+C), then make a new one';
    lines.push(`  Lost the admin token? ${how}:`, `    ${recoverAdminCommand(config)}`);
  }
  lines.push('');
  return lines.join('\n');
}
