import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultAppConfig } from './config';
import { LOCK_FILE } from './db/open-database';
import { createLogger, silentLogger } from './log';
import { runCli } from './cli';
import { adminTokenNotice, recoverAdminCommand, startBanner, startServer } from './server';
import { listTokens, revokeToken } from './store/tokens';
import { validSubmission } from '../test/support/server';

const dataDir = mkdtempSync(join(tmpdir(), 'cd-server-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const config = {
  ...defaultAppConfig,
  port: 0,
  host: '127.0.0.1',
  dataDir,
  databaseUrl: undefined,
  policyFile: undefined,
  policyPollMs: 2_000,
};

describe('startServer (embedded database)', () => {
  it('creates an admin token on the first start only, serves, and keeps data across restarts', async () => {
    const first = await startServer(config, silentLogger);
    expect(first.adminToken).toMatch(/^cdt_/);
    const firstBanner = startBanner({ url: first.url, adminToken: first.adminToken, config });
    expect(firstBanner).toContain(
      `Admin token (shown only now; keep it safe): ${first.adminToken}`,
    );
    expect(firstBanner).not.toContain('Lost the admin token');
    // The person's-token command names this DATA_DIR, as the recovery command does.
    expect(firstBanner).toContain(
      `or, with the server stopped: DATA_DIR=${dataDir} npm run server -- token create --name NAME --role ROLE`,
    );
    const submission = validSubmission();
    const res = await fetch(`${first.url}/api/v1/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
    });
    expect(res.status).toBe(201);
    const list = await fetch(`${first.url}/api/v1/complaints`, {
      headers: { authorization: `Bearer ${first.adminToken}` },
    });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const second = await startServer(config, silentLogger);
    try {
      expect(second.adminToken).toBeUndefined();
      // The same summary at every start, minus the token, plus how to replace a lost one.
      const banner = startBanner({ url: second.url, adminToken: second.adminToken, config });
      expect(banner).toContain(`Server URL for the extension's options: ${second.url}`);
      expect(banner).toContain(`Demo form: ${second.url}/`);
      expect(banner).toMatch(/Unpacked extension:|The extension is not built yet/);
      expect(banner).not.toContain(first.adminToken);
      expect(banner).toContain(
        `Lost the admin token? Stop the server (Ctrl+C), then make a new one:`,
      );
      expect(banner).toContain(recoverAdminCommand(config));
      const again = await fetch(`${second.url}/api/v1/complaints`, {
        headers: { authorization: `Bearer ${first.adminToken}` },
      });
      expect(((await again.json()) as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([
        submission.id,
      ]);
      // The last admin is revoked: the next start must not mint a new one for whoever starts it.
      const [admin] = await listTokens(second.db.pool);
      expect(await revokeToken(second.db.pool, admin!.id, new Date())).toBe(true);
    } finally {
      await second.close();
    }
    const lines: string[] = [];
    const third = await startServer(
      config,
      createLogger((line) => lines.push(line)),
    );
    try {
      expect(third.adminToken).toBeUndefined();
      expect(await listTokens(third.db.pool)).toHaveLength(1);
      const warning = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'no live admin token');
      expect(warning?.recover).toContain('token create');
      expect(warning?.recover).toContain('--role admin');
      // The banner's recovery command, run as printed (DATA_DIR=this one), mints a working admin.
      const command = recoverAdminCommand(config);
      expect(command.startsWith(`DATA_DIR=${dataDir} npm run server -- `)).toBe(true);
      const argv = [...command.split(' -- ')[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map(
        (m) => m[1] ?? m[2]!,
      );
      const out: string[] = [];
      await runCli(argv, third.db.pool, { out: (l) => out.push(l), now: () => new Date() });
      const secret = /cdt_\S+/.exec(out.join('\n'))?.[0];
      expect(secret).toBeDefined();
      const tokens = await fetch(`${third.url}/api/v1/admin/tokens`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(tokens.status).toBe(200);
    } finally {
      await third.close();
    }
  }, 120_000);

  it("prints a command for a person's token that works as printed while the server runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-banner-'));
    const server = await startServer({ ...config, dataDir: dir }, silentLogger);
    try {
      const banner = startBanner({ url: server.url, adminToken: server.adminToken, config });
      expect(banner).toContain(server.adminToken);
      // The banner's command for a person's token works as printed while the server runs.
      const curl = /curl -s -X POST (\S+) -H "Authorization: (Bearer \S+)" .* -d '(.+)'/.exec(
        banner,
      );
      expect(curl).not.toBeNull();
      const minted = await fetch(curl![1]!, {
        method: 'POST',
        headers: { authorization: curl![2]!, 'content-type': 'application/json' },
        body: curl![3]!,
      });
      expect(minted.status).toBe(201);
      expect(await minted.json()).toMatchObject({
        role: 'supervisor',
        secret: expect.stringMatching(/^cdt_/),
      });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('server/main.ts', () => {
  /** main.ts as `npm start` runs it, until SIGTERM: its stdout (JSON log) and stderr (summary). */
  async function runMain(dir: string, env: Record<string, string>, args: string[] = []) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./main.ts', import.meta.url).pathname, ...args],
      { env: { ...process.env, PORT: '0', DATA_DIR: dir, DATABASE_URL: '', ...env } },
    );
    const out = { stdout: '', stderr: '' };
    child.stderr.on('data', (d) => {
      out.stderr += d;
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out.stdout += d;
        const m = /"msg":"listening","url":"([^"]+)"/.exec(out.stdout);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${out.stderr}`)));
    });
    for (let i = 0; i < 100 && !out.stderr.includes('token create --name'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const stop = async () => {
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      child.kill('SIGTERM');
      return exited;
    };
    return { url, out, stop };
  }

  it('starts, logs JSON lines, and shuts down cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-main-'));
    try {
      // A production start (no --summary): the JSON log, and only the admin token on stderr.
      const { url, out, stop } = await runMain(dir, {});
      const secret = /Admin token \(shown only now; keep it safe\): (cdt_\S+)/.exec(
        out.stderr,
      )?.[1];
      expect(secret).toBeDefined();
      expect(out.stderr).toBe(
        `${adminTokenNotice(secret!, { dataDir: dir, databaseUrl: undefined })}\n`,
      );
      expect(out.stderr).toContain(`DATA_DIR=${dir} npm run server -- token create`);
      expect((await fetch(`${url}/api/v1/healthz`)).status).toBe(200);
      expect(await stop()).toBe(0);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      for (const line of out.stdout.trim().split('\n'))
        expect(() => JSON.parse(line)).not.toThrow();
      // LOG_REQUESTS unset (production): a line for every request.
      expect(out.stdout).toContain('"path":"/api/v1/healthz","status":200');
      expect(out.stdout).toContain('"msg":"stopped"');
      expect(out.stdout).toMatch(/"msg":"admin token created","tokenId":"[\w-]+","role":"admin"/);
      expect(out.stdout).not.toContain(secret);

      // The next start, as `npm start` runs it: the same summary without the token, how to make
      // a new one, and only the failed request logged.
      const again = await runMain(dir, { LOG_REQUESTS: 'problems' }, ['--summary']);
      expect((await fetch(`${again.url}/api/v1/healthz`)).status).toBe(200);
      expect((await fetch(`${again.url}/nope`)).status).toBe(404);
      expect(await again.stop()).toBe(0);
      expect(again.out.stderr).toContain(`Server URL for the extension's options: ${again.url}`);
      expect(again.out.stderr).toContain(`Demo form: ${again.url}/`);
      expect(again.out.stderr).not.toContain('Admin token (shown only now');
      expect(again.out.stderr).toContain(`DATA_DIR=${dir} npm run server -- token create`);
      const requests = again.out.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((l) => l.msg === 'request');
      expect(requests).toEqual([expect.objectContaining({ path: '/nope', status: 404 })]);

      // A later production start: nothing on stderr at all, one `listening` line says where.
      const third = await runMain(dir, {});
      expect(await third.stop()).toBe(0);
      expect(third.out.stderr).toBe('');
      expect(third.out.stdout).toContain(`"msg":"listening","url":"${third.url}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('server/main.ts cannot start', () => {
  it('a production start says in one JSON line what to do, exit 1, nothing else', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', new URL('./main.ts', import.meta.url).pathname],
      {
        encoding: 'utf8',
        env: { ...process.env, PORT: '0', DATABASE_URL: 'postgres://desk:pw@127.0.0.1:1/desk' },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      msg: 'cannot start',
      error: expect.stringMatching(
        /^Cannot reach PostgreSQL at postgres:\/\/desk:\*\*\*@127\.0\.0\.1:1\/desk .*: start it, or correct DATABASE_URL\.$/,
      ),
    });
  }, 60_000);
});

describe('recoverAdminCommand', () => {
  it('names DATA_DIR unless it is the default, and never prints a DATABASE_URL', () => {
    const base = 'npm run server -- token create --name "NAME" --role admin';
    expect(recoverAdminCommand({ dataDir: './data', databaseUrl: undefined })).toBe(base);
    expect(recoverAdminCommand({ dataDir: '/srv/cd data', databaseUrl: undefined })).toBe(
      `DATA_DIR='/srv/cd data' ${base}`,
    );
    const pg = recoverAdminCommand({ dataDir: './data', databaseUrl: 'postgres://u:pw@db/cd' });
    expect(pg).not.toContain('pw');
    expect(pg).toContain(base);
  });
});
