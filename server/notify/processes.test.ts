/**
 * Real server processes (server/main.ts) against one database: killed in the middle of a
 * delivery and started again; two at once on one PostgreSQL.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver } from '../../test/notify/receiver';
import { databases, postgresUrl } from '../../test/pg';
import { validSubmission } from '../../test/support/server';

const SECRET = 'process-test-secret';
const L3_TEXT = 'I will call my lawyer and go to court over this kettle.';
const MAIN = new URL('../main.ts', import.meta.url).pathname;

interface Proc {
  url: string;
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: '',
      NOTIFY_POLL_MS: '50',
      NOTIFY_LEASE_MS: '3000',
      NOTIFY_TIMEOUT_MS: '2500',
      NOTIFY_RETRY_BASE_MS: '200',
      // The intake limit is one budget for every process on one PostgreSQL; these tests are not about it.
      INTAKE_RATE_PER_MIN: '10000',
      ...env,
    },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
      if (m) resolve({ url: m[1]!, child, exited });
    });
    child.on('exit', () => reject(new Error(`server exited early: ${stderr}`)));
  });
}

async function intake(url: string, description = L3_TEXT, phone = '13812345678') {
  const res = await fetch(`${url}/api/v1/intake`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validSubmission({ description, complainant: { name: 'Wang', phone } })),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; caseNumber: string };
}

/** Where a process keeps its data: a PGlite folder, or a private PostgreSQL schema. */
async function storage(
  name: 'pglite' | 'postgres',
): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  if (name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'cd-notify-'));
    return {
      env: { DATA_DIR: dir },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: postgresUrl, max: 2 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(postgresUrl!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const running: Proc[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) {
    p.child.kill('SIGKILL');
    await p.exited;
  }
});

describe.each(databases)('server processes on $name', (target) => {
  it('killed in the middle of a delivery, a restarted server delivers it once more under the same id', async () => {
    const where = await storage(target.name);
    // The first request is never answered (the server dies waiting); later ones get 200.
    const receiver = await startReceiver(SECRET, (n) => (n === 1 ? 'hang' : 200));
    try {
      const env = {
        ...where.env,
        NOTIFY_WEBHOOK_URL: `${receiver.url}/hook`,
        NOTIFY_WEBHOOK_SECRET: SECRET,
      };
      const first = await startMain(env);
      running.push(first);
      const { id } = await intake(first.url);
      await receiver.waitFor(1);
      first.child.kill('SIGKILL');
      await first.exited;

      const second = await startMain(env);
      running.push(second);
      // Out of hours an L3 also raises the on-call alert: the hung delivery is whichever came
      // first; the restarted server must send that one again, under the same id and bytes.
      const hung = receiver.receipts[0]!;
      await expect
        .poll(() => receiver.receipts.filter((r) => r.delivery === hung.delivery).length, {
          timeout: 30_000,
        })
        .toBe(2);
      const again = receiver.receipts.filter((r) => r.delivery === hung.delivery);
      expect(again[1]!.raw).toBe(again[0]!.raw);
      expect(receiver.receipts.every((r) => r.signatureValid)).toBe(true);
      expect(again[1]!.body).toMatchObject({ complaint: { id } });

      // A later notification goes out once; nothing delivered is sent again.
      const before = receiver.receipts.length;
      await intake(second.url, L3_TEXT, '13900002222');
      await receiver.waitFor(before + 1);
      await new Promise((r) => setTimeout(r, 1_000));
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      // At least once: a delivery in flight when the server was killed may arrive again, but
      // always under its id with the same bytes; what was created after the restart arrives once.
      const byId = new Map<string | undefined, string[]>();
      for (const r of receiver.receipts)
        byId.set(r.delivery, [...(byId.get(r.delivery) ?? []), r.raw]);
      for (const raws of byId.values()) expect(new Set(raws).size).toBe(1);
      expect(byId.get(hung.delivery)!.length).toBeGreaterThanOrEqual(2);
      const earlier = new Set(receiver.receipts.slice(0, before).map((r) => r.delivery));
      const fresh = receiver.receipts.slice(before).filter((r) => !earlier.has(r.delivery));
      expect(fresh.length).toBeGreaterThan(0);
      for (const r of fresh) expect(byId.get(r.delivery)).toHaveLength(1);
      expect(
        receiver.receipts.some(
          (r) => r.delivery !== hung.delivery && (r.body as { type: string }).type === 'severe',
        ),
      ).toBe(true);
    } finally {
      await receiver.close();
      await where.cleanup();
    }
  }, 120_000);
});

describe.each(databases.filter((d) => d.name === 'postgres'))(
  'two server processes on one $name',
  (target) => {
    it('deliver each notification once (SKIP LOCKED claims)', async () => {
      const where = await storage(target.name);
      const receiver = await startReceiver(SECRET);
      try {
        const env = {
          ...where.env,
          NOTIFY_WEBHOOK_URL: receiver.url,
          NOTIFY_WEBHOOK_SECRET: SECRET,
        };
        const a = await startMain(env);
        running.push(a);
        const b = await startMain(env);
        running.push(b);
        const n = 40;
        await Promise.all(
          Array.from({ length: n }, (_, i) =>
            intake(i % 2 ? a.url : b.url, L3_TEXT, `1380000${String(i).padStart(4, '0')}`),
          ),
        );
        // Out of hours (on the business calendar, whenever the test runs) every L3 also raises
        // the on-call alert: then each of the two kinds must arrive n times.
        const byType = () => {
          const m = new Map<string, number>();
          for (const r of receiver.receipts) {
            const type = (r.body as { type: string }).type;
            m.set(type, (m.get(type) ?? 0) + 1);
          }
          return m;
        };
        await expect
          .poll(() => [...byType().values()].every((c) => c === n) && byType().get('severe'), {
            timeout: 60_000,
          })
          .toBe(n);
        // Let both poll a few more rounds: a duplicate would show up now.
        await new Promise((r) => setTimeout(r, 1_000));
        const ids = receiver.receipts.map((r) => r.delivery);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...byType().values()].every((c) => c === n)).toBe(true);
        expect(byType().get('severe')).toBe(n);
      } finally {
        await receiver.close();
        await where.cleanup();
      }
    }, 120_000);
  },
);
