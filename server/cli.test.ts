import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databases, postgresUrl, useDatabase } from '../test/pg';
import { CliError, USAGE, main, runCli } from './cli';
import { findToken, hashSecret, listTokens } from './store/tokens';

describe.each(databases)('CLI on $name', (target) => {
  const ctx = useDatabase(target);
  const run = async (line: string) => {
    const out: string[] = [];
    await runCli(line.split(' '), ctx.db.pool, {
      out: (l) => out.push(l),
      now: () => new Date('2026-11-16T02:00:00Z'),
    });
    return out;
  };

  it('token create prints the secret once and stores only its hash', async () => {
    const out = await run('token create --name Li --role supervisor');
    const secret = out[out.length - 1]!;
    expect(secret).toMatch(/^cdt_[\w-]{43}$/);
    const { rows } = await ctx.db.pool.query('SELECT hash FROM tokens');
    expect(rows).toEqual([{ hash: hashSecret(secret) }]);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
    expect(await findToken(ctx.db.pool, secret)).toMatchObject({ name: 'Li', role: 'supervisor' });
    const listed = (await run('token list')).join('\n');
    expect(listed).toContain('supervisor');
    expect(listed).not.toContain(secret);
  });

  it('token create says where the secret goes: the extension for a team member, the admin API for an admin', async () => {
    expect((await run('token create --name Li --role agent')).join('\n')).toContain(
      "paste it into the extension's options",
    );
    const admin = (await run('token create --name Ops --role admin')).join('\n');
    expect(admin).toContain('admin API');
    expect(admin).not.toContain('extension');
  });

  it('token create --department names a policy department; list shows it', async () => {
    await run('token create --name Wang --role handler --department quality');
    expect((await listTokens(ctx.db.pool))[0]).toMatchObject({ department: 'quality' });
    expect((await run('token list'))[0]).toMatch(/handler\s+quality\s/);
    await expect(run('token create --name X --role agent --department marketing')).rejects.toThrow(
      /Unknown department "marketing"; use one of customer_service, quality/,
    );
    expect(await listTokens(ctx.db.pool)).toHaveLength(1);
  });

  it('token revoke takes effect at once', async () => {
    const out = await run('token create --name Wu --role agent');
    const secret = out[out.length - 1]!;
    const [token] = await listTokens(ctx.db.pool);
    await run(`token revoke ${token!.id}`);
    expect(await findToken(ctx.db.pool, secret)).toBeUndefined();
    expect((await run('token list'))[0]).toContain('revoked');
    await expect(run(`token revoke ${token!.id}`)).rejects.toThrow(CliError);
  });

  it('site add registers origins, normalized, and merges on repeat', async () => {
    await run('site add shop --origin https://shop.example.com/');
    await run(
      'site add shop --origin https://m.shop.example.com --origin https://shop.example.com',
    );
    expect(await run('site list')).toEqual([
      'shop  https://m.shop.example.com, https://shop.example.com',
    ]);
    await run('site remove shop');
    expect(await run('site list')).toEqual(['No sites.']);
  });

  it.each([
    ['', /No command/],
    ['token create --role agent', /--name/],
    ['token create --name X --role boss', /"boss" is not a role: use agent, handler/],
    ['token', /token needs a command: create, list or revoke/],
    ['site', /site needs a command: add, list or remove/],
    ['token revoke', /token id/],
    ['site add shop', /--origin/],
    ['site add shop --origin ftp://x', /origin/],
    ['site add shop --origin https://x.example/path', /only scheme, host and port/],
    ['site add bad/key --origin https://x.example', /site key/],
    ['launch rockets', /Unknown command/],
    ['token list extra', /Unexpected argument: extra\./],
    ['token revoke a b', /Unexpected argument: b\./],
    ['complainant export x --phone 1', /Unexpected argument: x\./],
  ])('refuses "%s"', async (line, message) => {
    await expect(run(line)).rejects.toThrow(message);
  });
});

describe('CLI entry', () => {
  it('prints usage and exits 2 without a command', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', new URL('./cli.ts', import.meta.url).pathname],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(USAGE.split('\n')[0]);
    // Someone who typed `npm run server` to run the server learns how.
    expect(r.stderr).toContain('node --import tsx server/main.ts');
  });

  /** `main` in this process: exit code and what it wrote to stdout and stderr. */
  async function cli(line: string, env: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(line.split(' '), env, {
      log: (l) => out.push(l),
      error: (l) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('answers a bad command line with its one sentence and where the rest is, exit 2', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
    try {
      const env = { DATA_DIR: dataDir };
      for (const [line, sentence] of [
        ['token', 'token needs a command: create, list or revoke.'],
        ['token create --name X --role boss', '"boss" is not a role: use agent, handler,'],
        ['token list --bogus', 'Unknown option --bogus.'],
        ['token create --name', '--name needs a value.'],
        ['tokens list', 'Unknown command: tokens list.'],
      ] as const) {
        const r = await cli(line, env);
        expect(r.code, line).toBe(2);
        expect(r.err.split('\n'), line).toEqual([
          expect.stringContaining(sentence),
          'Every command: npm run server -- --help',
        ]);
      }
      // Well formed but nothing to act on: what to look at instead, no usage, exit 1.
      const revoke = await cli('token revoke 0000', env);
      expect(revoke).toEqual({
        code: 1,
        out: '',
        err: 'No active token with id 0000: see npm run server -- token list for the ids.',
      });
      const site = await cli('site remove shop', env);
      expect(site.code).toBe(1);
      expect(site.err).toBe('No site shop: see npm run server -- site list for the keys.');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('says what to do when the database cannot be opened, exit 1, no password', async () => {
    const refused = await cli('token list', {
      DATABASE_URL: 'postgres://desk:s3cret@127.0.0.1:1/desk',
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^Cannot reach PostgreSQL at postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/desk \(.*ECONNREFUSED.*\): start it, or correct DATABASE_URL\.$/,
    );
    expect(await cli('token list', { DATABASE_URL: 'desk-db' })).toEqual({
      code: 1,
      out: '',
      err: 'DATABASE_URL is not a PostgreSQL URL: use postgres://user:password@host:5432/database.',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'cd-cli-')), 'a-file');
    writeFileSync(file, '');
    const notDir = await cli('token list', { DATA_DIR: file });
    expect(notDir.code).toBe(1);
    expect(notDir.err).toMatch(
      new RegExp(
        `^Cannot use DATA_DIR=${file} for the embedded database \\(.*\\): point DATA_DIR at a folder this user can write\\.$`,
      ),
    );
    expect((await cli('token list', { PORT: 'x' })).err).toBe(
      'PORT=x is not valid: use a whole number from 0 to 65535.',
    );
  });

  // PostgreSQL only (listed with the other storage tests when TEST_DATABASE_URL is set).
  for (const _ of databases.filter((d) => d.name === 'postgres'))
    it('names a PostgreSQL database that does not exist', async () => {
      const url = new URL(postgresUrl!);
      url.pathname = '/cd_no_such_database';
      const r = await cli('token list', { DATABASE_URL: url.toString() });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^PostgreSQL has no such database \(.*cd_no_such_database\): create it/,
      );
    });

  it('the process itself: one line on stderr, no stack trace, exit 1', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', new URL('./cli.ts', import.meta.url).pathname, 'token', 'list'],
      {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: 'postgres://desk@127.0.0.1:1/desk' },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Cannot reach PostgreSQL/),
    ]);
  }, 60_000);

  it('creates a token in DATA_DIR from the command line', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
    try {
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          new URL('./cli.ts', import.meta.url).pathname,
          'token',
          'create',
          '--name',
          'Ops',
          '--role',
          'admin',
        ],
        { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Created token .* for Ops \(admin\)/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
