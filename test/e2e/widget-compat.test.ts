/**
 * <complaint-form> where pages are hard on it: a strict CSP (constructable stylesheets, and the
 * `<style nonce>` fallback), a browser without custom elements (the IIFE loads the polyfill),
 * 320 px wide and 200 % zoom, and a visitor using only the keyboard.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type Harness,
  type Page,
  axeCheck,
  events,
  focused,
  pastBotThreshold,
  recordEvents,
  screenshot,
  startHarness,
  widgetPage,
} from './browser';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const CSP = "default-src 'self'; style-src 'self' 'nonce-r4nd0m'; script-src 'self'";

/** Records CSP violations from the very start of the page. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** The submit button's background: the accent colour when styles applied, transparent-ish when not. */
const buttonBackground = (page: Page) =>
  page
    .locator('complaint-form button[type="submit"]')
    .evaluate((b) => getComputedStyle(b).backgroundColor);

async function sendValid(page: Page, description: string) {
  await page.locator('complaint-form #name').fill('Zhao');
  await page.locator('complaint-form #phone').fill('010-12345678');
  await page.locator('complaint-form #description').fill(description);
  await page.locator('complaint-form #demand').fill('Unknown yet');
  await pastBotThreshold(page);
  await page.locator('complaint-form button[type="submit"]').click();
  await page.locator('complaint-form [part="review"] button[part~="submit"]').click();
  await page.locator('complaint-form [part="success"]').waitFor();
}

describe.concurrent('strict CSP page', () => {
  it.for([
    ['constructable stylesheets', false],
    ['the <style nonce> fallback', true],
  ] as const)(
    'is styled and works with %s, with no CSP violation',
    async ([label, fallback], { expect }) => {
      const page = await h.browser.newPage();
      const violations = await watchCsp(page);
      if (fallback) {
        await page.addInitScript(() => {
          delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
        });
      }
      const path = `/csp-${fallback ? 'fallback' : 'sheets'}.html`;
      await page.goto(
        widgetPage(h.server, path, {
          attrs: 'nonce="r4nd0m"',
          headers: { 'content-security-policy': CSP },
        }),
      );
      await page.locator('complaint-form textarea').first().waitFor();
      expect(
        await page
          .locator('complaint-form')
          .evaluate((el) => el.shadowRoot!.querySelectorAll('style').length),
      ).toBe(fallback ? 1 : 0);
      expect(await buttonBackground(page)).toBe('rgb(29, 78, 216)');
      const description = `CSP test (${label}): wrong size delivered.`;
      await sendValid(page, description);
      await screenshot(page, `widget-csp-${fallback ? 'fallback' : 'sheets'}-success`);
      expect(await violations()).toEqual([]);
      expect(await axeCheck(page)).toEqual([]);
      await page.close();
    },
  );

  it('really is strict: the fallback without the nonce is blocked (control)', async ({
    expect,
  }) => {
    const page = await h.browser.newPage();
    const violations = await watchCsp(page);
    await page.addInitScript(() => {
      delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    });
    await page.goto(
      widgetPage(h.server, '/csp-no-nonce.html', { headers: { 'content-security-policy': CSP } }),
    );
    await page.locator('complaint-form textarea').first().waitFor();
    expect(await buttonBackground(page)).not.toBe('rgb(29, 78, 216)');
    expect((await violations()).some((v) => v.startsWith('style-src'))).toBe(true);
    await page.close();
  });
});

describe.concurrent('a browser without custom elements', () => {
  it('gets the polyfill from the IIFE build, and the form works (attachInternals guarded)', async ({
    expect,
  }) => {
    const page = await h.browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.addInitScript(() => {
      // As in Edge 18 / old Safari: no window.customElements at all.
      delete (window as { customElements?: unknown }).customElements;
    });
    await recordEvents(page);
    await page.goto(
      widgetPage(h.server, '/polyfill.html', {
        head: '<script src="/widget/complaint-form.iife.js"></script>',
      }),
    );
    await page.locator('complaint-form textarea').first().waitFor();
    expect(requests).toContain('/widget/complaint-form.polyfill.js');
    // The registry now is the polyfill's.
    expect(await page.evaluate(() => 'polyfillWrapFlushCallback' in window.customElements)).toBe(
      true,
    );
    await sendValid(page, 'Polyfill test: the shop closed early.');
    await screenshot(page, 'widget-polyfill-success');
    expect((await events(page)).map((e) => e.type)).toEqual([
      'complaint-submit',
      'complaint-submitted',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.concurrent('small screens and zoom', () => {
  it.for([
    ['320px', { width: 320, height: 640 }, 1],
    ['200-zoom', { width: 640, height: 800 }, 2],
  ] as const)(
    '%s: nothing wider than the screen, errors still readable',
    async ([name, viewport, deviceScaleFactor], { expect }) => {
      const page = await h.browser.newPage({ viewport, deviceScaleFactor });
      await page.goto(
        widgetPage(h.server, `/small-${name}.html`, { attrs: 'lang="zh-CN" profile="b2b"' }),
      );
      await page.locator('complaint-form textarea').first().waitFor();
      await page.locator('complaint-form button[type="submit"]').click();
      await page.locator('complaint-form .summary').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await screenshot(page, `widget-${name}-errors`);
      await page.close();
    },
  );
});

describe.concurrent('keyboard only', () => {
  it('tabs through in order with a visible focus ring, submits with Enter, reaches errors from the summary', async ({
    expect,
  }) => {
    const page = await h.browser.newPage();
    await page.goto(widgetPage(h.server, '/keyboard.html'));
    await page.locator('complaint-form textarea').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#name.input');
    const ring = await page
      .locator('complaint-form #name')
      .evaluate((el) => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]);
    expect(ring).toEqual(['solid', '3px']);
    await page.keyboard.type('Sun');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#anonymous');
    await page.keyboard.press('Space');
    expect(await page.locator('complaint-form #phone').count()).toBe(0); // anonymous hides contacts
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#phone.input');
    await page.keyboard.press('Enter'); // submits the form from a text box
    await page.locator('complaint-form .summary').waitFor();
    expect(await focused(page)).toBe('div.summary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the first link: "give at least one way to reach you"
    expect(await focused(page)).toBe('input#phone.input');
    await page.close();
  });
});
