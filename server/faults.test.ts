import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pushEvent } from '../test/support/server';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'cd-faults-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => {
    err += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /"msg":"listening","url":"([^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return { url, child, stderr: () => err };
}

describe('faults (embedded database, real process)', () => {
  it('a server killed mid-sync and restarted loses nothing and duplicates nothing', async () => {
    const first = await start();
    for (let i = 0; i < 100 && !first.stderr().includes('Admin token'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const admin = /Admin token[^:]*: (cdt_\S+)/.exec(first.stderr())![1]!;
    const minted = await fetch(`${first.url}/api/v1/admin/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Agent', role: 'agent' }),
    });
    const agent = `Bearer ${((await minted.json()) as { secret: string }).secret}`;

    const events = [];
    for (let i = 0; i < 2_000; i++) {
      const id = randomUUID();
      events.push(
        pushEvent('captured', id, { draft: { channel: 'email', description: `Complaint ${i}` } }),
      );
      events.push(pushEvent('noteAdded', id, { text: `Note ${i}`, progress: false }));
    }
    const body = JSON.stringify({ events });
    const sync = (url: string) =>
      fetch(`${url}/api/v1/sync`, {
        method: 'POST',
        headers: { authorization: agent, 'content-type': 'application/json' },
        body,
      });

    // Kill it while the batch is being applied (or just after: either way nothing may be lost).
    const inFlight = sync(first.url).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 150));
    first.child.kill('SIGKILL');
    await inFlight;
    await new Promise((r) => first.child.once('exit', r));

    // The lock file of the killed process is stale: the restart takes it over.
    const second = await start();
    const res = await sync(second.url);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { accepted: string[]; rejected: unknown[] };
    expect(answer.rejected).toEqual([]);
    expect(answer.accepted).toHaveLength(4_000);
    const again = (await (await sync(second.url)).json()) as { accepted: string[] };
    expect(again.accepted).toHaveLength(4_000);

    let count = 0;
    let cursor: string | null = null;
    for (;;) {
      const page = (await (
        await fetch(`${second.url}/api/v1/sync`, {
          method: 'POST',
          headers: { authorization: agent, 'content-type': 'application/json' },
          body: JSON.stringify({ cursor }),
        })
      ).json()) as { events: { id: string }[]; cursor: string; more: boolean };
      count += page.events.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(count).toBe(4_000);
    const exited = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    await exited;
  }, 180_000);
});
