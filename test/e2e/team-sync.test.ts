/**
 * Team mode end to end, in Debian Chromium: the real server (startServer, embedded PGlite in a
 * temp DATA_DIR) serves the demo page with the widget; a visitor submits a complaint; an extension
 * profile set up through its options page with a supervisor token syncs and shows it with the
 * server's case number; the supervisor assigns it (the case view's action path, through the
 * background's test seam) and the change reaches a second extension profile ("Sync now").
 * No Chromium: the suite fails saying how to install it (never skipped).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Launched,
  ROOT,
  axeViolations,
  chromiumPath,
  ensureBuilt,
  evaluateInContentScript,
  launch,
  readDb,
  serviceWorker,
} from '../support/extension/browser-harness';
import { type RunningServer, startServer } from '../../server/server';
import { configFromEnv } from '../../server/config';
import { silentLogger } from '../../server/log';
import { cachedBuild } from '../../widget/build';
import { screenshot } from './browser';

// The extension APIs as seen inside the service worker (sw.evaluate bodies run there).
declare const chrome: {
  storage: {
    local: {
      get(k: string | null): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
    };
  };
};

type Row = { id: string; status: string; caseNumber?: string; caseNumberIssuer?: string };
type Desk = {
  act(
    id: string,
    type: string,
    payload: object,
  ): Promise<{ appended: boolean; rejected: unknown[] }>;
};

const DESCRIPTION = 'The kettle delivered on 3 November leaks and the handle came off.';
const temp: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
};

let server: RunningServer;
let admin: string;
let ext: string;
const profiles: Launched[] = [];

async function api<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A token made through the admin API (the CLI cannot open the database the server holds). */
const newToken = async (name: string, role: string, department?: string) =>
  (
    await api<{ secret: string }>('/admin/tokens', admin, {
      method: 'POST',
      body: JSON.stringify({ name, role, department }),
    })
  ).secret;

async function extensionPage(p: Launched, path: string): Promise<Page> {
  const page = await p.ctx.newPage();
  await page.goto(`chrome-extension://${p.extensionId}/${path}`);
  return page;
}

/** Sets the profile up as a person would: name and role, then the team server and token. */
async function configure(p: Launched, name: string, token: string) {
  const page = await extensionPage(p, 'options.html');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your role').selectOption('supervisor');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Options saved.').waitFor();
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Test connection' }).click();
  // "Connected as …" where the server has GET /me; else it asks for the role set above.
  await page
    .locator('#cd-team-status')
    .filter({ hasText: /Connected|does not say whose token/ })
    .waitFor();
  await page.getByRole('button', { name: 'Save and sync' }).click();
  await page.locator('#cd-team-status').filter({ hasText: 'Team settings saved.' }).waitFor();
  await screenshot(page, `team-sync-options-${name.replace(/\W/g, '')}`);
  await page.close();
}

async function complaintIn(p: Launched, id: string): Promise<Row | undefined> {
  const page = await extensionPage(p, 'popup.html');
  try {
    const { complaints } = await readDb(page);
    return (complaints as Row[]).find((c) => c.id === id);
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  chromiumPath(); // fails with how to install Chromium
  ext = ensureBuilt('e2e');
  // The server serves the widget build and the demo page from its widget folder.
  const widgetDir = tempDir('cd-widget-');
  symlinkSync(await cachedBuild(), join(widgetDir, 'dist'));
  symlinkSync(join(ROOT, 'widget/demo'), join(widgetDir, 'demo'));
  const dataDir = tempDir('cd-data-');
  mkdirSync(dataDir, { recursive: true });
  server = await startServer(
    { ...configFromEnv({}), port: 0, host: '127.0.0.1', dataDir, widgetDir },
    silentLogger,
  );
  if (!server.adminToken) throw new Error('a fresh data folder should print an admin token');
  admin = server.adminToken;
}, 300_000);

afterAll(async () => {
  for (const p of profiles) await p.ctx.close().catch(() => undefined);
  await server?.close(1_000);
  for (const dir of [...temp, ...profiles.map((p) => p.profileDir)])
    rmSync(dir, { recursive: true, force: true });
});

describe('team sync end to end', () => {
  let complaintId: string;
  let caseNumber: string;

  it('the widget on the demo page submits a complaint to the server', async () => {
    const browser = await launch(ext);
    profiles.push(browser);
    const page = await browser.ctx.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('What happened?').waitFor();
    // The demo page fits a narrow window (420 px here): the embed snippet's long lines scroll in
    // their box instead of widening the page's one column, which cut the form off on a phone.
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0);
    await page.getByLabel('Your name', { exact: true }).fill('Smith');
    await page.getByLabel('Email', { exact: true }).fill('smith@example.com');
    await page.getByLabel('What happened?').fill(DESCRIPTION);
    await page.getByLabel('What would you like us to do?').fill('Replace it');
    await page.getByRole('button', { name: 'Review my complaint' }).click();
    await page.getByRole('button', { name: 'Confirm and send' }).waitFor();
    // The server refuses forms sent faster than a person can fill them in (3 s).
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.getByText('Thank you, we have received your complaint').waitFor({ timeout: 15_000 });
    caseNumber = ((await page.locator('complaint-form .case').textContent()) ?? '').trim();
    expect(caseNumber).toMatch(/^\d{4}-\d{4}$/);
    await screenshot(page, 'team-sync-widget-sent');
    await page.close();

    const supervisor = await newToken('Checker', 'supervisor');
    const list = await api<{ items: { id: string; caseNumber: string }[] }>(
      '/complaints',
      supervisor,
    );
    expect(list.items.map((c) => c.caseNumber)).toEqual([caseNumber]);
    complaintId = list.items[0]!.id;
  });

  it('a supervisor profile syncs it and shows the server case number', async () => {
    const [a] = profiles;
    await configure(a!, 'Li Na', await newToken('Li Na', 'supervisor'));
    await expect
      .poll(async () => (await complaintIn(a!, complaintId))?.caseNumber, { timeout: 20_000 })
      .toBe(caseNumber);
    expect(await complaintIn(a!, complaintId)).toMatchObject({
      status: 'registered',
      caseNumberIssuer: 'server',
    });
    const popup = await extensionPage(a!, 'popup.html');
    const item = popup.locator(`[data-complaint-id="${complaintId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(caseNumber);
    expect(await item.textContent()).not.toContain('Provisional');
    await popup.locator('#cd-sync-status').filter({ hasText: 'Last synced' }).waitFor();
    expect(await popup.locator('#cd-sync-pending').textContent()).toBe('Everything is sent.');
    expect(await axeViolations(popup)).toEqual([]);
    await screenshot(popup, 'team-sync-popup-a');
    await popup.close();
  });

  it('the token is out of reach of content scripts (not in storage.local; IndexedDB is the extension’s)', async () => {
    const [a] = profiles;
    const sw = await serviceWorker(a!.ctx);
    const stored = await sw.evaluate(async () =>
      JSON.stringify(await chrome.storage.local.get(null)),
    );
    expect(stored).toContain(server.url); // configured …
    expect(stored).not.toContain('cdt_'); // … yet no token where content scripts read
    const page = await a!.ctx.newPage();
    await page.goto(`${server.url}/healthz`);
    // What a content script can reach: storage.local, and IndexedDB of the page's origin.
    const seen = await evaluateInContentScript<{ local: string; dbs: string[] }>(
      page,
      a!.extensionId,
      `(async () => ({
        local: JSON.stringify(await chrome.storage.local.get(null)),
        dbs: (await indexedDB.databases()).map((d) => d.name),
      }))()`,
    );
    expect(seen.local).toContain(server.url);
    expect(seen.local).not.toContain('cdt_');
    expect(seen.dbs).not.toContain('complaint-desk-secrets');
    await page.close();
    // Where it is: the extension origin's database, which extension pages open.
    const popup = await extensionPage(a!, 'popup.html');
    const dbs = await popup.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(dbs).toContain('complaint-desk-secrets');
    await popup.close();
  });

  it('the supervisor assigns it; the change reaches a second profile', async () => {
    const b = await launch(ext);
    profiles.push(b);
    await configure(b, 'Zhou Min', await newToken('Zhou Min', 'supervisor'));
    await expect
      .poll(async () => (await complaintIn(b, complaintId))?.status, { timeout: 20_000 })
      .toBe('registered');

    const [a] = profiles;
    const sw = await serviceWorker(a!.ctx);
    const result = await sw.evaluate(
      ([id]) =>
        (globalThis as unknown as { __complaintDesk: Desk }).__complaintDesk.act(id!, 'assigned', {
          department: 'quality',
          handlerId: 'u-wang',
          handlerName: 'Wang',
        }),
      [complaintId],
    );
    expect(result).toMatchObject({ appended: true, rejected: [] });
    // Pushed on its own, shortly after the local change.
    const checker = await newToken('Checker 2', 'supervisor');
    await expect
      .poll(
        async () =>
          (await api<{ complaint: { status: string } }>(`/complaints/${complaintId}`, checker))
            .complaint.status,
        { timeout: 20_000 },
      )
      .toBe('assigned');

    const popup = await extensionPage(b, 'popup.html');
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const item = popup.locator(`[data-complaint-id="${complaintId}"]`);
    await expect
      .poll(async () => (await complaintIn(b, complaintId))?.status, { timeout: 20_000 })
      .toBe('assigned');
    await item.filter({ hasText: 'Assigned' }).waitFor();
    expect(await item.textContent()).toContain(caseNumber);
    await screenshot(popup, 'team-sync-popup-b');
    await popup.close();
    expect(await complaintIn(b, complaintId)).toMatchObject({
      caseNumber,
      caseNumberIssuer: 'server',
    });
  });

  it('the assign picker groups the team by the departments on their tokens (a key opens it)', async () => {
    await newToken('Wang Wei', 'handler', 'quality');
    await newToken('Chen Gang', 'handler', 'logistics');
    const [a] = profiles;
    const page = await extensionPage(a!, `case.html?id=${complaintId}`);
    await page.locator('#rv-case-title').waitFor();
    await page.keyboard.press('a');
    const picker = page.getByLabel('Handler', { exact: true });
    await picker.locator('optgroup[label="Quality"]').waitFor({ state: 'attached' });
    const groups = await picker.evaluate((select) =>
      [...select.querySelectorAll('optgroup')].map((g) => [
        g.label,
        [...g.querySelectorAll('option')].map((o) => o.textContent),
      ]),
    );
    // The case's department (quality, from the assignment) first; tokens without one last.
    expect(groups[0]).toEqual(['Quality', ['Wang Wei · Handler']]);
    expect(groups[1]).toEqual(['Logistics', ['Chen Gang · Handler']]);
    expect(groups.at(-1)?.[0]).toBe('No department');
    expect(groups.at(-1)?.[1]).toContain('Li Na (me) · Supervisor');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'team-sync-case-assign-departments');
    await page.close();
  });

  it('clip HTML pushed unsanitized by one device is sanitized again on the receiving one and shown only in the sandboxed frame', async () => {
    const [a, b] = profiles;
    const complaint = crypto.randomUUID();
    const registeredId = crypto.randomUUID();
    const hostile =
      '<p>canary-sync</p><img src="x" onerror="alert(\'xss-img\')"><script>alert(\'xss-script\')</script>';
    // Device a skips its sanitizer (a modified extension would): the raw HTML goes to the server.
    const now = new Date().toISOString();
    const record = {
      channel: 'email',
      receivedAt: now,
      complainant: { name: 'Mallory', anonymous: false, email: 'mallory@example.com' },
      description: 'Synced clip test: the refund never arrived after six weeks.',
      demand: 'A refund',
      source: { html: hostile, capturedAt: now, method: 'dom' },
    };
    const sw = await serviceWorker(a!.ctx);
    const appended = await sw.evaluate(
      ([id, eventId, rec, at]) =>
        (
          globalThis as unknown as {
            __complaintDesk: { append(id: string, e: unknown[]): Promise<{ appended: boolean }> };
          }
        ).__complaintDesk.append(id!, [
          {
            id: eventId,
            complaintId: id,
            type: 'registered',
            at,
            actor: { id: 'u-li', name: 'Li Na', role: 'supervisor' },
            payload: { record: rec },
          },
        ]),
      [complaint, registeredId, record, now] as const,
    );
    expect(appended).toMatchObject({ appended: true });
    const stored = await newToken('Checker 3', 'supervisor');
    await expect
      .poll(
        async () =>
          (
            await fetch(`${server.url}/api/v1/complaints/${complaint}`, {
              headers: { authorization: `Bearer ${stored}` },
            })
          ).status,
        { timeout: 20_000 },
      )
      .toBe(200);

    const popup = await extensionPage(b!, 'popup.html');
    await popup.getByRole('button', { name: 'Sync now' }).click();
    let html = '';
    await expect
      .poll(
        async () => {
          const { events } = await readDb(popup);
          const e = events.find((x) => x.id === registeredId) as
            | { payload: { record: { source: { html?: string } } } }
            | undefined;
          html = e?.payload.record.source.html ?? '';
          return html;
        },
        { timeout: 20_000 },
      )
      .toContain('canary-sync');
    expect(html).not.toMatch(/onerror|<script|alert/i);
    await popup.close();

    const dialogs: string[] = [];
    const view = await b!.ctx.newPage();
    view.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await view.goto(`chrome-extension://${b!.extensionId}/case.html?id=${complaint}`);
    const frame = view.locator('iframe.rv-clip');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toContain('Content-Security-Policy');
    expect(srcdoc).toContain('canary-sync');
    expect(srcdoc).not.toMatch(/onerror|<script/i);
    await view.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await screenshot(view, 'team-sync-synced-clip');
    await view.close();
  });

  it('an action the server refuses is listed in the popup with its reason, until dismissed', async () => {
    const b = profiles[1]!;
    const sw = await serviceWorker(b.ctx);
    // The person picks the wrong role: the token is a supervisor's.
    await sw.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), role: 'agent' } });
    });
    const result = await sw.evaluate(
      ([id]) =>
        (globalThis as unknown as { __complaintDesk: Desk }).__complaintDesk.act(id!, 'noteAdded', {
          text: 'Customer called again.',
          progress: true,
        }),
      [complaintId],
    );
    expect(result).toMatchObject({ appended: true });
    const popup = await extensionPage(b, 'popup.html');
    const alert = popup.locator('#cd-sync-rejected');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain(`Add note · ${caseNumber}`);
    expect(await alert.textContent()).toContain(
      'The action was recorded as Agent, but your server token is for the role Supervisor.',
    );
    expect(await axeViolations(popup)).toEqual([]);
    await screenshot(popup, 'team-sync-popup-rejected');
    await popup.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    await popup.close();
    const checker = await newToken('Checker 3', 'supervisor');
    const { complaint } = await api<{ complaint: { notes: number } }>(
      `/complaints/${complaintId}`,
      checker,
    );
    expect(complaint.notes).toBe(0);
  });

  it('an assignment the server refuses after a withdrawal stays in the case history, struck through, after it', async () => {
    const b = profiles[1]!;
    const sw = await serviceWorker(b.ctx);
    await sw.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings as object), role: 'supervisor', locale: 'en' },
      });
    });
    // Another supervisor withdraws it on the server; this profile has not pulled that yet.
    const other = await newToken('Checker 4', 'supervisor');
    const withdrawal = await api<{ accepted: string[] }>('/sync', other, {
      method: 'POST',
      body: JSON.stringify({
        events: [
          {
            id: crypto.randomUUID(),
            complaintId,
            type: 'withdrawn',
            at: new Date().toISOString(),
            actor: { id: 'checker-4', name: 'Checker 4', role: 'supervisor' },
            payload: { reason: 'The customer sorted it out.' },
          },
        ],
      }),
    });
    expect(withdrawal.accepted).toHaveLength(1);
    const result = await sw.evaluate(
      ([id]) =>
        (globalThis as unknown as { __complaintDesk: Desk }).__complaintDesk.act(id!, 'assigned', {
          department: 'logistics',
          handlerId: 'u-zhao',
          handlerName: 'Zhao',
        }),
      [complaintId],
    );
    expect(result).toMatchObject({ appended: true, rejected: [] });
    await expect
      .poll(async () => (await complaintIn(b, complaintId))?.status, { timeout: 20_000 })
      .toBe('withdrawn');

    const page = await extensionPage(b, `case.html?id=${complaintId}`);
    const refused = page.locator('.rv-timeline li.rv-refused').filter({ hasText: 'Zhao' });
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.locator('del').textContent()).toContain('Assign');
    expect(await refused.locator('.rv-refusal').textContent()).toBe(
      'Refused by the team server: “Assign” is not possible while the complaint is withdrawn.',
    );
    // Server order: the withdrawal first, then the assignment it made moot.
    const items = await page.locator('.rv-timeline > li').allTextContents();
    const withdrawnAt = items.findIndex((t) => t.includes('The customer sorted it out.'));
    const refusedAt = items.findIndex((t) => t.includes('Zhao'));
    expect(withdrawnAt).toBeGreaterThan(-1);
    expect(refusedAt).toBeGreaterThan(withdrawnAt);
    expect(await page.locator('.rv-timeline del').count()).toBe(2); // and the note refused before
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'team-sync-case-refused-en');

    await sw.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), locale: 'zh-CN' } });
    });
    await page
      .locator('.rv-refusal')
      .filter({ hasText: '团队服务器已拒绝：投诉处于“已撤回”状态时不能执行“分派”。' })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'team-sync-case-refused-zh-CN');
    await page.close();
  });
});
