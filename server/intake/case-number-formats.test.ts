import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../shared/policy/default-policy';
import { databases, useDatabase } from '../../test/pg';
import { createApp } from '../app';
import { silentLogger } from '../log';
import { postJson, validSubmission } from '../../test/support/server';

const URL = 'http://desk.test/api/v1/intake';

describe.each(databases)('R-NUM-1 case-number templates at intake on $name', (target) => {
  const ctx = useDatabase(target);

  function app(caseNumberFormat: string, clock: { now: Date }) {
    return createApp({
      db: ctx.db,
      policy: { ...defaultPolicy, caseNumberFormat },
      now: () => clock.now,
      config: { intakeRatePerMin: 10_000, widgetDir: '/nonexistent-widget-dir' },
      log: silentLogger,
    });
  }

  async function caseNumber(a: ReturnType<typeof app>): Promise<string> {
    const res = await postJson(a, URL, validSubmission());
    expect(res.status).toBe(201);
    return ((await res.json()) as { caseNumber: string }).caseNumber;
  }

  it('YYYYMMDD-NNN: serials restart each day', async () => {
    const clock = { now: new Date('2026-11-16T02:00:00Z') };
    const a = app('YYYYMMDD-NNN', clock);
    expect([await caseNumber(a), await caseNumber(a)]).toEqual(['20261116-001', '20261116-002']);
    clock.now = new Date('2026-11-17T02:00:00Z');
    expect(await caseNumber(a)).toBe('20261117-001');
  });

  it('CMP-YYMM-NNNN: a prefix before the monthly number', async () => {
    const a = app('CMP-YYMM-NNNN', { now: new Date('2026-11-16T02:00:00Z') });
    expect(await caseNumber(a)).toBe('CMP-2611-0001');
  });
});
