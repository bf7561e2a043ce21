/**
 * Issue 5 in the built extension (Debian Chromium, playwright-core): 1,000 complaints seeded
 * through the extension's own append path, the popup queue filtered and searched, a case opened
 * and assigned (forward clock met, badge recomputed), a proposal beyond the agent's limit (needs
 * approval), closing without a callback refused with the reason; axe on popup, case and report
 * pages in en and zh-CN; screenshots in test/e2e/out/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { badgeFor } from '@shared/alerts/index';
import { defaultPolicy } from '@shared/policy/default-policy';
import { formatMonth } from '@shared/i18n/dates';
import { monthOf } from '@shared/report/month';
import { CaseBuilder } from '../support/review';
import type { QueueRow } from '@shared/review/index';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Launched,
  ROOT,
  axeViolations,
  ensureBuilt,
  launch,
  readDb,
  serviceWorker,
} from '../support/extension/browser-harness';

declare const chrome: {
  action: { getBadgeText(d: object): Promise<string> };
  storage: { local: { set(v: object): Promise<void> } };
};
type Hooks = {
  __complaintDesk: {
    append(id: string, events: unknown[]): Promise<{ appended: boolean }>;
    act(
      id: string,
      type: string,
      payload: object,
    ): Promise<{ appended: boolean; rejected: { reason: string }[] }>;
    alerts: { tick(): Promise<{ badge: { text: string } }> };
  };
};

const OUT = join(ROOT, 'test/e2e/out');
const N = 1_000;
const HOUR = 3_600_000;
const TARGET = '00000000-0000-4000-8000-00000000e5e5';
const TARGET_CASE = '2605-7777';
const USER = { userId: 'u-li', userName: 'Li Na', role: 'agent' };

let browser: Launched;
let ext: string;
/** When the complaints were seeded (the target registered 20 minutes before). */
let seededAt: number;

const uuid = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** Varied complaints registered over the last 5 days; one in four assigned; one target. */
function complaints(now: number) {
  const out: { id: string; events: unknown[] }[] = [];
  for (let i = 1; i < N; i++) {
    const at = now - ((i * 7_919) % (120 * HOUR)) - 60_000;
    const c = new CaseBuilder(uuid(i)).register(
      iso(at),
      {
        subject: `${['Washing machine leaks', '快递延误', 'Billing error', '客服态度差'][i % 4]} #${i}`,
        complainant: {
          name: `Customer ${i}`,
          anonymous: false,
          phone: `138${String(i).padStart(8, '0')}`,
        },
      },
      { caseNumber: `26${String(1 + (i % 12)).padStart(2, '0')}-${String(i).padStart(4, '0')}` },
    );
    if (i % 4 === 0) c.assign(iso(at + 60_000));
    out.push({ id: c.id, events: c.events });
  }
  const target = new CaseBuilder(TARGET).register(
    iso(now - 20 * 60_000),
    {
      subject: 'Zebra blender rattles',
      complainant: { name: 'Zhou Min', anonymous: false, phone: '13900001111' },
    },
    { caseNumber: TARGET_CASE },
  );
  out.push({ id: TARGET, events: target.events });
  return out;
}

async function page(path: string): Promise<Page> {
  const p = await browser.ctx.newPage();
  await p.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return p;
}

async function settings(patch: object) {
  const sw = await serviceWorker(browser.ctx);
  await sw.evaluate(async (s) => chrome.storage.local.set({ settings: s }), {
    ...USER,
    locale: 'en',
    screenshot: false,
    onCallContact: 'Duty lead 555-0100',
    ...patch,
  });
}

/** The badge the stored rows call for now (shared badgeFor), and the one the extension set. */
async function badges(p: Page) {
  const sw = await serviceWorker(browser.ctx);
  const shown = await sw.evaluate(async () => {
    await (globalThis as unknown as Hooks).__complaintDesk.alerts.tick();
    return chrome.action.getBadgeText({});
  });
  const rows = (await readDb(p)).complaints as unknown as QueueRow[];
  const active = rows.filter(
    (r) => !['draft', 'closed', 'invalid', 'withdrawn', 'transferred'].includes(r.status),
  );
  return { shown, expected: badgeFor(active, 'en', new Date()).text };
}

beforeAll(async () => {
  ext = ensureBuilt('e2e');
  browser = await launch(ext);
  mkdirSync(OUT, { recursive: true });
  const sw = await serviceWorker(browser.ctx);
  seededAt = Date.now();
  const all = complaints(seededAt);
  for (let i = 0; i < all.length; i += 250) {
    await sw.evaluate(
      async (batch) => {
        const hooks = (globalThis as unknown as Hooks).__complaintDesk;
        for (const c of batch) await hooks.append(c.id, c.events);
      },
      all.slice(i, i + 250),
    );
  }
  // After the worker's first start, which stores default settings once.
  await settings({});
}, 120_000);

afterAll(async () => {
  await browser?.ctx.close().catch(() => undefined);
  if (browser) rmSync(browser.profileDir, { recursive: true, force: true });
});

describe('review queue, case and report in the built extension', () => {
  it('seeds 1,000 complaints through the append path, with the queue columns (schema v3)', async () => {
    const p = await page('popup.html');
    const db = await readDb(p);
    expect(db.complaints.length).toBe(N);
    expect(db.complaints.every((r) => typeof r.dueKey === 'string' && Array.isArray(r.terms))).toBe(
      true,
    );
    await p.close();
  });

  it('popup: filters and searches the queue, opens a case', async () => {
    const p = await page('popup.html');
    await p.locator('[data-complaint-id]').first().waitFor();
    await p.locator('#cd-capture').waitFor(); // the capture button is still there
    expect(await p.locator('[data-complaint-id]').count()).toBeGreaterThan(3);

    await p.locator('.rv-more-filters summary').click();
    await p.selectOption('#rv-f-statuses', 'assigned');
    await expect
      .poll(async () => {
        const st = await p.locator('[data-complaint-id] .rv-st').allTextContents();
        return st.length > 0 && st.every((s) => s === 'Assigned');
      })
      .toBe(true);
    await p.selectOption('#rv-f-statuses', '');

    await p.fill('#rv-search', 'Zebra');
    await expect.poll(() => p.locator('[data-complaint-id]').count()).toBe(1);
    await expect(p.locator(`[data-complaint-id="${TARGET}"]`).textContent()).resolves.toContain(
      TARGET_CASE,
    );
    await p.screenshot({ path: join(OUT, 'review-popup-search-en.png'), fullPage: true });

    const opened = browser.ctx.waitForEvent('page');
    await p.locator(`[data-complaint-id="${TARGET}"]`).click();
    const tab = await opened;
    expect(tab.url()).toContain(`/case.html?id=${TARGET}`);
    await tab.close();
    await p.fill('#rv-search', '');
    await p.close();
  });

  it('case: assign meets the forward clock and the badge follows; limits and refusals shown', async () => {
    const p = await page(`case.html?id=${TARGET}`);
    await p.locator('#rv-case-title').waitFor();
    const before = await badges(p);
    expect(before.shown).toBe(before.expected);

    await p.getByRole('button', { name: 'Assign', exact: true }).click();
    await p.locator('#rv-act-assigned-handler-name').fill('Li Na');
    await p.locator('#rv-act-assigned button[type="submit"]').click();
    await expect
      .poll(async () => {
        const row = (await readDb(p)).complaints.find((c) => c.id === TARGET) as {
          status: string;
          state: { clocks: { forward?: { stoppedAt?: string } } };
        };
        return [row.status, !!row.state.clocks.forward?.stoppedAt];
      })
      .toEqual(['assigned', true]);
    // recorded as the user named in the options
    const assigned = (await readDb(p)).events.find(
      (e) => e.complaintId === TARGET && e.type === 'assigned',
    ) as { actor: { id: string; name: string; role: string } };
    expect(assigned.actor).toEqual({ id: 'u-li', name: 'Li Na', role: 'agent' });
    const after = await badges(p);
    expect(after.shown).toBe(after.expected);

    // Closing: refused with the workflow's reason, on screen and through the append path.
    await expect(p.locator('#rv-why-closed').textContent()).resolves.toMatch(/callback/i);
    const sw = await serviceWorker(browser.ctx);
    const closing = await sw.evaluate(
      (id) => (globalThis as unknown as Hooks).__complaintDesk.act(id, 'closed', {}),
      TARGET,
    );
    expect(closing.appended).toBe(false);
    expect(closing.rejected[0]?.reason).toBe('workflow.close.callbackRequired');

    // 8,000 is above the agent's own limit (5,000): the form says who must approve.
    await p.getByRole('button', { name: 'Contact customer', exact: true }).click();
    await p.locator('#rv-act-contacted button[type="submit"]').click();
    await expect
      .poll(async () => {
        const row = (await readDb(p)).complaints.find((c) => c.id === TARGET) as { status: string };
        return row.status;
      })
      .toBe('in_progress');
    await p.getByRole('button', { name: 'Propose resolution', exact: true }).click();
    await p.selectOption('#rv-act-resolutionProposed-type', 'compensation');
    await p.locator('#rv-act-resolutionProposed-amount').fill('8000');
    await expect(p.locator('#rv-act-resolutionProposed .rv-hint').textContent()).resolves.toMatch(
      /approv/i,
    );
    await p.screenshot({ path: join(OUT, 'review-case-approval-en.png'), fullPage: true });

    // The company's fault: a coded cause ("other" asks for the words) and department shares.
    const form = '#rv-act-resolutionProposed';
    await p.selectOption(`${form}-responsibility`, 'company');
    await expect(p.locator(`${form}-rootCause`).count()).resolves.toBe(0);
    await p.selectOption(`${form}-rootCauseCode`, 'other');
    await p.locator(`${form}-rootCause`).fill('Drain hose clamp too short');
    await p.locator(`${form}-correctiveAction`).fill('Longer clamps from May');
    await p.locator(`${form}-description`).fill('Compensation for the floor');
    await p.locator(`${form}-shares-quality`).fill('60');
    await p.locator(`${form}-shares-logistics`).fill('30');
    await p.locator(`${form} button[type="submit"]`).click();
    await expect(p.locator(`${form}-shares-error`).textContent()).resolves.toMatch(/100/);
    await p.locator(`${form}-shares-logistics`).fill('40');
    await p.locator(`${form} button[type="submit"]`).click();
    await expect
      .poll(async () => {
        const e = (await readDb(p)).events.find(
          (x) => x.complaintId === TARGET && x.type === 'resolutionProposed',
        ) as { payload: Record<string, unknown> } | undefined;
        return e?.payload;
      })
      .toMatchObject({
        rootCauseCode: 'other',
        rootCause: 'Drain hose clamp too short',
        shares: [
          { department: 'quality', ratio: 0.6 },
          { department: 'logistics', ratio: 0.4 },
        ],
      });
    await p.close();
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`axe: popup, case page and report page in ${locale}; screenshots`, async () => {
      await settings({ locale });
      for (const [name, path, ready] of [
        ['popup', 'popup.html', '[data-complaint-id]'],
        ['case', `case.html?id=${TARGET}`, '#rv-case-title'],
        ['report', 'report.html', '#rv-report-title'],
      ] as const) {
        const p = await page(path);
        await p.locator(ready).first().waitFor();
        await expect.poll(() => p.getAttribute('html', 'lang')).toBe(locale);
        if (name === 'report') {
          // The page opens on the previous month; the seeded complaints are in the target's month.
          const month = monthOf(new Date(seededAt - 20 * 60_000), defaultPolicy.calendar.timeZone);
          await p.selectOption('#rv-month-year', String(Number(month.slice(0, 4))));
          await p.selectOption('#rv-month', String(Number(month.slice(5))));
          await p.locator('#rv-month').blur(); // no focus ring over the month in the screenshot
          await expect
            .poll(() => p.locator('#rv-report-title').textContent())
            .toContain(formatMonth(month, locale));
          // "Complaints registered", this month: the first figure of the summary.
          const registered = p.locator('[aria-labelledby="rv-summary"] tbody tr td').first();
          await expect
            .poll(async () => Number(await registered.textContent({ timeout: 2_000 })))
            .toBeGreaterThan(0);
          // The month picker's selects are as wide as their longest option ("September" in
          // English): squeezed by the header's flex row, "December" read "Decemb".
          const squeezed = await p.evaluate(() =>
            [...document.querySelectorAll<HTMLSelectElement>('.rv-month-picker select')]
              .map((s) => {
                const free = s.cloneNode(true) as HTMLSelectElement;
                free.removeAttribute('id');
                free.style.cssText = 'position:absolute;visibility:hidden;width:auto;flex:none';
                s.parentElement!.append(free);
                const need = free.getBoundingClientRect().width;
                free.remove();
                const has = s.getBoundingClientRect().width;
                return has + 0.5 < need ? `${s.id}: ${has} px of ${need}` : '';
              })
              .filter(Boolean),
          );
          expect(squeezed, `month picker ${locale}`).toEqual([]);
        }
        await p.waitForTimeout(150);
        expect(await axeViolations(p), `${name} ${locale}`).toEqual([]);
        await p.screenshot({ path: join(OUT, `review-${name}-${locale}.png`), fullPage: true });
        await p.close();
      }
    });
  }

  it('popup: the first page renders before Dexie loads; then it follows a new complaint live', async () => {
    await settings({});
    const p = await page('popup.html');
    await p.locator('[data-complaint-id]').first().waitFor();
    // The plain IndexedDB read (queue/first-page.ts): rows in the DOM before Dexie's chunk ran
    // (popup-db.ts marks it). The count row comes from Dexie, after.
    await p.locator('.rv-count').first().waitFor();
    const timing = await p.evaluate(() => ({
      rendered: performance.getEntriesByName('cd:queue-rendered')[0]?.startTime,
      dexie: performance.getEntriesByName('cd:dexie-loaded')[0]?.startTime,
    }));
    expect(timing.rendered).toBeGreaterThan(0);
    expect(timing.dexie).toBeGreaterThan(timing.rendered!);

    // Registered long ago, never contacted: overdue, so the first row of the default view.
    const late = '00000000-0000-4000-8000-00000000fa11';
    const c = new CaseBuilder(late).register(
      iso(seededAt - 300 * HOUR),
      {
        subject: 'Yak lamp flickers',
        complainant: { name: 'Qian Yu', anonymous: false, phone: '13900002222' },
      },
      { caseNumber: '2605-8888' },
    );
    const sw = await serviceWorker(browser.ctx);
    await sw.evaluate(
      async ({ id, events }) => (globalThis as unknown as Hooks).__complaintDesk.append(id, events),
      { id: late, events: c.events },
    );
    await p.locator(`[data-complaint-id="${late}"]`).waitFor();
    await expect(
      p.locator('[data-complaint-id]').first().getAttribute('data-complaint-id'),
    ).resolves.toBe(late);
    await p.close();
  });
});
