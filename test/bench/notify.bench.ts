/**
 * Notification bench rows on the embedded PGlite (and PostgreSQL when DATABASE_URL is set):
 * latency from the intake's answer (the registration and its outbox entry are committed) to the
 * signed webhook's receipt on 127.0.0.1, p50/p95 over sequential L3 complaints; and intake
 * throughput when every complaint is L3 and notified, with autocannon against `server/main.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startReceiver } from '../notify/receiver';
import type { BenchRow } from './row';

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: {
    method: string;
    path: string;
    headers: Record<string, string>;
    setupRequest: (r: object) => object;
  }[];
}) => Promise<{ requests: { average: number }; non2xx: number; errors: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'bench-secret';
const SAMPLES = 60;
/** Default poll is 250 ms: an idle server finds new work within that, plus the HTTP round trip. */
const LATENCY_P95_BUDGET_MS = 400;

let serial = 0;
const l3 = () =>
  JSON.stringify({
    id: randomUUID(),
    locale: 'zh-CN',
    complainant: { name: '王', phone: `139${String(serial++).padStart(8, '0')}` },
    subject: '热水壶起火',
    description: '热水壶使用时冒烟起火，我要去法院起诉你们，律师已经准备好了。',
    demand: '赔偿',
    category: 'product_quality',
    readBackConfirmed: true,
    antiSpam: { honeypot: '', elapsedMs: 45_000 },
  });

async function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', INTAKE_RATE_PER_MIN: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      if (seen === 'done') return;
      seen += d;
      const m = /"msg":"listening","url":"([^"]+)"/.exec(seen);
      if (m) {
        seen = 'done';
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function run(label: string, env: Record<string, string>): Promise<BenchRow[]> {
  const arrived = new Map<string, number>();
  const receiver = await startReceiver(SECRET, (_n, r) => {
    const body = r.body as { complaint: { id: string } };
    if (r.signatureValid) arrived.set(body.complaint.id, performance.now());
    return 200;
  });
  const { url, child } = await startMain({
    ...env,
    NOTIFY_WEBHOOK_URL: receiver.url,
    NOTIFY_WEBHOOK_SECRET: SECRET,
  });
  try {
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const body = l3();
      const res = await fetch(`${url}/api/v1/intake`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const committed = performance.now();
      const { id } = (await res.json()) as { id: string };
      while (!arrived.has(id)) await new Promise((r) => setTimeout(r, 2));
      latencies.push(arrived.get(id)! - committed);
      // Spread the arrivals over the poll period.
      await new Promise((r) => setTimeout(r, 37));
    }
    latencies.sort((a, b) => a - b);

    const request = {
      method: 'POST',
      path: '/api/v1/intake',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: object) => ({ ...req, body: l3() }),
    };
    await autocannon({ url, connections: 32, duration: 2, requests: [request] });
    const r = await autocannon({ url, connections: 32, duration: 10, requests: [request] });
    return [
      {
        metric: `notify on ${label}: intake commit → webhook receipt p50`,
        value: percentile(latencies, 50),
        unit: 'ms',
        budget: LATENCY_P95_BUDGET_MS,
      },
      {
        metric: `notify on ${label}: intake commit → webhook receipt p95`,
        value: percentile(latencies, 95),
        unit: 'ms',
        budget: LATENCY_P95_BUDGET_MS,
      },
      {
        metric: `notify on ${label}: intake with every complaint L3 and notified (32 connections)`,
        value: r.requests.average,
        unit: 'req/s',
        // Notifications must not cost intake its budget (≥ 1,000 req/s without them).
        budget: 800,
        kind: 'min',
      },
      {
        metric: `notify on ${label}: intake failed requests`,
        value: r.non2xx + r.errors,
        unit: 'requests',
        budget: 0,
      },
    ];
  } finally {
    await stop(child);
    await receiver.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cd-notify-bench-'));
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await run('PGlite', { DATA_DIR: dir, DATABASE_URL: '' })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema}`);
      rows.push(...(await run('PostgreSQL', { DATABASE_URL: u.toString() })));
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  return rows;
}
