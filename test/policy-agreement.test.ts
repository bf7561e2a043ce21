/**
 * One rule set in every part (docs/rules.md R-POLICY-3): a server started with a custom
 * POLICY_FILE (3-working-day close, an extra company holiday, a lower L4 amount, custom
 * categories) and the extension that loaded its policy agree to the minute on severity,
 * deadlines, the list and the monthly report. Real server over HTTP on 127.0.0.1, real PGlite.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultPolicy } from '../shared/policy/default-policy';
import { resolvePolicy } from '../shared/policy/resolve-policy';
import { monthlyReport } from '../shared/report/monthly-report';
import type { ComplaintState } from '../shared/schema/complaint';
import { computeDeadlines } from '../shared/sla/index';
import { activePolicy, refreshPolicy } from '../extension/policy/active-policy';
import { previewDraft } from '../extension/registration/preview';
import { configFromEnv } from '../server/config';
import { silentLogger } from '../server/log';
import { type RunningServer, startServer } from '../server/server';
import { CUSTOM_POLICY } from './support/custom-policy';
import { validSubmission } from './support/server';

vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

// Monday 16 November 2026, 10:00 in Shanghai; Wednesday the 18th is the company's own holiday.
const NOW = new Date('2026-11-16T02:00:00Z');
const POLICY = CUSTOM_POLICY;

describe('R-POLICY-3 a custom POLICY_FILE: server, extension and report agree', () => {
  let dir: string;
  let server: RunningServer;
  let admin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cd-policy-'));
    const policyFile = join(dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify(POLICY));
    const config = {
      ...configFromEnv({}),
      port: 0,
      dataDir: join(dir, 'data'),
      databaseUrl: undefined,
      policyFile,
    };
    server = await startServer(config, silentLogger, () => NOW);
    admin = server.adminToken!;
  });
  afterAll(async () => {
    await server?.close(1_000);
    rmSync(dir, { recursive: true, force: true });
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });

  it('agree to the minute', async () => {
    const expected = resolvePolicy(POLICY);
    if (!expected.ok) throw new Error('the test policy is invalid');

    // The extension loads the server's policy over HTTP.
    expect(await refreshPolicy({ serverUrl: server.url, token: admin }, fetch)).toBe('updated');
    expect(activePolicy()).toEqual(expected.policy);
    expect(activePolicy().categories.map((c) => c.code)).toEqual(['noise', 'parking', 'other']);

    // A web-form complaint in a custom category, claiming 6,000 (L4 under this policy only).
    const submission = validSubmission({
      category: 'noise',
      description: 'The generator next door runs all night, every night this week.',
      amountClaimed: { value: 6_000, currency: 'CNY' },
    });
    const intake = await fetch(`${server.url}/api/v1/intake`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
    });
    expect(intake.status).toBe(201);

    const list = await (await api('/complaints')).json();
    const snapshot = list.items.find(
      (c: ComplaintState) => c.id === submission.id,
    ) as ComplaintState;
    expect(snapshot.category).toBe('noise');
    expect(snapshot.department).toBe('property');
    expect(snapshot.severity.level).toBe('L4');

    // The extension's own preview of the same record: same level, same deadlines.
    const actor = { id: 'u1', name: 'Li', role: 'agent' as const };
    const { receivedAt: _r, ...draft } = snapshot.record;
    const preview = previewDraft([], { ...draft, receivedAt: snapshot.receivedAt }, actor, NOW);
    expect(preview?.severity.level).toBe('L4');
    const server_ = computeDeadlines(snapshot, NOW, activePolicy());
    const due = (clock: string) =>
      server_.clocks.find((c) => c.clock === clock)?.dueAt.toISOString();
    for (const d of preview!.deadlines)
      expect([d.clock, d.dueAt.toISOString()]).toEqual([d.clock, due(d.clock)]);
    // 3 working days from Monday 10:00, skipping the company holiday: Friday 20th, 10:00.
    expect(due('close')).toBe('2026-11-20T02:00:00.000Z');
    // Under the defaults it would be 5 working days and L3.
    expect(
      computeDeadlines(snapshot, NOW, defaultPolicy)
        .clocks.find((c) => c.clock === 'close')
        ?.dueAt.toISOString(),
    ).toBe('2026-11-23T02:00:00.000Z');

    // The server's monthly report is the shared report over the same snapshot and policy (plus
    // the server's own count of events recorded late, none here).
    const { lateEvents, ...report } = await (await api('/reports/monthly?month=2026-11')).json();
    expect(lateEvents).toEqual({ events: 0, complaints: 0, clockStops: 0 });
    const local = JSON.parse(
      JSON.stringify(monthlyReport([snapshot], '2026-11', NOW, activePolicy())),
    );
    expect(report).toEqual(local);
    expect(report.byCategory).toEqual({ noise: 1 });
    expect(report.bySeverity.L4).toBe(1);
  });
});
