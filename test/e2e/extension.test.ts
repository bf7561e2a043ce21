/**
 * The built extension in Debian Chromium (playwright-core): capture from a local page and from
 * Gmail served at its real origin, a service worker stopped mid-capture, the browser killed
 * right after the acknowledgement, axe on every page in both languages, screenshots.
 * Context menus and commands cannot be driven by automation: the tests call the very listeners
 * the background registers (`__complaintDesk.onMenuClick` / `onCommand`) through `sw.evaluate`.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Launched,
  ROOT,
  type Served,
  axeViolations,
  ensureBuilt,
  killBrowser,
  launch,
  readDb,
  selectText,
  serve,
  serviceWorker,
} from '../support/extension/browser-harness';
import { WEBMAIL_HOST_PATTERNS } from '../../extension/permissions/webmail-hosts';
import { listFixtures, readFixture } from '../fixtures/webmail/load-fixture';

// The extension APIs as seen inside the service worker (sw.evaluate bodies run there).
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
  };
};

const OUT = join(ROOT, 'test/e2e/out');
const COMPLAINT =
  '我买的洗衣机送到时外壳凹陷，售后一直不处理，再不解决我就找记者曝光。订单号 88231。';
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>商品评价 - 示例商城</title></head>
<body><h1>评价</h1><p id="complaint">${COMPLAINT}</p><p id="other">Other text that is not selected.</p></body></html>`;

type Ack = { complaintId: string; eventId: string; needsReview: boolean; duplicate: boolean };

let ext: string;
let server: Served;
let browser: Launched;

async function tabIdOf(urlPrefix: string): Promise<number> {
  const sw = await serviceWorker(browser.ctx);
  return sw.evaluate(async (prefix) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (tab?.id === undefined) throw new Error(`no tab ${prefix}`);
    return tab.id;
  }, urlPrefix);
}

async function extensionPage(path: string): Promise<Page> {
  const page = await browser.ctx.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

async function setLocale(locale: 'en' | 'zh-CN') {
  const sw = await serviceWorker(browser.ctx);
  await sw.evaluate(async (l) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({
      settings: { ...(settings ?? {}), userName: 'Wang Fang', locale: l },
    });
  }, locale);
}

beforeAll(async () => {
  ext = ensureBuilt('e2e');
  server = await serve({ '/page.html': PAGE });
  browser = await launch(ext);
  mkdirSync(OUT, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.ctx.close().catch(() => undefined);
  if (browser) rmSync(browser.profileDir, { recursive: true, force: true });
  await server?.close();
});

describe('the built extension', () => {
  it('is built with minimal permissions plus the test hosts, and the capture command', () => {
    const m = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
    expect([...m.permissions].sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'contextMenus',
        'notifications',
        'offscreen',
        'scripting',
        'sidePanel',
        'storage',
        'unlimitedStorage',
      ].sort(),
    );
    // production has none (extension/manifest.test.ts); the test build only what automation needs
    expect(m.host_permissions).toEqual([
      'http://127.0.0.1/*',
      ...WEBMAIL_HOST_PATTERNS,
      'https://*.example.test/*',
      '<all_urls>',
    ]);
    expect(m.optional_host_permissions).toContain('https://outlook.office.com/*');
    expect(m.commands.capture.suggested_key.default).toBe('Alt+Shift+K');
    expect(m.side_panel.default_path).toBe('sidepanel.html');
  });

  it('captures a selection on a local page into the queue and shows it', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`${server.origin}/page.html?t=selection`);
    await selectText(page, '#complaint');
    const tabId = await tabIdOf(`${server.origin}/page.html?t=selection`);
    const sw = await serviceWorker(browser.ctx);
    const ack = (await sw.evaluate(
      (id) =>
        (
          globalThis as never as {
            __complaintDesk: { onMenuClick(i: object, t: object): Promise<unknown> };
          }
        ).__complaintDesk.onMenuClick({ menuItemId: 'capture-selection' }, { id }),
      tabId,
    )) as Ack;
    expect(ack.duplicate).toBe(false);

    const popup = await extensionPage('popup.html');
    const db = await readDb(popup);
    const row = db.complaints.find((c) => c.id === ack.complaintId) as {
      status: string;
      title: string;
      severity: string;
    };
    expect(row.status).toBe('draft');
    // Assessed by the worker's fold with the default text rules it fetched (记者 + 曝光: media).
    expect(row.severity).toBe('L3');
    expect(row.title).toContain('洗衣机送到时外壳凹陷');
    const draft = (
      db.drafts.find((d) => d.complaintId === ack.complaintId) as {
        draft: { channel: string; source: { url: string; selectionText: string; html?: string } };
      }
    ).draft;
    expect(draft.channel).toBe('web_page');
    expect(draft.source.url).toBe(`${server.origin}/page.html?t=selection`);
    expect(draft.source.selectionText).toContain('外壳凹陷');
    expect(draft.source.selectionText).not.toContain('Other text');

    // shown in the popup's queue…
    await popup.locator(`[data-complaint-id="${ack.complaintId}"]`).waitFor();
    // Live (Dexie's count, after the first page, which a plain read shows first).
    await expect
      .poll(() => popup.locator('#cd-queue-count').textContent())
      .toMatch(/^1 waiting to be registered/);
    // …and in the registration page, prefilled
    const panel = await extensionPage(`sidepanel.html#${ack.complaintId}`);
    await expect(panel.locator('#cd-description').inputValue()).resolves.toContain('外壳凹陷');
    await panel.locator('#cd-live').getByText(/L3/).waitFor(); // 记者 + 曝光: media
    await panel.close();
    await popup.close();
    await page.close();
  });

  it('loses nothing and duplicates nothing when the service worker is stopped mid-capture', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`${server.origin}/page.html?t=stop`);
    await selectText(page, '#other');
    const tabId = await tabIdOf(`${server.origin}/page.html?t=stop`);
    const sw = await serviceWorker(browser.ctx);
    await sw.evaluate(() => {
      const g = globalThis as never as { __complaintDeskHooks: object; __reached?: boolean };
      g.__complaintDeskHooks = {
        beforeCommit: () => {
          g.__reached = true;
          return new Promise(() => undefined); // hold the capture between journal and commit
        },
      };
    });
    const pending = sw
      .evaluate(
        (id) =>
          (
            globalThis as never as {
              __complaintDesk: { onCommand(c: string, t: object): Promise<unknown> };
            }
          ).__complaintDesk.onCommand('capture', { id }),
        tabId,
      )
      .catch(() => 'stopped');
    await expect
      .poll(
        () =>
          sw.evaluate(() => (globalThis as never as { __reached?: boolean }).__reached === true),
        { timeout: 10_000 },
      )
      .toBe(true);

    const cdp = await browser.ctx.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await pending).toBe('stopped');

    // Any extension page wakes a new worker, which finishes the journaled capture.
    const popup = await extensionPage('popup.html');
    await expect
      .poll(
        async () =>
          (await readDb(popup)).events.filter((e) =>
            JSON.stringify(e).includes('Other text that is not selected'),
          ).length,
        { timeout: 15_000 },
      )
      .toBe(1);
    // again after another wake-up: still exactly one
    await popup.reload();
    await popup.waitForTimeout(500);
    const events = (await readDb(popup)).events.filter((e) =>
      JSON.stringify(e).includes('Other text that is not selected'),
    );
    expect(events).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('keeps an acknowledged capture when the browser is killed right after', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`${server.origin}/page.html?t=kill`);
    await selectText(page, '#complaint');
    const tabId = await tabIdOf(`${server.origin}/page.html?t=kill`);
    const sw = await serviceWorker(browser.ctx);
    const ack = (await sw.evaluate(
      (id) =>
        (
          globalThis as never as {
            __complaintDesk: { onCommand(c: string, t: object): Promise<unknown> };
          }
        ).__complaintDesk.onCommand('capture', { id }),
      tabId,
    )) as Ack;
    killBrowser(browser.profileDir);
    await browser.ctx.close().catch(() => undefined);

    browser = await launch(ext, browser.profileDir);
    const popup = await extensionPage('popup.html');
    const db = await readDb(popup);
    expect(db.complaints.map((c) => c.id)).toContain(ack.complaintId);
    expect(db.events.map((e) => e.id)).toContain(ack.eventId);
    await popup.close();
  });

  it('clips an email from a Gmail fixture served at its real origin', async () => {
    const html = readFileSync(join(ROOT, 'test/fixtures/webmail/gmail/single-en.html'), 'utf8');
    await browser.ctx.route('https://mail.google.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    const page = await browser.ctx.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQdzmTxWGqPRkXbHwJgVvDCLsRk');
    const tabId = await tabIdOf('https://mail.google.com/');
    const sw = await serviceWorker(browser.ctx);
    const ack = (await sw.evaluate(
      (id) =>
        (
          globalThis as never as {
            __complaintDesk: { onCommand(c: string, t: object): Promise<unknown> };
          }
        ).__complaintDesk.onCommand('capture', { id }),
      tabId,
    )) as Ack;
    expect(ack.needsReview).toBe(false);
    const popup = await extensionPage('popup.html');
    type EmailDraft = {
      channel: string;
      subject?: string;
      description?: string;
      complainant?: { name?: string; email?: string };
      source: {
        url: string;
        html?: string;
        method: string;
        email?: {
          provider: string;
          from?: { name?: string; address?: string };
          subject?: string;
          messageId?: string;
          attachmentNames?: string[];
        };
      };
    };
    const row = (await readDb(popup)).drafts.find((d) => d.complaintId === ack.complaintId) as {
      draft: EmailDraft;
    };
    const { draft } = row;
    expect(draft.channel).toBe('email');
    expect(draft.source.email).toMatchObject({
      provider: 'gmail',
      from: { name: 'Li Wei', address: 'li.wei@customer.example.test' },
      subject: 'Order #48213 arrived damaged - requesting replacement',
      messageId: '19ad4c1e2f3a5b02',
      attachmentNames: ['receipt-48213.pdf', 'IMG_20261120_1512.jpg'],
    });
    expect(draft.complainant).toMatchObject({
      name: 'Li Wei',
      email: 'li.wei@customer.example.test',
    });
    expect(draft.description).toContain('four of the plates are broken');
    expect(draft.description).not.toContain('+49 30 1234 5678'); // the signature stays apart
    expect(draft.source.html ?? '').not.toMatch(/<script|onerror=|javascript:/i);

    // shown for registration: the email HTML only inside a sandboxed frame
    const panel = await extensionPage(`sidepanel.html#${ack.complaintId}`);
    await expect(panel.locator('#cd-complainant-email').inputValue()).resolves.toBe(
      'li.wei@customer.example.test',
    );
    await expect(panel.locator('iframe.cd-clip').getAttribute('sandbox')).resolves.toBe('');
    await Promise.all([panel.close(), popup.close(), page.close()]);
    await browser.ctx.unroute('https://mail.google.com/**');
  });

  const PROVIDERS = ['gmail', 'outlook', 'yahoo', 'qq-new', 'qq-classic', 'netease', 'generic'];
  it('clips every webmail fixture at its real origin (frames included)', async () => {
    const page = await browser.ctx.newPage();
    const results: string[] = [];
    for (const provider of PROVIDERS) {
      for (const fx of listFixtures(provider)) {
        const main = readFixture(provider, fx.file);
        const origin = new URL(fx.url).origin;
        // Frames with a URL are served at it (QQ classic); about:blank ones are written in by
        // the webmail's own script (NetEase), which the test does in its place.
        const served = new Map<string, string>();
        const written: [string, string][] = [];
        for (const [id, file] of Object.entries(fx.frames)) {
          const src = main
            .match(new RegExp(`<iframe[^>]*id="${id}"[^>]*src="([^"]*)"`))?.[1]
            ?.replace(/&amp;/g, '&');
          if (src && src !== 'about:blank')
            served.set(new URL(src, fx.url).href.split('#')[0]!, readFixture(provider, file));
          else written.push([id, readFixture(provider, file)]);
        }
        await browser.ctx.route(`${origin}/**`, (route) => {
          const body = served.get(route.request().url()) ?? main;
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
        });
        // Two fixtures may differ only in the hash: leave first, or the old document stays.
        await page.goto('about:blank');
        await page.goto(fx.url);
        for (const [id, html] of written) {
          await page.evaluate(
            ([frameId, frameHtml]) => {
              const doc = (document.getElementById(frameId!) as HTMLIFrameElement).contentDocument!;
              doc.open();
              doc.write(frameHtml!);
              doc.close();
            },
            [id, html] as const,
          );
        }
        const tabId = await tabIdOf(origin);
        const sw = await serviceWorker(browser.ctx);
        const ack = (await sw.evaluate(
          (id) =>
            (
              globalThis as never as {
                __complaintDesk: { onCommand(c: string, t: object): Promise<unknown> };
              }
            ).__complaintDesk.onCommand('capture', { id }),
          tabId,
        )) as Ack;
        await browser.ctx.unroute(`${origin}/**`);
        results.push(`${provider}/${fx.name}:${ack.complaintId}`);
      }
    }
    const popup = await extensionPage('popup.html');
    const db = await readDb(popup);
    for (const r of results) {
      const [name, id] = r.split(':') as [string, string];
      const provider = name.split('/')[0];
      const draft = (
        db.drafts.find((d) => d.complaintId === id) as
          | { draft: Record<string, unknown> }
          | undefined
      )?.draft as
        | {
            channel: string;
            description?: string;
            source: {
              html?: string;
              email?: { provider: string; from?: { name?: string; address?: string } };
            };
          }
        | undefined;
      expect(draft, name).toBeDefined();
      expect(draft!.source.html ?? '', name).not.toMatch(/<script|onerror=|javascript:/i);
      if (provider === 'generic') continue;
      expect(draft!.channel, name).toBe('email');
      expect(draft!.source.email?.provider, name).toBe(provider);
      expect(
        draft!.source.email?.from?.name || draft!.source.email?.from?.address,
        name,
      ).toBeTruthy();
      expect(draft!.description?.length ?? 0, name).toBeGreaterThan(10);
    }
    expect(results.length).toBeGreaterThanOrEqual(PROVIDERS.length);
    await Promise.all([popup.close(), page.close()]);
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`popup, side panel and options pass axe in ${locale}; screenshots saved`, async () => {
      await setLocale(locale);
      const popup = await extensionPage('popup.html');
      await popup.locator('html[lang]').waitFor();
      await expect.poll(() => popup.getAttribute('html', 'lang')).toBe(locale);
      // The drafts count is filled in by Dexie after the first page.
      await expect.poll(() => popup.locator('#cd-queue-count').textContent()).not.toBe('');
      expect(await axeViolations(popup)).toEqual([]);
      await popup.screenshot({ path: join(OUT, `extension-popup-${locale}.png`), fullPage: true });

      const db = await readDb(popup);
      const draftId = (db.complaints.find((c) => c.status === 'draft') as { id: string }).id;
      const panel = await extensionPage(`sidepanel.html#${draftId}`);
      await panel.locator('#cd-description').waitFor();
      await panel.locator('#cd-live').waitFor();
      expect(await axeViolations(panel)).toEqual([]);
      await panel.screenshot({
        path: join(OUT, `extension-sidepanel-${locale}.png`),
        fullPage: true,
      });
      // keyboard: Register is reachable by Tab and submitting shows the error summary focused
      await panel.locator('#cd-register').focus();
      await panel.keyboard.press('Enter');
      await panel.locator('.summary').waitFor();
      expect(await axeViolations(panel)).toEqual([]);

      const options = await extensionPage('options.html');
      await options.locator('#cd-user-name').waitFor();
      expect(await axeViolations(options)).toEqual([]);
      await options.screenshot({
        path: join(OUT, `extension-options-${locale}.png`),
        fullPage: true,
      });
      await Promise.all([popup.close(), panel.close(), options.close()]);
    });
  }
});
