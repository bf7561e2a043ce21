import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../test/pg';
import { USAGE, UsageError, runCli } from './cli';
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
    await expect(run(`token revoke ${token!.id}`)).rejects.toThrow(UsageError);
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
    ['token create --name X --role boss', /--role/],
    ['token revoke', /token id/],
    ['site add shop', /--origin/],
    ['site add shop --origin ftp://x', /origin/],
    ['site add shop --origin https://x.example/path', /only scheme, host and port/],
    ['site add bad/key --origin https://x.example', /site key/],
    ['launch rockets', /Unknown command/],
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
    expect(r.stdout).toContain(USAGE.split('\n')[0]);
  });

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
