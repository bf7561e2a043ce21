/**
 * One rule set in every part, in Debian Chromium (docs/rules.md R-POLICY-3; the node-level test
 * is test/policy-agreement.test.ts): the real server started with the custom POLICY_FILE serves
 * the demo page, whose widget offers the policy's categories; a visitor complains in one of them;
 * an extension profile connected to the server shows the policy version, and the case page shows
 * the same severity and the same deadlines, to the minute, as the server's list and monthly
 * report (the shared rules over the server's snapshot and policy).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyVersion } from '../../shared/policy/policy-version';
import { resolvePolicy } from '../../shared/policy/resolve-policy';
import type { ComplaintState } from '../../shared/schema/complaint';
import { computeDeadlines } from '../../shared/sla/index';
import { formatInstant } from '../../extension/ui/format';
import { configFromEnv } from '../../server/config';
import { silentLogger } from '../../server/log';
import { type RunningServer, startServer } from '../../server/server';
import { cachedBuild } from '../../widget/build';
import {
  type Launched,
  ROOT,
  axeViolations,
  chromiumPath,
  ensureBuilt,
  launch,
  readDb,
} from '../support/extension/browser-harness';
import { CUSTOM_POLICY } from '../support/custom-policy';
import { screenshot } from './browser';

// The server's clock: Monday 16 November 2026, 10:00 in Shanghai (Wednesday is a holiday).
const NOW = new Date('2026-11-16T02:00:00Z');
const DESCRIPTION = 'The generator next door runs all night, every night this week.';
const temp: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
};

let server: RunningServer;
let admin: string;
let profile: Launched;

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function extensionPage(path: string): Promise<Page> {
  const page = await profile.ctx.newPage();
  await page.goto(`chrome-extension://${profile.extensionId}/${path}`);
  return page;
}

beforeAll(async () => {
  chromiumPath(); // fails with how to install Chromium
  const ext = ensureBuilt('e2e');
  const widgetDir = tempDir('cd-widget-');
  symlinkSync(await cachedBuild(), join(widgetDir, 'dist'));
  symlinkSync(join(ROOT, 'widget/demo'), join(widgetDir, 'demo'));
  const dataDir = tempDir('cd-data-');
  mkdirSync(dataDir, { recursive: true });
  const policyFile = join(tempDir('cd-policy-'), 'policy.json');
  writeFileSync(policyFile, JSON.stringify(CUSTOM_POLICY));
  server = await startServer(
    { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir, widgetDir, policyFile },
    silentLogger,
    () => NOW,
  );
  if (!server.adminToken) throw new Error('a fresh data folder should print an admin token');
  admin = server.adminToken;
  profile = await launch(ext);
}, 300_000);

afterAll(async () => {
  await profile?.ctx.close().catch(() => undefined);
  await server?.close(1_000);
  for (const dir of [...temp, ...(profile ? [profile.profileDir] : [])])
    rmSync(dir, { recursive: true, force: true });
});

describe('R-POLICY-3 a custom POLICY_FILE in the browser: widget, extension, list and report agree', () => {
  const resolved = resolvePolicy(CUSTOM_POLICY);
  if (!resolved.ok) throw new Error('the test policy is invalid');
  const policy = resolved.policy;
  let id: string;

  it('the widget offers the policy’s categories and sends a complaint in one of them', async () => {
    const page = await profile.ctx.newPage();
    await page.goto(`${server.url}/`);
    const category = page.getByLabel('What is it about?');
    // The server's list (named as its form-config names them) replaces the built-in one.
    const config = (await (await fetch(`${server.url}/api/v1/intake/form-config`)).json()) as {
      categories: { code: string; labels: { en: string } }[];
    };
    expect(config.categories.map((c) => c.code)).toEqual(['noise', 'parking', 'other']);
    expect(config.categories[0]!.labels.en).toBe('Noise');
    await expect
      .poll(() => category.locator('option').allTextContents(), { timeout: 15_000 })
      .toEqual(['Choose a topic', ...config.categories.map((c) => c.labels.en)]);
    await category.selectOption('noise');
    await page.getByLabel('Your name', { exact: true }).fill('Smith');
    await page.getByLabel('Email', { exact: true }).fill('smith@example.com');
    await page.getByLabel('What happened?').fill(DESCRIPTION);
    await page.getByLabel('What would you like us to do?').fill('Make it stop');
    await page.getByLabel(/^Amount claimed/).fill('6000');
    await page.waitForFunction(() => performance.now() > 3_500);
    await page.getByRole('button', { name: 'Review my complaint' }).click();
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.getByText('Thank you, we have received your complaint').waitFor({ timeout: 15_000 });
    await screenshot(page, 'policy-agreement-widget-sent');
    await page.close();

    const list = await api<{ items: ComplaintState[] }>('/complaints');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ category: 'noise', department: 'property' });
    expect(list.items[0]!.severity.level).toBe('L4'); // 6,000 ≥ this policy's 5,000
    id = list.items[0]!.id;
  });

  it('the extension connected to the server shows its policy, severity and deadlines to the minute', async () => {
    // Set up as a person would: the server and a supervisor token, through the options page.
    const { secret } = await api<{ secret: string }>('/admin/tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'Li Na', role: 'supervisor' }),
    });
    const options = await extensionPage('options.html');
    await options.getByLabel('Your name').fill('Li Na');
    await options.getByLabel('Your role').selectOption('supervisor');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Options saved.').waitFor();
    await options.getByLabel('Server address').fill(server.url);
    await options.getByLabel('Access token').fill(secret);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.locator('#cd-team-status').filter({ hasText: 'Connected' }).waitFor();
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await options.locator('#cd-team-status').filter({ hasText: 'Team settings saved.' }).waitFor();
    await options.close();

    const popup = await extensionPage('popup.html');
    await expect
      .poll(async () => (await readDb(popup)).complaints.some((c) => c.id === id), {
        timeout: 20_000,
      })
      .toBe(true);
    // Pages load the stored policy first: a fresh popup names the server's version.
    await popup.reload();
    await popup
      .getByText(`the team server’s policy, version ${policyVersion(policy).slice(0, 8)}`)
      .waitFor({ timeout: 20_000 });
    await popup.close();

    const { complaint } = await api<{ complaint: ComplaintState }>(`/complaints/${id}`);
    const page = await extensionPage(`case.html?id=${id}`);
    await page.locator('#rv-case-title').waitFor();
    expect(await page.locator('#rv-case-title .rv-sev').textContent()).toContain('L4');

    // Clocks that do not move with the clock on the wall (progress does), as the server's
    // snapshot and policy give them, in the page's own format.
    const expected = computeDeadlines(complaint, new Date(), policy).clocks.filter((c) =>
      ['forward', 'firstContact', 'reply', 'close'].includes(c.clock),
    );
    // 3 working days from Monday 10:00, over the company's Wednesday holiday: Friday 10:00.
    expect(expected.find((c) => c.clock === 'close')?.dueAt.toISOString()).toBe(
      '2026-11-20T02:00:00.000Z',
    );
    const rows = page.locator('section[aria-labelledby="rv-deadlines"] tbody tr');
    const shown = new Map<string, string>();
    for (const row of await rows.all())
      shown.set(
        (await row.locator('th').textContent()) ?? '',
        ((await row.locator('td').first().textContent()) ?? '').trim(),
      );
    const names = {
      forward: 'Forward',
      firstContact: 'First contact',
      reply: 'Reply',
      close: 'Close',
    };
    for (const c of expected)
      expect([c.clock, shown.get(names[c.clock as keyof typeof names])]).toEqual([
        c.clock,
        formatInstant(c.dueAt, 'en', policy.calendar.timeZone),
      ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'policy-agreement-case');
    await page.close();

    // The server's monthly report counts the same severity and category.
    const report = await api<{
      bySeverity: Record<string, number>;
      byCategory: Record<string, number>;
    }>('/reports/monthly?month=2026-11');
    expect(report.bySeverity.L4).toBe(1);
    expect(report.byCategory).toEqual({ noise: 1 });
  });
});
