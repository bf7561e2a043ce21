/**
 * The side panel's capture pieces in the built extension (Debian Chromium): a capture takes a
 * real screenshot of the visible tab (on by default; the e2e build's `<all_urls>` stands in for
 * the activeTab grant of a click), the details found are highlighted, one is applied by the
 * agent, and the screenshot is blacked out in a canvas and saved — the stored picture is black
 * there and released for sync.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Launched,
  type Served,
  ensureBuilt,
  launch,
  selectText,
  serve,
  serviceWorker,
} from '../support/extension/browser-harness';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const TEXT = '我的电动车刹车失灵，订单号 JD7788120034，要求退款 3299 元，电话 13800138000。';
// A red box at 40,40 (120×60) on white, the text below it: what the screenshot must show.
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评价</title></head>
<body style="background:#fff;margin:0"><div id="box" style="position:absolute;left:40px;top:40px;width:120px;height:60px;background:#c00"></div>
<p id="c" style="font-size:16px;margin:420px 8px 0">${TEXT}</p></body></html>`;

// An email shown as a page, its header on the body's line: what an agent clipped (en walk).
const MAIL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer reviews</title></head>
<body><p id="m">From: Tom Baker &lt;tom.baker@example.com&gt;. I ordered a fridge (order 77120) and it arrived with a broken shelf. Call me on 13711112222.</p></body></html>`;

let browser: Launched;
let server: Served;

beforeAll(async () => {
  browser = await launch(ensureBuilt('e2e'));
  server = await serve({ '/c.html': PAGE, '/m.html': MAIL });
}, 180_000);

afterAll(async () => {
  await browser?.ctx.close();
  if (browser) rmSync(browser.profileDir, { recursive: true, force: true });
  await server?.close();
});

/** Opens `path`, selects `selector`'s text and captures it as the toolbar command does. */
async function captureSelection(path: string, selector: string) {
  const page = await browser.ctx.newPage();
  await page.goto(`${server.origin}${path}`);
  await selectText(page, selector);
  const sw = await serviceWorker(browser.ctx);
  const ack = (await sw.evaluate(async (p) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url?.includes(p))!;
    return (
      globalThis as never as {
        __complaintDesk: { onCommand(c: string, t: object): Promise<unknown> };
      }
    ).__complaintDesk.onCommand('capture', { id: tab.id });
  }, path)) as { complaintId: string; eventId: string };
  return { page, ack };
}

describe('side panel: proposals and the screenshot editor', () => {
  it("an email's From line: the sender's name is offered, the subject is the first sentence after it", async () => {
    const { page, ack } = await captureSelection('/m.html', '#m');
    const panel = await browser.ctx.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#${ack.complaintId}`);
    await expect
      .poll(() => panel.locator('pre.cd-cliptext mark').allTextContents(), { timeout: 15_000 })
      .toEqual(['Tom Baker', 'tom.baker@example.com', '77120', '13711112222']);
    expect(await panel.locator('#cd-subject').inputValue()).toBe(
      'I ordered a fridge (order 77120) and it arrived with a…',
    );
    // The description starts with what the customer wrote; the From line stays in the clip
    // text above (where its name and address are marked).
    expect(await panel.locator('#cd-description').inputValue()).toBe(
      'I ordered a fridge (order 77120) and it arrived with a broken shelf. Call me on 13711112222.',
    );
    await panel.getByRole('button', { name: 'Use as the name' }).click();
    await expect.poll(() => panel.locator('#cd-complainant-name').inputValue()).toBe('Tom Baker');
    await Promise.all([panel.close(), page.close()]);
  }, 120_000);

  it('stores a real screenshot with the capture, highlights the details, applies one, blacks out an area', async () => {
    const { page, ack } = await captureSelection('/c.html', '#c');

    const panel = await browser.ctx.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // The capture stored the tab's screenshot with it, held until the agent has looked at it.
    const shot = await panel.evaluate(async (eventId) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('complaint-desk');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const row = await new Promise<
        { complaintId: string; type: string; blob: Blob; held?: boolean } | undefined
      >((ok) => {
        const r = db
          .transaction('attachments')
          .objectStore('attachments')
          .get(`${eventId}-screenshot`);
        r.onsuccess = () => ok(r.result);
      });
      if (!row) return undefined;
      const magic = Array.from(new Uint8Array(await row.blob.slice(0, 3).arrayBuffer()));
      const bitmap = await createImageBitmap(row.blob);
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = (x: number, y: number) =>
        Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3));
      return {
        complaintId: row.complaintId,
        type: row.type,
        held: row.held ?? null,
        magic,
        width: bitmap.width,
        height: bitmap.height,
        red: px(100, 70),
        white: px(300, 200),
      };
    }, ack.eventId);
    expect(shot).toBeDefined();
    expect(shot!.complaintId).toBe(ack.complaintId);
    expect(shot!.type).toBe('image/jpeg');
    expect(shot!.magic).toEqual([0xff, 0xd8, 0xff]); // JPEG SOI marker
    expect(shot!.held).toBe(true);
    // The visible page at device scale 1: the viewport's size, the red box where the page has it.
    expect([shot!.width, shot!.height]).toEqual([420, 720]);
    expect(shot!.red[0]).toBeGreaterThan(150);
    expect(Math.max(shot!.red[1]!, shot!.red[2]!)).toBeLessThan(80);
    expect(Math.min(...shot!.white)).toBeGreaterThan(200);

    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html#${ack.complaintId}`);
    await expect
      .poll(() => panel.locator('pre.cd-cliptext mark').allTextContents(), { timeout: 15_000 })
      .toEqual(['JD7788120034', '3299 元', '13800138000']);
    // "Use as …" looks like a button (a border, its own width), not a line of plain text.
    const use = panel.getByRole('button', { name: 'Use as the amount claimed' });
    expect(
      await use.evaluate((b) => ({
        border: `${getComputedStyle(b).borderTopWidth} ${getComputedStyle(b).borderTopStyle}`,
        fullWidth: b.getBoundingClientRect().width >= b.parentElement!.clientWidth - 1,
      })),
    ).toEqual({ border: '1px solid', fullWidth: false });
    await use.click();
    await expect.poll(() => panel.locator('#cd-amountClaimed').inputValue()).toBe('3299');

    // The screenshot: mark an area by keyboard, black it out, save.
    const canvas = panel.locator('.cd-shot canvas');
    await expect
      .poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width))
      .toBeGreaterThan(100);
    for (const [label, value] of [
      ['x', '10'],
      ['y', '10'],
      ['w', '200'],
      ['h', '120'],
    ] as const)
      await panel.getByLabel(label, { exact: true }).fill(value);
    await panel.getByRole('button', { name: 'Black out the area' }).click();
    await panel.getByRole('button', { name: 'Save the screenshot' }).click();
    await expect.poll(() => panel.getByText('Screenshot saved.').count()).toBe(1);

    const stored = await panel.evaluate(async (eventId) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open('complaint-desk');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const rows = await new Promise<{ id: string; blob: Blob; held?: boolean }[]>((ok) => {
        const r = db.transaction('attachments').objectStore('attachments').getAll();
        r.onsuccess = () => ok(r.result);
      });
      const row = rows.find((a) => a.id === `${eventId}-screenshot`)!;
      const bitmap = await createImageBitmap(row.blob);
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const inside = Array.from(ctx.getImageData(100, 60, 1, 1).data.slice(0, 3));
      const redBox = Array.from(ctx.getImageData(60, 50, 1, 1).data.slice(0, 3));
      const outside = Array.from(ctx.getImageData(400, 300, 1, 1).data.slice(0, 3));
      return { held: row.held ?? null, inside, outside, redBox };
    }, ack.eventId);
    expect(stored.held).toBeNull();
    expect(Math.max(...stored.inside)).toBeLessThan(30);
    expect(Math.min(...stored.outside)).toBeGreaterThan(200);
    // The red box at 40,40 was under the blacked-out area: nothing of it is left.
    expect(stored.redBox[0]).toBeLessThan(30);

    // Register: the heading names the case once (the panel's status line does not repeat it)
    // and takes the focus, so it is read out.
    await panel.getByLabel("Complainant's name").fill('陈');
    await panel.getByLabel('Phone', { exact: true }).fill('13800138000');
    await panel.getByLabel(/What the customer wants/).fill('退款');
    await panel.getByRole('button', { name: 'Register' }).click();
    const done = panel.getByRole('heading', {
      name: /^Registered as Provisional · L-\d{4}-\d{4}$/,
    });
    await done.waitFor();
    await expect.poll(() => done.evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await panel.getByText(/Registered as/).count()).toBe(1);
    await Promise.all([panel.close(), page.close()]);
  }, 120_000);
});
