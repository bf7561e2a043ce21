/**
 * `npm run server -- <command>` (node --import tsx server/cli.ts): tokens and sites, run against
 * the same database as the server (DATA_DIR or DATABASE_URL). The embedded database can be open
 * in one process only: stop the server first, or use the admin API (/api/v1/admin/*).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Pool } from 'pg';
import { ROLES } from '../shared/schema/codes';
import { configFromEnv } from './config';
import { databaseProblem } from './db/database-problem';
import { DataDirLockedError } from './db/lock-file';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { resolvePolicy } from '../shared/policy/resolve-policy';
import { message } from './messages';
import { eraseComplainant, exportComplainant } from './privacy/complainant-data';
import { loadPolicyDocument } from './store/policy';
import { addSite, listSites, removeSite } from './store/sites';
import { createToken, isRole, listTokens, revokeToken } from './store/tokens';

export const USAGE = `Usage: npm run server -- <command>

  token create --name NAME --role ${ROLES.join('|')} [--department CODE]
                                    create an API token (its secret is printed once); the
                                    department is one of the policy's, for the team list
  token list                        list tokens (never their secrets)
  token revoke ID                   revoke a token at once
  site add KEY --origin URL [--origin URL …]
                                    allow pages on these origins to embed the form for site KEY
  site list                         list sites and their origins
  site remove KEY                   remove a site
  complainant export --phone P | --email E
                                    print everything stored about one complainant (PIPL), as JSON
  complainant erase --phone P | --email E --reason TEXT
                                    erase their finished complaints' personal data (PIPL)

The database is DATA_DIR (default ./data) or DATABASE_URL, as for the server.
The server itself is not a command here: npm start to try it out, node --import tsx server/main.ts
in production.`;

/** A bad command line: the message, then where the full usage is (exit code 2). */
export class UsageError extends Error {}

/** A well-formed command that cannot be done (no such token or site): the message only (exit 1). */
export class CliError extends Error {}

const COMMANDS: Record<string, string> = {
  token: 'create, list or revoke',
  site: 'add, list or remove',
  complainant: 'export or erase',
};

export interface CliIo {
  out: (line: string) => void;
  now: () => Date;
}

/** Runs one command against `pool`; throws UsageError for a bad command line. */
export async function runCli(argv: string[], pool: Pool, io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string' },
      origin: { type: 'string', multiple: true },
      phone: { type: 'string' },
      email: { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const [group, command, arg, ...rest] = positionals;
  // Only revoke, add and remove take a word after the command; `token list extra` was accepted.
  const extra = ['revoke', 'add', 'remove'].includes(command ?? '') ? rest : positionals.slice(2);
  if (group && COMMANDS[group] && command && extra.length > 0)
    throw new UsageError(`Unexpected argument: ${extra.join(' ')}.`);

  if (group === 'token' && command === 'create') {
    if (!values.name) throw new UsageError('token create needs --name NAME');
    if (!values.role) throw new UsageError(`token create needs --role ${ROLES.join('|')}`);
    if (!isRole(values.role))
      throw new UsageError(`"${values.role}" is not a role: use ${ROLES.join(', ')}.`);
    const department = values.department?.trim() || undefined;
    if (department) {
      const policy = resolvePolicy((await loadPolicyDocument(pool)) ?? {});
      const codes = policy.ok ? policy.policy.departments.map((d) => d.code) : [];
      if (!codes.includes(department))
        throw new UsageError(
          `Unknown department "${department}"; use one of ${codes.join(', ') || '(none: fix the policy)'}.`,
        );
    }
    const token = await createToken(pool, {
      name: values.name,
      role: values.role,
      department,
      now: io.now(),
    });
    io.out(
      `Created token ${token.id} for ${token.name} (${token.role}${token.department ? `, ${token.department}` : ''}).`,
    );
    // An admin token works the admin API (tokens, sites, policy), not the extension's queue.
    io.out(
      token.role === 'admin'
        ? 'Secret (shown only now; keep it safe — it makes tokens and sites on the admin API):'
        : "Secret (shown only now; paste it into the extension's options):",
    );
    io.out(token.secret);
    return;
  }
  if (group === 'token' && command === 'list') {
    const tokens = await listTokens(pool);
    if (tokens.length === 0) io.out('No tokens.');
    for (const t of tokens) {
      io.out(
        `${t.id}  ${t.role.padEnd(10)}  ${(t.department ?? '-').padEnd(16)}  ${t.createdAt}  ${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}  ${t.name}`,
      );
    }
    return;
  }
  if (group === 'token' && command === 'revoke') {
    if (!arg) throw new UsageError('token revoke needs the token id (see token list)');
    if (!(await revokeToken(pool, arg, io.now())))
      throw new CliError(
        `No active token with id ${arg}: see npm run server -- token list for the ids.`,
      );
    io.out(`Revoked token ${arg}.`);
    return;
  }
  if (group === 'site' && command === 'add') {
    if (!arg) throw new UsageError('site add needs a KEY');
    if (!values.origin?.length)
      throw new UsageError('site add needs at least one --origin https://…');
    try {
      const site = await addSite(pool, arg, values.origin, io.now());
      io.out(`Site ${site.key}: ${site.origins.join(', ')}`);
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    }
    return;
  }
  if (group === 'site' && command === 'list') {
    const sites = await listSites(pool);
    if (sites.length === 0) io.out('No sites.');
    for (const s of sites) io.out(`${s.key}  ${s.origins.join(', ') || '(same origin only)'}`);
    return;
  }
  if (group === 'site' && command === 'remove') {
    if (!arg) throw new UsageError('site remove needs a KEY');
    if (!(await removeSite(pool, arg)))
      throw new CliError(`No site ${arg}: see npm run server -- site list for the keys.`);
    io.out(`Removed site ${arg}.`);
    return;
  }
  if (group === 'complainant' && (command === 'export' || command === 'erase')) {
    await complainantCommand(command, values, pool, io);
    return;
  }
  if (group && COMMANDS[group] && !command)
    throw new UsageError(`${group} needs a command: ${COMMANDS[group]}.`);
  throw new UsageError(
    group ? `Unknown command: ${[group, command].filter(Boolean).join(' ')}.` : 'No command given.',
  );
}

/** `complainant export|erase` (docs/rules.md R-PIPL-2): the same functions as the admin API. */
async function complainantCommand(
  command: 'export' | 'erase',
  values: { phone?: string; email?: string; reason?: string },
  pool: Pool,
  io: CliIo,
): Promise<void> {
  const contact = { phone: values.phone, email: values.email };
  if (!contact.phone && !contact.email) {
    throw new UsageError(`complainant ${command} needs --phone or --email`);
  }
  if (command === 'export') {
    io.out(JSON.stringify(await exportComplainant(pool, contact, io.now()), null, 2));
    return;
  }
  if (!values.reason?.trim()) throw new UsageError('complainant erase needs --reason TEXT');
  const policy = resolvePolicy((await loadPolicyDocument(pool)) ?? {});
  if (!policy.ok) throw new Error('The stored policy is not valid; fix it before erasing.');
  const result = await eraseComplainant(pool, contact, {
    policy: policy.policy,
    now: io.now(),
    actor: { id: 'cli', name: 'Command line', role: 'admin' },
    reason: values.reason.trim(),
    tokenId: null,
  });
  io.out(`Erased the personal data of ${result.erased.length} complaint(s).`);
  for (const s of result.skipped) io.out(`Skipped ${s.id}: ${message('en', s.reason)}`);
}

/** Where the CLI's own lines go (tests pass arrays). */
export interface CliConsole {
  log: (line: string) => void;
  error: (line: string) => void;
}

/**
 * The command line as a whole: opens the database, runs one command, and turns every failure into
 * one sentence on stderr with a non-zero exit code — 2 for a bad command line, 1 for anything
 * else — never a stack trace.
 */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliConsole = console,
): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    (argv.length === 0 ? io.error : io.log)(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  let config: ReturnType<typeof configFromEnv>;
  try {
    config = configFromEnv(env);
  } catch (err) {
    io.error((err as Error).message);
    return 1;
  }
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
    );
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      io.error(
        `${err.message}\nThe server is probably running: stop it, or do this through the admin API ` +
          '(/api/v1/admin/tokens, /api/v1/admin/sites) with an admin token.',
      );
      return 1;
    }
    io.error(databaseProblem(err, config) ?? `Cannot open the database: ${(err as Error).message}`);
    return 1;
  }
  try {
    await migrate(db.pool);
    await runCli(argv, db.pool, { out: io.log, now: () => new Date() });
    return 0;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // Node's own text advises "place it after '--'", which is no help here.
      const option = /'([^']+)'/.exec((err as Error).message)?.[1] ?? 'given';
      io.error(`Unknown option ${option}.\n${MORE}`);
      return 2;
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /'(--\w+)/.exec((err as Error).message)?.[1];
      if (option) {
        io.error(`${option} needs a value.\n${MORE}`);
        return 2;
      }
    }
    if (err instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.error(`${(err as Error).message}\n${MORE}`);
      return 2;
    }
    io.error(
      err instanceof CliError
        ? err.message
        : (databaseProblem(err, config) ?? `Failed: ${(err as Error).message}`),
    );
    return 1;
  } finally {
    await db.close();
  }
}

/** After a usage error: the one sentence first, then where the rest is (not all 20 lines). */
const MORE = 'Every command: npm run server -- --help';

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
