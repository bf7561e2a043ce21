/**
 * <complaint-form> in real Chromium against the real server (test/e2e/widget-server.ts: the
 * server's own app on PGlite): a complaint is registered and its case number shown; photos are
 * stored with it, byte for byte; a complaint sent while the server is down waits in the outbox
 * and is registered once after the server comes back; a page on another origin may send only
 * when its origin is registered for the site. Faults the real server cannot produce on demand
 * (a 503, a scripted 400) stay with the stand-in in widget-offline.test.ts.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { addSite } from '../../server/store/sites';
import { cachedBuild } from '../../widget/build';
import { type Browser, type Page, events, launchBrowser, recordEvents } from './browser';
import { type WidgetServer, startWidgetServer } from './widget-server';

let browser: Browser;
let server: WidgetServer;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startWidgetServer({ dist: await cachedBuild() });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page on `origin` embedding the widget from the server, posting to its intake. */
function page(path: string, { origin = server.url, site = 'shop' } = {}): string {
  server.pages.set(path, {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module" src="${server.url}/widget/complaint-form.js"></script></head>
<body><main><h1>Shop</h1><complaint-form endpoint="${server.url}/api/v1/intake" site="${site}"></complaint-form></main></body></html>`,
  });
  return `${origin}${path}`;
}

async function fillAndReview(p: Page, description: string) {
  await p.getByLabel('Your name', { exact: true }).fill('Chen');
  await p.getByLabel('Email', { exact: true }).fill('chen@example.com');
  await p.getByLabel('What happened?').fill(description);
  await p.getByLabel('What would you like us to do?').fill('A refund');
  // The server takes a form filled in under 3 s (timed up to "Review") for a bot's; a person is
  // slower than that.
  await p.waitForFunction(() => performance.now() > 3_500);
  await p.getByRole('button', { name: 'Review my complaint' }).click();
  await p.getByRole('button', { name: 'Confirm and send' }).waitFor();
}

const sentWith = (description: string) =>
  server.intake.filter((r) => r.body.description === description);

async function stored(id: string) {
  const { rows } = await server.db.pool.query<{ case_number: string }>(
    'SELECT case_number FROM complaints WHERE id = $1',
    [id],
  );
  return rows;
}

describe.sequential('the widget against the real server', () => {
  it('registers a complaint and shows its case number', async ({ expect }) => {
    const p = await browser.newPage();
    await recordEvents(p);
    await p.goto(page('/intake.html'));
    const description = 'Real server: the kettle leaks from the base.';
    await fillAndReview(p, description);
    await p.getByRole('button', { name: 'Confirm and send' }).click();
    await p.getByText('Thank you, we have received your complaint').waitFor();

    const sent = sentWith(description);
    expect(sent.map((r) => r.status)).toEqual([201]);
    const id = sent[0]!.body.id as string;
    const rows = await stored(id);
    expect(rows).toHaveLength(1);
    expect(await p.locator('complaint-form .case').textContent()).toBe(rows[0]!.case_number);
    const seen = await events(p);
    expect(seen.map((e) => e.type)).toEqual(['complaint-submit', 'complaint-submitted']);
    expect(seen[1]!.detail).toMatchObject({ id, caseNumber: rows[0]!.case_number });
    await p.close();
  });

  it('stores the photos with the complaint, byte for byte', async ({ expect }) => {
    const p = await browser.newPage();
    await p.goto(page('/photos.html'));
    await p.locator('complaint-form textarea').first().waitFor();
    const png = Buffer.from(
      await p.evaluate(() => {
        const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#36c';
        ctx.fillRect(0, 0, 64, 48);
        return canvas.toDataURL('image/png').split(',')[1]!;
      }),
      'base64',
    );
    await p
      .locator('complaint-form #images')
      .setInputFiles([{ name: 'scratch.png', mimeType: 'image/png', buffer: png }]);
    await p.locator('complaint-form .files li').first().waitFor();
    const description = 'Real server: the table top is scratched, photo attached.';
    await fillAndReview(p, description);
    await p.getByRole('button', { name: 'Confirm and send' }).click();
    await p.getByText('Thank you, we have received your complaint').waitFor();

    const [sent] = sentWith(description);
    expect(sent?.status).toBe(201);
    const { rows } = await server.db.pool.query<{ name: string; type: string; sha256: string }>(
      'SELECT name, type, sha256 FROM attachments WHERE complaint_id = $1',
      [sent!.body.id],
    );
    expect(rows).toEqual([
      {
        name: 'scratch.png',
        type: 'image/png',
        sha256: createHash('sha256').update(png).digest('hex'),
      },
    ]);
    await p.close();
  });

  it('keeps a complaint while the server is down and delivers it once when it is back', async ({
    expect,
  }) => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await recordEvents(p);
    await p.goto(page('/restart.html'));
    const description = 'Real server: sent while the server was restarting.';
    await fillAndReview(p, description);
    await server.stop();
    try {
      await p.getByRole('button', { name: 'Confirm and send' }).click();
      await p.getByText('Saved: it will be sent automatically').waitFor();
    } finally {
      await server.start();
    }
    // The outbox's backoff timer (1–2 s, then 2–4 s) finds the server back.
    await p.getByText('Thank you, we have received your complaint').waitFor({ timeout: 20_000 });
    await p.waitForTimeout(500);
    const sent = sentWith(description);
    expect(sent.map((r) => r.status)).toEqual([201]);
    expect(await stored(sent[0]!.body.id as string)).toHaveLength(1);
    expect((await events(p)).map((e) => e.type)).toEqual([
      'complaint-submit',
      'complaint-queued',
      'complaint-submitted',
    ]);
    await context.close();
  });

  it('answers a page on another origin only once that origin is registered for the site', async ({
    expect,
  }) => {
    // localhost and 127.0.0.1 are two origins on the same server.
    const other = server.url.replace('127.0.0.1', 'localhost');
    const context = await browser.newContext();
    const p = await context.newPage();
    await recordEvents(p);
    await p.goto(page('/partner.html', { origin: other, site: 'partner' }));
    const description = 'Real server: a complaint from the partner site.';
    await fillAndReview(p, description);
    // Not registered yet: the server refuses the preflight, so the browser sends nothing and the
    // widget keeps the complaint.
    await p.getByRole('button', { name: 'Confirm and send' }).click();
    await p.getByText('Saved: it will be sent automatically').waitFor();
    expect(sentWith(description)).toEqual([]);

    await addSite(server.db.pool, 'partner', [other], new Date());
    await p.getByText('Thank you, we have received your complaint').waitFor({ timeout: 20_000 });
    const sent = sentWith(description);
    expect(sent.map((r) => [r.status, r.origin])).toEqual([[201, other]]);
    expect(await stored(sent[0]!.body.id as string)).toHaveLength(1);
    expect((await events(p)).map((e) => e.type)).toEqual([
      'complaint-submit',
      'complaint-queued',
      'complaint-submitted',
    ]);
    await context.close();
  });
});
