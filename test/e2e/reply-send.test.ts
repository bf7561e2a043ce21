/**
 * "Reply to customer → Send by email" end to end, in Debian Chromium: the real server (embedded
 * PGlite, its own notification worker) whose mail server is down at first; an extension profile
 * in team mode with a supervisor's token. The button calls the server; the case shows the reply
 * pending (then retrying, with the error) and never as sent; once an SMTP server answers on
 * 127.0.0.1 the mail arrives, the case shows it sent, and after a sync the `replied` event (sent
 * by the server by email) is in the timeline. The options page's delivery-log line then tells
 * the supervisor only admins read it, and shows an admin the reply delivered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config';
import { silentLogger } from '../../server/log';
import { type RunningServer, startServer } from '../../server/server';
import { startSmtp } from '../notify/receiver';
import {
  type Launched,
  axeViolations,
  chromiumPath,
  ensureBuilt,
  launch,
  readDb,
} from '../support/extension/browser-harness';
import { screenshot } from './browser';

const REPLY = '尊敬的陈先生/女士：我们将免费为您上门维修热水壶。';
const temp: string[] = [];
let server: RunningServer;
let admin: string;
let profile: Launched | undefined;
let smtpPort: number;
let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;

async function api<T>(path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A free port on 127.0.0.1, closed again: where the mail server will be, later. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function page(p: Launched, path: string): Promise<Page> {
  const pg = await p.ctx.newPage();
  await pg.goto(`chrome-extension://${p.extensionId}/${path}`);
  return pg;
}

beforeAll(async () => {
  chromiumPath();
  const ext = ensureBuilt('e2e');
  smtpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-reply-'));
  temp.push(dataDir);
  server = await startServer(
    {
      ...configFromEnv({
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Desk <desk@example.com>',
        NOTIFY_POLL_MS: '100',
        NOTIFY_RETRY_BASE_MS: '500',
        NOTIFY_TIMEOUT_MS: '2000',
      }),
      port: 0,
      host: '127.0.0.1',
      dataDir,
    },
    silentLogger,
  );
  if (!server.adminToken) throw new Error('a fresh data folder should print an admin token');
  admin = server.adminToken;
  profile = await launch(ext);
}, 300_000);

afterAll(async () => {
  await profile?.ctx.close().catch(() => undefined);
  await smtp?.close();
  await server?.close(1_000);
  for (const dir of [...temp, ...(profile ? [profile.profileDir] : [])])
    rmSync(dir, { recursive: true, force: true });
});

describe('reply to customer, sent by the team server', () => {
  it('button → server called → pending shown → once the mail went out and synced, sent', async () => {
    const supervisor = (
      await api<{ secret: string }>('/admin/tokens', admin, {
        name: 'Zhou Min',
        role: 'supervisor',
      })
    ).secret;
    const handler = await api<{ id: string; secret: string }>('/admin/tokens', admin, {
      name: 'Li Na',
      role: 'agent',
    });
    // An emailed complaint, assigned to Li Na, who contacted the customer and proposed a repair.
    const id = crypto.randomUUID();
    const event = (type: string, payload: object) => ({
      id: crypto.randomUUID(),
      complaintId: id,
      type,
      at: new Date().toISOString(),
      actor: { id: 'u-zhou', name: 'Zhou Min', role: 'supervisor' },
      payload,
    });
    const pushed = await api<{ rejected: unknown[] }>('/sync', supervisor, {
      cursor: null,
      events: [
        event('registered', {
          record: {
            channel: 'email',
            receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
            complainant: { name: '陈', email: 'chen@example.com', anonymous: false },
            subject: '热水壶漏水',
            description: 'The kettle delivered last week leaks from the base.',
            demand: 'Repair it',
            category: 'product_quality',
          },
        }),
      ],
    });
    expect(pushed.rejected).toEqual([]);
    await api(`/complaints/${id}/events`, supervisor, {
      event: {
        type: 'assigned',
        payload: { department: 'quality', handlerId: handler.id, handlerName: 'Li Na' },
      },
    });
    await api(`/complaints/${id}/events`, handler.secret, {
      event: { type: 'contacted', payload: {} },
    });
    await api(`/complaints/${id}/events`, handler.secret, {
      event: {
        type: 'resolutionProposed',
        payload: {
          type: 'repair',
          responsibility: 'company',
          rootCause: 'A faulty seal from the factory.',
          correctiveAction: 'Seals checked at final inspection.',
          description: 'Free repair at home.',
        },
      },
    });

    const p = profile!;
    const options = await page(p, 'options.html');
    await options.getByLabel('Server address').fill(server.url);
    // A supervisor answers for the team (leads act on every case; an agent's device id is not
    // the token's, see shared/access).
    await options.getByLabel('Access token').fill(supervisor);
    await options.getByRole('button', { name: 'Save and sync' }).click();
    await options.locator('#cd-team-status').filter({ hasText: 'Team settings saved.' }).waitFor();
    await options.close();
    await expect
      .poll(
        async () => {
          const popup = await page(p, 'popup.html');
          try {
            const { complaints } = await readDb(popup);
            return (complaints as { id: string; status: string }[]).find((c) => c.id === id)
              ?.status;
          } finally {
            await popup.close();
          }
        },
        { timeout: 30_000 },
      )
      .toBe('resolution_proposed');

    const view = await page(p, `case.html?id=${id}`);
    await view.getByRole('button', { name: 'Reply to customer' }).click();
    await view.getByLabel(/^Message to the customer/).fill(REPLY);
    const called = view.waitForRequest(
      (r) => r.method() === 'POST' && r.url() === `${server.url}/api/v1/complaints/${id}/reply`,
    );
    await view.getByRole('button', { name: 'Send by email' }).click();
    expect(JSON.parse((await called).postData() ?? '{}')).toMatchObject({
      channel: 'email',
      message: REPLY,
    });
    await view.getByText('The server is sending the reply to chen@example.com').waitFor();
    const line = view.locator('#rv-reply-status li');
    // No mail server yet: pending, then retrying with the error; never "sent".
    await line.and(view.locator('[data-state="retrying"]')).waitFor({ timeout: 20_000 });
    expect(await line.textContent()).toMatch(/pending, not sent yet \(retrying\)/);
    expect(await view.locator('.rv-timeline').textContent()).not.toMatch(/sent by the server/);
    expect(await axeViolations(view)).toEqual([]);
    await screenshot(view, 'reply-send-pending');

    smtp = await startSmtp(smtpPort);
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail!.rcpt).toEqual(['chen@example.com']);
    expect(mail!.text).toContain(REPLY);
    await line.and(view.locator('[data-state="delivered"]')).waitFor({ timeout: 20_000 });
    expect(await line.textContent()).toMatch(/to chen@example.com: sent$/);

    // The `replied` event reaches this device by sync.
    const popup = await page(p, 'popup.html');
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await view.getByText('sent by the server by email').waitFor({ timeout: 30_000 });
    await screenshot(view, 'reply-send-sent');
    await popup.close();
    await view.close();

    // The options’ delivery-log section: a supervisor gets a neutral note that admins see it; an admin reads it.
    const opts = await page(p, 'options.html');
    await opts.getByRole('heading', { name: 'Notification deliveries' }).waitFor();
    await opts.getByText(/^Administrators see the delivery log/).waitFor();
    expect(await opts.locator('.cd-error').count()).toBe(0);
    await opts.getByLabel('Access token').fill(admin);
    await opts.getByRole('button', { name: 'Save and sync' }).click();
    await opts.locator('#cd-team-status').filter({ hasText: 'Team settings saved.' }).waitFor();
    const reply = opts.locator('#cd-deliveries li', { hasText: 'reply to customer' });
    await reply.and(opts.locator('[data-state="delivered"]')).waitFor({ timeout: 20_000 });
    expect(await reply.textContent()).toMatch(/reply to customer → @smtp: delivered \(\d+ tries\)/);
    expect(await axeViolations(opts)).toEqual([]);
    await screenshot(opts, 'reply-send-delivery-log');
    await opts.close();
  });
});
