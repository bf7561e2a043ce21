/**
 * Team mode: two real server processes on one real PostgreSQL, started at the same moment,
 * act as one server — numbering, the intake limit, second complaints and the policy in force.
 * Runs when TEST_DATABASE_URL/DATABASE_URL is set (CI sets REQUIRE_POSTGRES=1, see test/pg.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from '../test/pg';
import { openDatabase } from './db/open-database';
import { createToken } from './store/tokens';
import { validSubmission } from '../test/support/server';

const RATE = 10;
const MAIN = new URL('./main.ts', import.meta.url).pathname;

interface Proc {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  stdout: () => string;
}

function start(databaseUrl: string): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      TRUST_PROXY: '1',
      INTAKE_RATE_PER_MIN: String(RATE),
      POLICY_POLL_MS: '200',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
      if (m) resolve({ child, url: m[1]!, stderr: () => stderr, stdout: () => stdout });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

const stop = (p: Proc) =>
  new Promise<void>((resolve) => {
    if (p.child.exitCode !== null) return resolve();
    p.child.on('exit', () => resolve());
    p.child.kill('SIGTERM');
  });

if (postgresUrl) {
  const url = postgresUrl;
  describe('two server processes on one PostgreSQL', () => {
    const schema = `team_${randomBytes(6).toString('hex')}`;
    const schemaUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    let procs: Proc[] = [];
    let db: Awaited<ReturnType<typeof openDatabase>>;
    let client = 0;
    /** A client address of its own (X-Forwarded-For behind TRUST_PROXY=1). */
    const ip = () => `10.0.${Math.floor(++client / 250)}.${client % 250}`;
    const post = (i: number, body: unknown, from = ip()) =>
      fetch(`${procs[i % 2]!.url}/api/v1/intake`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      const admin = await openDatabase({ url, max: 1 });
      await admin.pool.query(`CREATE SCHEMA ${schema}`);
      await admin.close();
      // Both at the same moment on an empty schema: migrations and the first start race.
      procs = await Promise.all([start(schemaUrl), start(schemaUrl)]);
      db = await openDatabase({ url, max: 4, options: `-c search_path=${schema}` });
    }, 120_000);

    afterAll(async () => {
      await Promise.all(procs.map(stop));
      await db?.pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await db?.close();
    });

    it('migrates once and mints one first admin', async () => {
      const { rows } = await db.pool.query(
        'SELECT (SELECT count(*)::int FROM schema_migrations) AS migrations, (SELECT count(*)::int FROM tokens) AS tokens',
      );
      expect(rows[0].tokens).toBe(1);
      expect(rows[0].migrations).toBeGreaterThanOrEqual(4);
      expect(procs.filter((p) => p.stderr().includes('Admin token (shown only now'))).toHaveLength(
        1,
      );
    });

    it('numbers concurrent intake split across both: unique and gap-free', async () => {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => post(i, validSubmission())),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(60).fill(201));
      const { rows } = await db.pool.query<{ case_number: string }>(
        'SELECT case_number FROM complaints ORDER BY case_number',
      );
      const serials = rows.map((r) => Number(r.case_number.split('-').at(-1)));
      expect(serials).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    });

    it('holds the intake limit for the pair, not per process', async () => {
      const from = '203.0.113.7';
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 3 * RATE }, (_, i) => post(i, validSubmission(), from)),
      );
      // The bucket refills RATE per minute: a slow run may earn one more.
      const refill = Math.floor(((Date.now() - started) * RATE) / 60_000);
      const accepted = answers.filter((r) => r.status === 201).length;
      expect(answers.every((r) => r.status === 201 || r.status === 429)).toBe(true);
      expect(accepted).toBeGreaterThanOrEqual(RATE);
      expect(accepted).toBeLessThanOrEqual(RATE + refill);
    });

    it('recognises simultaneous repeats on the two processes as exactly one second complaint', async () => {
      const pairs = 8;
      const sent = Array.from({ length: pairs }, (_, p) => {
        const phone = `1390000${String(1000 + p)}`;
        return [0, 1].map(() =>
          validSubmission({ complainant: { name: 'Wang', phone }, category: 'delivery' }),
        );
      });
      const answers = await Promise.all(sent.flatMap(([a, b]) => [post(0, a), post(1, b)]));
      expect(answers.map((r) => r.status)).toEqual(Array(2 * pairs).fill(201));
      for (const [a, b] of sent) {
        const { rows } = await db.pool.query<{ of: string | null }>(
          `SELECT payload->>'secondComplaintOf' AS of FROM events
           WHERE type = 'registered' AND complaint_id = ANY($1::uuid[])`,
          [[a!.id, b!.id]],
        );
        const links = rows.map((r) => r.of).filter(Boolean);
        expect(links).toHaveLength(1);
        expect([a!.id, b!.id]).toContain(links[0]);
      }
    });

    it('brings a policy saved through one process into force in the other within seconds', async () => {
      const admin = await createToken(db.pool, { name: 'Ops', role: 'admin', now: new Date() });
      const saved = await fetch(`${procs[0]!.url}/api/v1/admin/policy`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.secret}` },
        body: JSON.stringify({ caseNumberFormat: 'CD-YYMM-NNNN' }),
      });
      expect(saved.status).toBe(200);
      await expect
        .poll(
          async () => {
            const res = await post(1, validSubmission());
            const body = (await res.json()) as { caseNumber?: string };
            return body.caseNumber ?? JSON.stringify(body);
          },
          { timeout: 10_000, interval: 250 },
        )
        .toMatch(/^CD-/);
    });
  });
}
