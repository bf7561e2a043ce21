import { describe, expect, it } from 'vitest';
import { databases, useDatabase } from '../../test/pg';
import { postJson, testApp, validSubmission } from '../../test/support/server';

// 2026-11-01 00:00 in Asia/Shanghai (the default policy's time zone).
const BOUNDARY = Date.parse('2026-10-31T16:00:00Z');

describe.each(databases)('case numbers under concurrency on $name', (target) => {
  const ctx = useDatabase(target);

  it('200 concurrent submissions across a month boundary get unique, gap-free numbers per month', async () => {
    // Each reading of the clock lands up to 50 ms either side of midnight (seeded, repeatable).
    let seed = 42;
    const now = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return new Date(BOUNDARY - 50 + (seed % 100));
    };
    const app = testApp(ctx.db, { now });
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        postJson(app, 'http://desk.test/api/v1/intake', validSubmission()),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const answers = (await Promise.all(responses.map((r) => r.json()))) as {
      caseNumber: string;
      receivedAt: string;
    }[];

    const byMonth = new Map<string, number[]>();
    for (const a of answers) {
      const [period, serial] = a.caseNumber.split('-') as [string, string];
      // The number's month is the month of the received time in Shanghai.
      expect(period).toBe(Date.parse(a.receivedAt) < BOUNDARY ? '2610' : '2611');
      byMonth.set(period, [...(byMonth.get(period) ?? []), Number(serial)]);
    }
    expect([...byMonth.keys()].sort()).toEqual(['2610', '2611']);
    for (const serials of byMonth.values()) {
      expect(serials.sort((a, b) => a - b)).toEqual(
        Array.from({ length: serials.length }, (_, i) => i + 1),
      );
    }
    const { rows } = await ctx.db.pool.query(
      'SELECT count(DISTINCT case_number) AS n FROM complaints',
    );
    expect(Number(rows[0].n)).toBe(200);
    const counters = await ctx.db.pool.query(
      'SELECT period, last FROM case_number_counters ORDER BY period',
    );
    expect(counters.rows).toEqual([
      { period: '2610', last: byMonth.get('2610')!.length },
      { period: '2611', last: byMonth.get('2611')!.length },
    ]);
  });
});
