/**
 * A visitor's complaint is never lost on an answer the widget does not understand, in real
 * Chromium against the stand-in receiver (scripted faults): after a 403, a 404, a 400 without
 * field errors or a 500 the read-back stays on screen with why, the complaint waits in the
 * outbox (IndexedDB) — also across a reload — "Copy my complaint" puts it on the clipboard
 * (keyboard), and "Try again" registers it once the fault is gone. After a 409 (the server holds
 * another body under its id) "Try again" registers it under a new id, exactly once; the "saved"
 * view after a network failure can copy it too.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ScriptedAnswer } from '../../widget/demo/receiver';
import {
  type Page,
  type StandInHarness,
  axeCheck,
  screenshot,
  startStandInHarness,
  widgetPage,
} from './browser';

let h: StandInHarness;
beforeAll(async () => {
  h = await startStandInHarness();
});
afterAll(async () => {
  await h?.close();
});

async function fillAndReview(page: Page, description: string) {
  await page.getByLabel('Your name', { exact: true }).fill('Chen');
  await page.getByLabel('Email', { exact: true }).fill('chen@example.com');
  await page.getByLabel('What happened?').fill(description);
  await page.getByLabel('What would you like us to do?').fill('A refund');
  await page.getByRole('button', { name: 'Review my complaint' }).click();
  await page.getByRole('button', { name: 'Confirm and send' }).waitFor();
}

/** The descriptions of what waits in the widget's outbox (its IndexedDB, read by the page). */
const outboxHolds = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('complaint-form-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('items')) return resolve([]);
          const all = db.transaction('items').objectStore('items').getAll();
          all.onsuccess = () =>
            resolve(all.result.map((i: { body: string }) => JSON.parse(i.body).description));
          all.onerror = () => reject(all.error);
        };
      }),
  );

/** Answers every POST of `description` with `answer` until the returned function is called. */
function fault(description: string, answer: ScriptedAnswer) {
  const mine = (body: unknown) => (body as { description?: string }).description === description;
  const script = h.server.receiver.script;
  const entries = Array.from({ length: 30 }, () => ({ ...answer, when: mine }));
  script.push(...entries);
  const posts = () => h.server.receiver.posts.filter((p) => mine(p.body)).map((p) => p.status);
  return {
    posts,
    remove() {
      for (const e of entries) {
        const i = script.indexOf(e);
        if (i >= 0) script.splice(i, 1);
      }
    },
  };
}

const FAULTS: [string, ScriptedAnswer, string][] = [
  [
    '403',
    {
      status: 403,
      body: { errors: [{ path: '', code: 'intake.originNotAllowed', message: 'x' }] },
    },
    'This website is not allowed to send complaints to us',
  ],
  ['404', { status: 404 }, 'The complaint service was not found'],
  ['400', { status: 400, body: { errors: [] } }, 'refused the complaint without saying why'],
  ['500', { status: 500, body: {} }, 'Our server had a problem'],
];

// One at a time: the clipboard is the browser's, shared by every context.
describe('the widget keeps a complaint it could not register', () => {
  it.for(FAULTS)(
    'after a %s: kept on screen and in the outbox, copied, sent by "Try again" once the fault is gone',
    async ([name, answer, message], { expect }) => {
      const context = await h.browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: h.server.url,
      });
      const page = await context.newPage();
      await page.goto(widgetPage(h.server, `/kept-${name}.html`));
      const description = `Kept test ${name}: the blender arrived broken and support never answered.`;
      await fillAndReview(page, description);
      const f = fault(description, answer);
      await page.getByRole('button', { name: 'Confirm and send' }).click();
      await page.locator('complaint-form .notice').filter({ hasText: message }).waitFor();
      expect(await page.locator('complaint-form [part="review"]').textContent()).toContain(
        description,
      );
      expect(await outboxHolds(page)).toEqual([description]);
      expect(await axeCheck(page)).toEqual([]);
      await screenshot(page, `widget-kept-${name}`);

      // Keyboard: focus "Copy my complaint", press Enter.
      await page.getByRole('button', { name: 'Copy my complaint' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Copied. You can paste it anywhere.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(description);
      expect(copied).toContain('chen@example.com');

      // Still at fault: still kept, still said.
      const before = f.posts().length;
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => f.posts().length).toBeGreaterThan(before);
      await page.locator('complaint-form .notice').filter({ hasText: message }).waitFor();
      expect(await outboxHolds(page)).toEqual([description]);

      f.remove();
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByText('Thank you, we have received your complaint').waitFor();
      expect(f.posts().at(-1)).toBe(201);
      await expect.poll(() => outboxHolds(page)).toEqual([]);
      await context.close();
    },
  );
});

describe.concurrent('the outbox across a reload', () => {
  it.for(FAULTS)(
    'after a %s the outbox still holds it after a reload, and delivers it once the fault is gone',
    async ([name, answer, message], { expect }) => {
      const context = await h.browser.newContext();
      const page = await context.newPage();
      await page.goto(widgetPage(h.server, `/kept-reload-${name}.html`));
      const description = `Reload test ${name}: the parcel was left in the rain and everything got wet.`;
      await fillAndReview(page, description);
      const f = fault(description, answer);
      await page.getByRole('button', { name: 'Confirm and send' }).click();
      await page.locator('complaint-form .notice').filter({ hasText: message }).waitFor();
      const sent = f.posts().length;
      await page.reload();
      // The page load tries again (still at fault) and keeps it.
      await expect.poll(() => f.posts().length).toBeGreaterThan(sent);
      expect(await outboxHolds(page)).toEqual([description]);
      f.remove();
      await page.reload();
      await expect.poll(() => f.posts().at(-1)).toBe(201);
      await expect.poll(() => outboxHolds(page)).toEqual([]);
      expect(h.server.receiver.complaints.size).toBeGreaterThan(0);
      await context.close();
    },
  );
});

describe('a 409 and the saved view', () => {
  it('after a 409 "Try again" registers the complaint under a new id, exactly once', async ({
    expect,
  }) => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.goto(widgetPage(h.server, '/kept-409.html'));
    const description = 'Conflict test: the sofa was delivered in the wrong colour, twice.';
    await fillAndReview(page, description);
    // The server holds another body under the first id it sees: every POST of that id is a 409,
    // as the real intake answers it.
    let taken: string | undefined;
    const sameId = (body: unknown) => {
      const b = body as { id?: string; description?: string };
      if (b.description !== description) return false;
      taken ??= b.id;
      return b.id === taken;
    };
    const conflict = {
      status: 409,
      body: { errors: [{ path: 'id', code: 'intake.idReused', message: 'used' }] },
      when: sameId,
    };
    const entries = Array.from({ length: 5 }, () => ({ ...conflict }));
    h.server.receiver.script.push(...entries);
    const mine = () =>
      h.server.receiver.posts.filter(
        (p) => (p.body as { description?: string }).description === description,
      );
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page
      .locator('complaint-form .notice')
      .filter({ hasText: 'press “Try again” to send it as a new complaint' })
      .waitFor();
    expect(mine().map((p) => p.status)).toEqual([409]);
    expect(await outboxHolds(page)).toEqual([description]);
    expect(await axeCheck(page)).toEqual([]);

    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Thank you, we have received your complaint').waitFor();
    const caseNumber = await page.locator('complaint-form .case').textContent();
    expect(caseNumber).toMatch(/\d/);
    const posts = mine();
    expect(posts.map((p) => p.status)).toEqual([409, 201]);
    expect(posts[1]!.id).not.toBe(taken);
    const registered = [...h.server.receiver.complaints.values()].filter(
      (c) => c.description === description,
    );
    expect(registered.map((c) => [c.id, c.caseNumber])).toEqual([[posts[1]!.id, caseNumber]]);
    await expect.poll(() => outboxHolds(page)).toEqual([]);
    // Nothing left to send again on the next load.
    await page.reload();
    await page.waitForTimeout(500);
    expect(mine()).toHaveLength(2);
    for (const e of entries) {
      const i = h.server.receiver.script.indexOf(e);
      if (i >= 0) h.server.receiver.script.splice(i, 1);
    }
    await context.close();
  });

  it('after a 409 the next page load registers the kept complaint under its new id, once', async ({
    expect,
  }) => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.goto(widgetPage(h.server, '/kept-409-reload.html'));
    const description = 'Conflict reload test: the heater stopped working after one week.';
    await fillAndReview(page, description);
    let taken: string | undefined;
    const sameId = (body: unknown) => {
      const b = body as { id?: string; description?: string };
      if (b.description !== description) return false;
      taken ??= b.id;
      return b.id === taken;
    };
    const entries = Array.from({ length: 5 }, () => ({ status: 409, when: sameId }));
    h.server.receiver.script.push(...entries);
    const mine = () =>
      h.server.receiver.posts.filter(
        (p) => (p.body as { description?: string }).description === description,
      );
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.locator('complaint-form .notice').filter({ hasText: 'new complaint' }).waitFor();
    await page.reload();
    await expect.poll(() => mine().map((p) => p.status)).toEqual([409, 201]);
    expect(mine()[1]!.id).not.toBe(taken);
    await expect.poll(() => outboxHolds(page)).toEqual([]);
    const registered = [...h.server.receiver.complaints.values()].filter(
      (c) => c.description === description,
    );
    expect(registered).toHaveLength(1);
    for (const e of entries) {
      const i = h.server.receiver.script.indexOf(e);
      if (i >= 0) h.server.receiver.script.splice(i, 1);
    }
    await context.close();
  });

  it('the "saved, will be sent" view (network failure) copies the complaint, by keyboard', async ({
    expect,
  }) => {
    const context = await h.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: h.server.url,
    });
    const page = await context.newPage();
    await page.goto(widgetPage(h.server, '/kept-saved-copy.html'));
    const description = 'Saved copy test: the washing machine floods the kitchen floor.';
    await fillAndReview(page, description);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await page.getByText('Saved: it will be sent automatically').waitFor();
    expect(await axeCheck(page)).toEqual([]);
    const copy = page.locator('complaint-form [part="queued"] [part~="copy"]');
    await copy.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Copied. You can paste it anywhere.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(description);
    expect(copied).toContain('chen@example.com');
    await screenshot(page, 'widget-saved-copy');
    await context.setOffline(false);
    await page.getByText('Thank you, we have received your complaint').waitFor();
    await context.close();
  });
});
