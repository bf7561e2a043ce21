/**
 * The offline outbox in real Chromium: a complaint sent without a network is saved (IndexedDB,
 * Dexie loaded lazily), then delivered exactly once: when the browser comes back online, on the
 * next page load, or by the backoff timer after server errors. Against the real server, except
 * the tests that need a 503/502/400 on cue: those use the stand-in receiver.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type Harness,
  type StandInHarness,
  type Page,
  events,
  recordEvents,
  pastBotThreshold,
  screenshot,
  startHarness,
  startStandInHarness,
  widgetPage,
} from './browser';

let h: Harness;
let standIn: StandInHarness;
beforeAll(async () => {
  h = await startHarness();
  standIn = await startStandInHarness();
});
afterAll(async () => {
  await h?.close();
  await standIn?.close();
});

async function fillAndReview(page: Page, description: string) {
  await page.getByLabel('Your name', { exact: true }).fill('Chen');
  await page.getByLabel('Email', { exact: true }).fill('chen@example.com');
  await page.getByLabel('What happened?').fill(description);
  await page.getByLabel('What would you like us to do?').fill('A refund');
  await pastBotThreshold(page);
  await page.getByRole('button', { name: 'Review my complaint' }).click();
  await page.getByRole('button', { name: 'Confirm and send' }).waitFor();
}

const postsFor = (description: string) =>
  h.server.intake.filter((p) => p.body.description === description);
const standInPostsFor = (description: string) =>
  standIn.server.receiver.posts.filter(
    (p) => (p.body as { description?: string }).description === description,
  );

describe.concurrent('offline outbox', () => {
  it('offline → saved → back online → delivered exactly once (ES module build)', async ({
    expect,
  }) => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await recordEvents(page);
    await page.goto(widgetPage(h.server, '/offline-es.html'));
    const description = 'Offline test: the parcel never arrived.';
    await fillAndReview(page, description);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.getByText('Saved: it will be sent automatically').waitFor();
    await screenshot(page, 'widget-en-light-5-queued');
    expect(postsFor(description)).toEqual([]);

    await context.setOffline(false);
    await page.getByText('Thank you, we have received your complaint').waitFor();
    await page.waitForTimeout(300);
    expect(postsFor(description).map((p) => p.status)).toEqual([201]);
    const types = (await events(page)).map((e) => e.type);
    expect(types).toEqual(['complaint-submit', 'complaint-queued', 'complaint-submitted']);
    expect(await page.evaluate(() => localStorage.getItem('complaint-form:outbox'))).toBeNull();
    await context.close();
  });

  it('saved while offline, delivered on the next page load — once, though two tabs open', async ({
    expect,
  }) => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const url = widgetPage(h.server, '/offline-reload.html');
    await page.goto(url);
    const description = 'Reload test: the heater stopped working.';
    await fillAndReview(page, description);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.getByText('Saved: it will be sent automatically').waitFor();
    await page.close(); // the visitor leaves while still offline

    await context.setOffline(false);
    const [again, other] = [await context.newPage(), await context.newPage()];
    await Promise.all([again.goto(url), other.goto(url)]);
    await expect.poll(() => postsFor(description).length, { timeout: 10_000 }).toBe(1);
    await again.waitForTimeout(1500);
    expect(postsFor(description).map((p) => p.status)).toEqual([201]);
    expect(await again.evaluate(() => localStorage.getItem('complaint-form:outbox'))).toBeNull();
    await context.close();
  });

  it('a complaint with photos saved offline is delivered with its photos, once, after a reload', async ({
    expect,
  }) => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const url = widgetPage(h.server, '/offline-photos.html');
    await page.goto(url);
    await page.locator('complaint-form textarea').first().waitFor();
    // A small PNG (kept as is: it already fits), made by the browser.
    const png = Buffer.from(
      await page.evaluate(() => {
        const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#c33';
        ctx.fillRect(0, 0, 64, 48);
        ctx.fillStyle = '#fff';
        ctx.fillRect(8, 8, 20, 12);
        return canvas.toDataURL('image/png').split(',')[1]!;
      }),
      'base64',
    );
    await page
      .locator('complaint-form #images')
      .setInputFiles([{ name: 'dent.png', mimeType: 'image/png', buffer: png }]);
    await page.locator('complaint-form .files li').first().waitFor();
    const description = 'Offline photos test: the fridge door is dented.';
    await fillAndReview(page, description);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.getByText('Saved: it will be sent automatically').waitFor();
    await page.close(); // the visitor leaves while still offline; the photo waits in IndexedDB

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(url);
    await expect.poll(() => postsFor(description).length, { timeout: 10_000 }).toBe(1);
    await again.waitForTimeout(1500);
    const posts = postsFor(description);
    expect(posts.map((p) => p.status)).toEqual([201]);
    expect(posts[0]!.files.map((f) => [f.name, f.type])).toEqual([['dent.png', 'image/png']]);
    expect(posts[0]!.files[0]!.bytes.equals(png)).toBe(true);
    await context.close();
  });

  it('server errors (5xx) are retried with backoff until accepted; the IIFE loads its outbox script', async ({
    expect,
  }) => {
    const context = await standIn.browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
    await recordEvents(page);
    await page.goto(
      widgetPage(standIn.server, '/retry-iife.html', {
        head: '<script src="/widget/complaint-form.iife.js"></script>',
      }),
    );
    const description = 'Retry test: charged twice for one order.';
    await fillAndReview(page, description);
    const mine = (body: unknown) => (body as { description?: string }).description === description;
    standIn.server.receiver.script.push({ status: 503, when: mine }, { status: 502, when: mine });
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    // The read-back stays, saying the server had a problem and it will be sent on its own.
    await page.getByText('Our server had a problem').waitFor();
    // 1st retry after 1–2 s (502), 2nd after 2–4 s more (201).
    await page.getByText('Thank you, we have received your complaint').waitFor({ timeout: 15_000 });
    expect(standInPostsFor(description).map((p) => p.status)).toEqual([503, 502, 201]);
    expect(new Set(standInPostsFor(description).map((p) => p.id)).size).toBe(1);
    expect(scripts).toContain('/widget/complaint-form.outbox.js');
    expect(scripts).not.toContain('/widget/complaint-form.polyfill.js');
    expect((await events(page)).map((e) => e.type)).toEqual([
      'complaint-submit',
      'complaint-queued',
      'complaint-submitted',
    ]);
    await context.close();
  });

  it('a 400 from the server is shown on the form, not retried', async ({ expect }) => {
    const page = await standIn.browser.newPage();
    await page.goto(widgetPage(standIn.server, '/bad-request.html'));
    const description = 'Rejected test: the server refuses this one.';
    await fillAndReview(page, description);
    standIn.server.receiver.script.push({
      when: (body) => (body as { description?: string }).description === description,
      status: 400,
      body: {
        errors: [
          { path: 'complainant.email', code: 'validation.email', message: 'Email rejected' },
        ],
      },
    });
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.locator('complaint-form .summary').waitFor();
    expect(await page.locator('complaint-form #email-error').textContent()).toContain(
      'Enter an email address',
    );
    await page.waitForTimeout(2000); // longer than the first backoff step
    expect(standInPostsFor(description).map((p) => p.status)).toEqual([400]);
    await page.close();
  });
});
