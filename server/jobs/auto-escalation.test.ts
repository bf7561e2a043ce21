import { describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { databases, useDatabase } from '../../test/pg';
import { silentLogger } from '../log';
import { loadState } from '../store/complaints';
import { postJson, testApp, validSubmission } from '../../test/support/server';
import { runAutoEscalation, startAutoEscalation } from './auto-escalation';

const URL = 'http://desk.test/api/v1/intake';
// Monday 16 November 2026, 10:00 in Shanghai.
const RECEIVED = new Date('2026-11-16T02:00:00Z');
const hoursLater = (h: number) => new Date(RECEIVED.getTime() + h * 3_600_000);

describe.each(databases)('R-ESC-1 the server escalates breaches on its own on $name', (target) => {
  const ctx = useDatabase(target);

  async function intake(): Promise<string> {
    const body = validSubmission();
    const res = await postJson(testApp(ctx.db, { now: () => RECEIVED }), URL, body);
    expect(res.status).toBe(201);
    return body.id as string;
  }

  it('appends one system escalated event per breach, in time order, and never twice', async () => {
    const id = await intake();
    expect(await runAutoEscalation(ctx.db.pool, defaultPolicy, hoursLater(0.4))).toEqual([]);
    // Forward (30 working minutes) breached at 10:30; reply (24 h) at 10:00 the next day.
    const stored = await runAutoEscalation(ctx.db.pool, defaultPolicy, hoursLater(25));
    expect(stored.map((e) => [e.type, e.actor.role, e.payload])).toEqual([
      [
        'escalated',
        'system',
        { reason: 'forward breached', auto: true, breach: 'forward@2026-11-16T02:00:00.000Z' },
      ],
      [
        'escalated',
        'system',
        { reason: 'reply breached', auto: true, breach: 'reply@2026-11-16T02:00:00.000Z' },
      ],
    ]);
    const state = await loadState(ctx.db.pool, id);
    expect(state?.tier).toBe(2);
    expect(await runAutoEscalation(ctx.db.pool, defaultPolicy, hoursLater(26))).toEqual([]);
    const { rows } = await ctx.db.pool.query(
      `SELECT count(*)::int AS n FROM events WHERE complaint_id = $1 AND type = 'escalated'`,
      [id],
    );
    expect(rows[0].n).toBe(2);
  });

  it('R-ESC-2 unfinished 24 h after the first report goes to the supervisor', async () => {
    const policy = {
      ...defaultPolicy,
      autoEscalation: { ...defaultPolicy.autoEscalation, onBreach: [] },
    };
    const id = await intake();
    const [event] = await runAutoEscalation(ctx.db.pool, policy, hoursLater(24.5));
    expect(event?.payload).toMatchObject({
      to: 'supervisor',
      breach: 'unfinished@2026-11-16T02:00:00.000Z',
    });
    expect((await loadState(ctx.db.pool, id))?.escalations.map((e) => e.tier)).toEqual([1]);
  });

  it('the periodic job reads the stored policy and stops cleanly', async () => {
    await intake();
    const job = startAutoEscalation(ctx.db.pool, silentLogger, () => hoursLater(25), 10);
    const count = async () =>
      (await ctx.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'escalated'`))
        .rows[0].n;
    await vi.waitFor(async () => expect(await count()).toBe(2), { timeout: 15_000 });
    await job.stop();
    expect(await count()).toBe(2);
  });
});
