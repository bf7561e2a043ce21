import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/schema/codes';
import type { ComplaintEventInput } from '../../shared/schema/event';
import { databases, useDatabase } from '../../test/pg';
import { bearer, postJson, pushEvent, registration, testApp } from '../../test/support/server';

interface Client {
  role: Role;
  headers: Record<string, string>;
  pending: ComplaintEventInput[];
  log: Set<string>;
  rejected: Set<string>;
  cursor: string | null;
}

/** Deterministic: the same faults on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe.each(databases)('sync convergence under faults on $name', (target) => {
  const ctx = useDatabase(target);

  it('clients converge with 30 % of exchanges failing before or after the server acted', async () => {
    const app = testApp(ctx.db);
    const random = rng(7);
    const clients: Client[] = [];
    for (const role of ['agent', 'handler', 'supervisor'] as const) {
      clients.push({
        role,
        headers: await bearer(ctx.db.pool, role),
        pending: [],
        log: new Set(),
        rejected: new Set(),
        cursor: null,
      });
    }
    const [agent, handler, supervisor] = clients as [Client, Client, Client];
    const at = (m: number) =>
      new Date(Date.parse('2026-11-16T02:00:00Z') + m * 60_000).toISOString();
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      agent.pending.push(pushEvent('registered', id, { record: registration() }, { at: at(i) }));
      // Valid only once the registration is in: refused (with a reason) if it arrives first.
      supervisor.pending.push(
        pushEvent(
          'assigned',
          id,
          { department: 'logistics', handlerId: 'h' },
          { role: 'supervisor', at: at(30 + i) },
        ),
      );
      handler.pending.push(
        pushEvent(
          'noteAdded',
          id,
          { text: `Looked at ${i}`, progress: true },
          { role: 'handler', at: at(60 + i) },
        ),
      );
    }
    const pushed = new Set(clients.flatMap((c) => c.pending.map((e) => e.id as string)));

    let faults = 0;
    for (let round = 0; round < 200; round++) {
      const idle = clients.every((c) => c.pending.length === 0);
      for (const c of clients) {
        const roll = random();
        if (roll < 0.15) {
          faults++; // connection dropped before the server saw the request
          continue;
        }
        const res = await postJson(
          app,
          'http://desk.test/api/v1/sync',
          { cursor: c.cursor, events: c.pending },
          c.headers,
        );
        if (roll < 0.3) {
          faults++; // the server acted, but the answer was lost (500 / reset)
          continue;
        }
        expect(res.status).toBe(200);
        const answer = (await res.json()) as {
          accepted: string[];
          rejected: { id: string; reason: string }[];
          events: { id: string }[];
          cursor: string;
        };
        const done = new Set([...answer.accepted, ...answer.rejected.map((r) => r.id)]);
        for (const r of answer.rejected) c.rejected.add(r.id);
        c.pending = c.pending.filter((e) => !done.has(e.id as string));
        for (const e of answer.events) c.log.add(e.id);
        c.cursor = answer.cursor;
      }
      if (idle && round >= 15) break;
    }
    expect(faults).toBeGreaterThan(10);

    const { rows } = await ctx.db.pool.query<{ id: string }>('SELECT id FROM events');
    const server = new Set(rows.map((r) => r.id));
    for (const c of clients) {
      expect(c.pending, `${c.role} has nothing left to send`).toEqual([]);
      expect(c.log, `${c.role} sees the server's log`).toEqual(server);
    }
    // Nothing dropped silently: each pushed event is stored, or was rejected with a reason.
    for (const id of pushed)
      expect(server.has(id) || clients.some((c) => c.rejected.has(id)), id).toBe(true);
    const { rows: dupes } = await ctx.db.pool.query(
      'SELECT complaint_id FROM events GROUP BY complaint_id, type HAVING count(*) > 1 AND type <> $1',
      ['noteAdded'],
    );
    expect(dupes).toEqual([]);
  }, 120_000);
});
