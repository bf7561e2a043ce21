/**
 * Server bench rows, on the embedded PGlite and, when DATABASE_URL is set, on PostgreSQL (in a
 * throwaway schema): intake requests/s and p99 latency with autocannon on 127.0.0.1 against
 * `server/main.ts` in a child process (so the load generator does not share its event loop);
 * one sync push of 10,000 events; the team queue's page over 100,000 complaints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createApp } from '../../server/app';
import { silentLogger } from '../../server/log';
import { createToken } from '../../server/store/tokens';
import { defaultPolicy } from '../../shared/policy/default-policy';
import type { BenchRow } from './row';
import { scratchDatabase } from './scratch-db';

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Intake budget on 2 cores with the embedded database (docs/architecture.md "Scale"). */
const INTAKE_BUDGET = 1_000;
const DURATION_S = 10;
const CONNECTIONS = 32;

const submission = () =>
  JSON.stringify({
    id: randomUUID(),
    locale: 'zh-CN',
    complainant: { name: '王', phone: '13812345678' },
    subject: '热水壶故障',
    description: '上周买的热水壶用了两天就坏了，希望尽快处理。',
    demand: '更换新品',
    category: 'product_quality',
    readBackConfirmed: true,
    antiSpam: { honeypot: '', elapsedMs: 45_000 },
  });

async function startServer(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', INTAKE_RATE_PER_MIN: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      // Keep draining the request log; look for the listening line only until found.
      if (seen !== 'done') {
        seen += d;
        const m = /"msg":"listening","url":"([^"]+)"/.exec(seen);
        if (m) {
          seen = 'done';
          resolve(m[1]!);
        }
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}): ${stderr.slice(-500)}`)),
    );
  });
  return { url, child };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function intake(label: string, env: Record<string, string>): Promise<BenchRow[]> {
  const { url, child } = await startServer(env);
  try {
    const request: AutocannonRequest = {
      method: 'POST',
      path: '/api/v1/intake',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: submission() }),
    };
    // Warm-up: JIT, the database's caches, the month's counter row.
    await autocannon({ url, connections: CONNECTIONS, duration: 2, requests: [request] });
    const r = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [request],
    });
    return [
      {
        metric: `server intake on ${label}: failed requests (non-2xx, errors)`,
        value: r.non2xx + r.errors,
        unit: 'requests',
        budget: 0,
      },
      {
        metric: `server intake on ${label} (${CONNECTIONS} connections)`,
        value: r.requests.average,
        unit: 'req/s',
        budget: INTAKE_BUDGET,
        kind: 'min',
      },
      // 32 requests in flight at ~1,000 req/s queue for ~30 ms on average; p99 within 8× that.
      {
        metric: `server intake on ${label}: p99 latency`,
        value: r.latency.p99,
        unit: 'ms',
        budget: 250,
      },
    ];
  } finally {
    await stop(child);
  }
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The same variables as the storage tests (test/pg.ts): PostgreSQL rows when a server is given.
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  // Intake first, while nothing else has warmed (or loaded) the machine.
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-bench-'));
  try {
    rows.push(...(await intake('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' })));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      rows.push(...(await intake('PostgreSQL', { DATABASE_URL: scoped.toString() })));
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }

  rows.push(...(await syncRows('PGlite')));
  rows.push(...(await listRows('PGlite')));
  if (url) {
    rows.push(...(await syncRows('PostgreSQL', url)));
    rows.push(...(await listRows('PostgreSQL', url)));
  }
  return rows;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** One push of 10,000 events (5,000 new complaints with a note each) through POST /sync. */
async function syncRows(label: string, url?: string): Promise<BenchRow[]> {
  const { db, drop } = await scratchDatabase(url);
  try {
    const app = createApp({
      db,
      policy: defaultPolicy,
      log: silentLogger,
      config: { widgetDir: '/nonexistent' },
    });
    const token = await createToken(db.pool, { name: 'bench', role: 'agent', now: new Date() });
    const headers = { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' };
    const batch = () => {
      const events = [];
      const at = new Date().toISOString();
      for (let i = 0; i < 5_000; i++) {
        const complaintId = randomUUID();
        const actor = { id: 'u-agent', name: 'Agent', role: 'agent' };
        events.push({
          id: randomUUID(),
          complaintId,
          type: 'captured',
          at,
          actor,
          payload: { draft: { channel: 'email', description: `Complaint ${i}` } },
        });
        events.push({
          id: randomUUID(),
          complaintId,
          type: 'noteAdded',
          at,
          actor,
          payload: { text: `Note ${i}`, progress: false },
        });
      }
      return JSON.stringify({ events });
    };
    // Warm-up on a small batch; then the measured one.
    await app.request('/api/v1/sync', {
      method: 'POST',
      headers,
      body: JSON.stringify({ events: [] }),
    });
    const body = batch();
    const started = performance.now();
    const res = await app.request('/api/v1/sync', { method: 'POST', headers, body });
    const ms = performance.now() - started;
    const answer = (await res.json()) as { accepted: string[] };
    if (answer.accepted.length !== 10_000)
      throw new Error(`${label}: only ${answer.accepted.length} accepted`);
    return [
      { metric: `server sync of 10,000 events on ${label}`, value: ms, unit: 'ms', budget: 2_000 },
    ];
  } finally {
    await drop();
  }
}

/** The team queue's first page (and a filtered one) over 100,000 complaints. */
async function listRows(label: string, url?: string): Promise<BenchRow[]> {
  const { db, drop } = await scratchDatabase(url);
  try {
    const app = createApp({
      db,
      policy: defaultPolicy,
      log: silentLogger,
      config: { widgetDir: '/nonexistent' },
    });
    const token = await createToken(db.pool, {
      name: 'bench',
      role: 'supervisor',
      now: new Date(),
    });
    const headers = { authorization: `Bearer ${token.secret}` };
    // One real complaint, then 99,999 copies with their own id, status, severity and times.
    await app.request('/api/v1/intake', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: submission(),
    });
    await db.pool.query(`
      INSERT INTO complaints (id, case_number, status, severity, assignee, site, received_at, next_due_at, updated_at, version, snapshot, search)
      SELECT gen_random_uuid(), '2611-' || lpad(n::text, 6, '0'),
        -- A plausible mix: most cases closed, few severe; status and severity independent.
        CASE (n::bigint * 104729) % 10 WHEN 6 THEN 'registered' WHEN 7 THEN 'assigned'
          WHEN 8 THEN 'in_progress' WHEN 9 THEN 'replied' ELSE 'closed' END,
        CASE WHEN (n::bigint * 7919) % 100 < 70 THEN 'L1' WHEN (n::bigint * 7919) % 100 < 90 THEN 'L2'
          WHEN (n::bigint * 7919) % 100 < 98 THEN 'L3' ELSE 'L4' END,
        CASE WHEN n % 3 = 0 THEN 'h-' || (n % 50) END, c.site,
        c.received_at - make_interval(mins => n), c.next_due_at - make_interval(mins => n),
        c.updated_at - make_interval(secs => n), c.version, c.snapshot, c.search || ' ' || n
      FROM complaints c, generate_series(2, 100000) AS n`);
    await db.pool.query('ANALYZE complaints');
    // A fast 401 or an empty page proves nothing: every answer must be a full page.
    const measure = async (query: string) => {
      const times: number[] = [];
      for (let i = 0; i < 60; i++) {
        const started = performance.now();
        const res = await app.request(`/api/v1/complaints?${query}`, { headers });
        const body = (await res.json()) as { items?: unknown[] };
        if (i >= 10) times.push(performance.now() - started);
        if (res.status !== 200 || body.items?.length !== 50)
          throw new Error(
            `${label} list ?${query}: ${res.status} with ${body.items?.length ?? 'no'} rows, not 200 with 50`,
          );
      }
      return percentile(
        times.sort((a, b) => a - b),
        0.5,
      );
    };
    return [
      {
        metric: `server list of 100,000 complaints on ${label}: first page p50`,
        value: await measure('limit=50'),
        unit: 'ms',
        budget: 20,
      },
      {
        metric: `server list of 100,000 complaints on ${label}: status+severity page p50`,
        value: await measure('limit=50&status=assigned,in_progress&severity=L3,L4'),
        unit: 'ms',
        budget: 20,
      },
    ];
  } finally {
    await drop();
  }
}
