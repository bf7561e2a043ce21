/**
 * The real team server for client tests (extension sync, e2e): the server's own app factory on a
 * test database, reached through `app.request` (no socket) or over HTTP on 127.0.0.1, plus a
 * `fetch` that fails like a bad network.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Role } from '../shared/schema/codes';
import { testApp } from './support/server';
import { createToken } from '../server/store/tokens';
import { runAutoEscalation } from '../server/jobs/auto-escalation';
import { defaultPolicy } from '../shared/policy/default-policy';
import type { Policy } from '../shared/policy/policy';
import type { ComplaintEvent } from '../shared/schema/event';
import type { TestDatabase } from './pg';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface TeamServer {
  app: Hono;
  /** The server as `fetch` (Hono's app.request: the whole HTTP stack without a socket). */
  fetch: Fetch;
  /** A new token of `role`; the secret to put in `Authorization: Bearer`. */
  token(role: Role, name?: string): Promise<string>;
  /** One run of the server's automatic-escalation job at `now` (server/jobs): the events stored. */
  escalate(now: Date, policy?: Policy): Promise<ComplaintEvent[]>;
}

/** The server app over `db` (see test/pg.ts `useDatabase`), with the real clock unless given. */
export function teamServer(db: TestDatabase, now: () => Date = () => new Date()): TeamServer {
  const app = testApp(db, { now });
  return {
    app,
    fetch: async (input, init) => app.request(input, init),
    token: async (role, name = `${role} user`) =>
      (await createToken(db.pool, { name, role, now: now() })).secret,
    escalate: (at, policy = defaultPolicy) => runAutoEscalation(db.pool, policy, at),
  };
}

/** Serves `app` on 127.0.0.1 (a free port). */
export async function listen(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s as Server),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface Faults {
  /** Requests that never reached the server. */
  refused: number;
  /** Requests the server handled whose answer was lost (connection dropped). */
  dropped: number;
  /** 500s, before or after the server handled the request. */
  errors: number;
  passed: number;
}

/**
 * A `fetch` whose every call fails with probability `rate`: a refused connection, a 500 (the
 * server did or did not do the work), or an answer lost after the server did the work.
 */
export function flakyFetch(
  inner: Fetch,
  rate: number,
  random: () => number,
): Fetch & { faults: Faults } {
  const faults: Faults = { refused: 0, dropped: 0, errors: 0, passed: 0 };
  const serverError = () =>
    new Response(
      JSON.stringify({ errors: [{ path: '', code: 'server.internal', message: 'x' }] }),
      {
        status: 500,
        headers: { 'content-type': 'application/json' },
      },
    );
  const f = async (input: string, init?: RequestInit) => {
    const r = random();
    if (r >= rate) {
      faults.passed += 1;
      return inner(input, init);
    }
    const kind = Math.floor((r / rate) * 4);
    if (kind === 0) {
      faults.refused += 1;
      throw new TypeError('fetch failed (connection refused)');
    }
    if (kind === 1) {
      faults.errors += 1;
      return serverError();
    }
    await (await inner(input, init)).arrayBuffer();
    if (kind === 2) {
      faults.errors += 1;
      return serverError();
    }
    faults.dropped += 1;
    throw new TypeError('fetch failed (connection reset)');
  };
  return Object.assign(f, { faults });
}

/** A seeded random number generator (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
