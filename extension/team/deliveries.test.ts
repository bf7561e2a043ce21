import type { Pool } from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { teamServer } from '../../test/team-server';
import { deliveryState, loadDeliveries } from './deliveries';

const SERVER = 'https://desk.test';

describe('deliveryState', () => {
  it.each([
    ['delivered', 1, 'delivered'],
    ['pending', 0, 'queued'],
    ['pending', 2, 'retrying'],
    ['sending', 1, 'retrying'],
    ['dead', 8, 'dead'],
  ] as const)('%s after %i tries reads %s', (status, attempts, state) => {
    expect(deliveryState({ status, attempts })).toBe(state);
  });
});

/** Four deliveries as the worker leaves them: delivered, dead, retrying after a 500, queued. */
async function seedDeliveries(pool: Pool): Promise<void> {
  await pool.query(
    'TRUNCATE notify_attempts, notify_deliveries, notify_outbox RESTART IDENTITY CASCADE',
  );
  const { rows } = await pool.query<{ seq: string }>(
    `INSERT INTO notify_outbox (key, source, data, created_at)
     VALUES ('event:x', 'event', '{}', now()) RETURNING seq`,
  );
  const deliveries: [string, string, string, number, string | null][] = [
    ['wecom', 'severe', 'delivered', 1, null],
    ['@smtp', 'reply', 'dead', 8, 'SMTP 550 mailbox unavailable'],
    ['ops', 'breach', 'pending', 2, 'HTTP 500'],
    ['ops', 'warn', 'pending', 0, null],
  ];
  for (const [i, [channel, event, status, attempts, error]] of deliveries.entries())
    await pool.query(
      `INSERT INTO notify_deliveries (id, key, outbox_seq, channel, channel_type, event, message,
         status, attempts, not_before, created_at, delivered_at, last_error)
       VALUES (gen_random_uuid(), $1, $2, $3, 'webhook', $4, '{}', $5, $6, now(),
         now() - make_interval(mins => $7), $8, $9)`,
      [
        `k${i}`,
        rows[0]!.seq,
        channel,
        event,
        status,
        attempts,
        10 - i,
        status === 'delivered' ? new Date() : null,
        error,
      ],
    );
}

describe.each(databases)('the delivery log from the team server on $name', (target) => {
  const ctx = useDatabase(target);
  beforeEach(() => seedDeliveries(ctx.db.pool));

  it('an admin token reads the newest deliveries first', async () => {
    const server = teamServer(ctx.db);
    const token = await server.token('admin');
    const log = await loadDeliveries({ serverUrl: SERVER, token, fetch: server.fetch }, 3);
    if (!log.ok) throw new Error(log.reason);
    expect(log.items.map((d) => [d.event, deliveryState(d), d.lastError])).toEqual([
      ['warn', 'queued', null],
      ['breach', 'retrying', 'HTTP 500'],
      ['reply', 'dead', 'SMTP 550 mailbox unavailable'],
    ]);
  });

  it.each(['supervisor', 'agent'] as const)('a %s token may not read it', async (role) => {
    const server = teamServer(ctx.db);
    const token = await server.token(role);
    expect(await loadDeliveries({ serverUrl: SERVER, token, fetch: server.fetch })).toEqual({
      ok: false,
      reason: 'ext.deliveries.forbidden',
    });
  });

  it('says the server is out of reach, or refuses the token', async () => {
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await loadDeliveries({ serverUrl: SERVER, token: 'x', fetch: offline })).toEqual({
      ok: false,
      reason: 'ext.sync.error.network',
    });
    const server = teamServer(ctx.db);
    const refused = await loadDeliveries({
      serverUrl: SERVER,
      token: 'cdt_revoked',
      fetch: server.fetch,
    });
    expect(refused).toMatchObject({ ok: false, reason: 'ext.sync.error.auth' });
  });
});
