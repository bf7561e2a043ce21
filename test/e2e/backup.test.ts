/**
 * Backup and restore in the built extension (Debian Chromium), as a person does it on the report
 * page, by keyboard: download a backup in one profile, restore it into a fresh one; a damaged or
 * foreign file is refused in the page's language with nothing changed; the same file picked
 * again (the browser sends no change for an unchanged file input) says there is nothing new.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '@shared/i18n/index';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Launched,
  type SeedHooks,
  axeViolations,
  ensureBuilt,
  launch,
  serviceWorker,
} from '../support/extension/browser-harness';
import { makeEvent, sampleRecord } from '../support/workflow';

declare const chrome: { storage: { local: { set(v: object): Promise<void> } } };
const agent = { id: 'u-li', name: '李娜', role: 'agent' } as const;
const id = (n: number) => `00000000-0000-4000-8000-0000000d${n.toString(16).padStart(4, '0')}`;
const launched: Launched[] = [];
let ext: string;
let backupFile: string;

async function open(locale: 'en' | 'zh-CN', seed = false): Promise<{ b: Launched; p: Page }> {
  const b = await launch(ext);
  launched.push(b);
  const sw = await serviceWorker(b.ctx);
  if (seed) {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const cases = Object.fromEntries(
      ['快递延误一周', '客服态度差'].map((subject, i) => [
        id(i + 1),
        [
          makeEvent(
            'registered',
            {
              record: sampleRecord({ receivedAt: at, readBackConfirmedAt: at, subject }),
              caseNumber: `2612-030${i}`,
              caseNumberIssuer: 'server',
            } as never,
            { complaintId: id(i + 1), at, actor: agent },
          ),
        ],
      ]),
    );
    const results = await sw.evaluate(async (cs) => {
      const hooks = (globalThis as unknown as SeedHooks).__complaintDesk;
      const out: unknown[] = [];
      for (const [cid, events] of Object.entries(cs)) out.push(await hooks.append(cid, events));
      return out;
    }, cases);
    for (const r of results) expect(r).toMatchObject({ appended: true, rejected: [] });
  }
  await sw.evaluate(
    async (l) =>
      chrome.storage.local.set({
        settings: { userId: 'u-zhang', userName: '张敏', role: 'supervisor', locale: l },
      }),
    locale,
  );
  const p = await b.ctx.newPage();
  await p.goto(`chrome-extension://${b.extensionId}/report.html`);
  // In the page's language before anything is picked (its catalogue may come a moment later).
  // (Not expect.poll: this also runs from beforeAll, outside any test.)
  await p.waitForFunction(
    (title) => document.querySelector('#rv-backup-title')?.textContent === title,
    t(locale, 'backup.title'),
    { timeout: 15_000 },
  );
  return { b, p };
}

/** Tabs until the element with `id` has the focus (keyboard only). */
async function tabTo(p: Page, elementId: string) {
  for (let i = 0; i < 80; i++) {
    if (await p.evaluate((x) => document.activeElement?.id === x, elementId)) return;
    await p.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${elementId}`);
}

beforeAll(async () => {
  ext = ensureBuilt('e2e');
  const { p } = await open('en', true);
  await tabTo(p, 'rv-backup-export');
  const [download] = await Promise.all([p.waitForEvent('download'), p.keyboard.press('Enter')]);
  backupFile = join(tmpdir(), `cd-backup-${process.pid}.json`);
  await download.saveAs(backupFile);
}, 180_000);

afterAll(async () => {
  for (const b of launched) {
    await b.ctx.close().catch(() => undefined);
    rmSync(b.profileDir, { recursive: true, force: true });
  }
  if (backupFile) rmSync(backupFile, { force: true });
});

describe('backup and restore, by keyboard', () => {
  it.each(['en', 'zh-CN'] as const)(
    '%s: a foreign file is refused, the backup restores into a fresh profile, the same file again adds nothing',
    async (locale) => {
      const { b, p } = await open(locale);
      const status = p.locator('.rv-backup [role=status]');
      const foreign = join(tmpdir(), `cd-foreign-${process.pid}.json`);
      writeFileSync(foreign, JSON.stringify({ name: 'my-package', version: '1.0.0' }));
      await tabTo(p, 'rv-restore');
      await p.locator('#rv-restore').setInputFiles(foreign);
      await expect.poll(() => status.textContent()).toBe(t(locale, 'backup.invalid'));
      rmSync(foreign);

      await p.locator('#rv-restore').setInputFiles(backupFile);
      await expect
        .poll(() => p.locator('.rv-backup .cd-notice p').first().textContent())
        .toBe(t(locale, 'backup.plan', { events: 2, complaints: 2, drafts: 0 }));
      expect(await status.textContent()).toBe('');
      // Emptied once read: the file dialog's next pick of this same file is a change again (the
      // browser fires none for an unchanged value).
      expect(await p.locator('#rv-restore').inputValue()).toBe('');
      await p.keyboard.press('Tab');
      expect(await p.evaluate(() => document.activeElement?.textContent)).toBe(
        t(locale, 'backup.confirm'),
      );
      await p.keyboard.press('Enter');
      await expect.poll(() => status.textContent()).toBe(t(locale, 'backup.done', { events: 2 }));
      // The Restore button went with the plan: the focus is back on the file button.
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('rv-restore');
      expect(await axeViolations(p)).toEqual([]);

      // The same file once more: a change all the same, and nothing new in it.
      await p.locator('#rv-restore').setInputFiles(backupFile);
      await expect
        .poll(() => p.locator('.rv-backup .cd-notice').textContent())
        .toBe(t(locale, 'backup.nothing'));

      const popup = await b.ctx.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      await expect.poll(() => popup.locator('[data-complaint-id]').count()).toBe(2);
      expect(JSON.parse(readFileSync(backupFile, 'utf8')).format).toBe('complaint-desk-backup');
    },
    120_000,
  );
});
