/**
 * <complaint-form> in real Chromium: a visitor fills it in (zh-CN and en, light and dark), sees
 * errors, fixes them, confirms the read-back, and the real server gets exactly one valid POST and
 * registers it.
 * axe-core finds nothing in the error state and the success view. Screenshots → test/e2e/out/.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ComplaintSubmissionSchema } from '../../shared/schema/submission';
import {
  type Harness,
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

const caseNumberOf = async (id: string) =>
  (
    await h.server.db.pool.query<{ case_number: string }>(
      'SELECT case_number FROM complaints WHERE id = $1',
      [id],
    )
  ).rows[0]?.case_number;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const VISITORS = [
  {
    lang: 'zh-CN',
    theme: 'light',
    review: '核对投诉内容',
    send: '确认并提交',
    name: ['您的姓名', '王'],
    phone: ['电话', '138 1234 5678'],
    description: ['发生了什么？', '11月3日送到的洗衣机外壳凹陷，第一次使用就漏水。'],
    demand: ['您希望我们怎么处理？', '换一台新的'],
    summary: '有 4 个问题需要修改：',
    done: '谢谢，我们已收到您的投诉',
    within: '24小时',
  },
  {
    lang: 'en',
    theme: 'dark',
    review: 'Review my complaint',
    send: 'Confirm and send',
    name: ['Your name', 'Smith'],
    phone: ['Email', 'smith@example.com'],
    description: [
      'What happened?',
      'The washing machine delivered on 3 November is dented and leaks.',
    ],
    demand: ['What would you like us to do?', 'Replace it'],
    summary: 'There are 4 problems to fix:',
    done: 'Thank you, we have received your complaint',
    within: '24 hours',
  },
] as const;

describe.concurrent('a visitor complains', () => {
  it.for(VISITORS)(
    'in $lang ($theme theme): errors, fixes, read-back, one POST, success',
    async (v, { expect }) => {
      const site = `site-${v.lang}`;
      const url = widgetPage(h.server, `/visit-${v.lang}.html`, {
        lang: v.lang, // no lang attribute: the widget follows <html lang>
        attrs: `theme="${v.theme}" site="${site}" categories="product_quality,delivery,other"`,
      });
      const page = await h.browser.newPage({
        viewport: { width: 900, height: 900 },
        colorScheme: v.theme,
      });
      await recordEvents(page);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.getByLabel(v.description[0]).waitFor();
      await screenshot(page, `widget-${v.lang}-${v.theme}-1-form`);

      // Submitting the empty form: the error summary appears and takes focus.
      await page.getByRole('button', { name: v.review }).click();
      await page.getByText(v.summary).waitFor();
      expect(await focused(page)).toBe('div.summary');
      // Each line names its field in bold, the message in regular weight ("Phone Give at least
      // one way …" read as one sentence when the whole link was semibold: 600 and the label's
      // 900 both render as the same bold face).
      const weights = await page
        .locator('complaint-form .summary li a')
        .first()
        .evaluate((a) => [
          Number(getComputedStyle(a.querySelector('strong')!).fontWeight),
          Number(getComputedStyle(a).fontWeight),
        ]);
      expect(weights[0]).toBeGreaterThanOrEqual(700);
      expect(weights[1]).toBeLessThanOrEqual(400);
      expect(await page.getByLabel(v.description[0]).getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, `widget-${v.lang}-${v.theme}-2-errors`);
      expect(await axeCheck(page)).toEqual([]);

      // Fixing them: each error goes away when its field is left valid.
      await page.getByLabel(v.name[0], { exact: true }).fill(v.name[1]);
      await page.getByLabel(v.phone[0], { exact: true }).fill(v.phone[1]);
      await page.getByLabel(v.description[0]).fill(v.description[1]);
      await page.getByLabel(v.demand[0]).fill(v.demand[1]);
      await page.getByLabel(v.demand[0]).blur();
      await page.locator('complaint-form .error').first().waitFor({ state: 'detached' });

      await pastBotThreshold(page);
      await page.getByRole('button', { name: v.review }).click();
      await page.getByRole('button', { name: v.send }).waitFor();
      expect(await page.locator('complaint-form .readback').textContent()).toContain(
        v.description[1],
      );
      await screenshot(page, `widget-${v.lang}-${v.theme}-3-review`);
      expect(await axeCheck(page)).toEqual([]);
      expect(h.server.intake.filter((p) => p.body.site === site)).toEqual([]);

      await page.getByRole('button', { name: v.send }).click();
      await page.getByText(v.done).waitFor();
      await page.getByText(v.within, { exact: false }).waitFor();
      await screenshot(page, `widget-${v.lang}-${v.theme}-4-success`);
      expect(await axeCheck(page)).toEqual([]);

      const posts = h.server.intake.filter((p) => p.body.site === site);
      expect(posts.map((p) => p.status)).toEqual([201]);
      const parsed = ComplaintSubmissionSchema.safeParse(posts[0]!.body);
      expect(parsed.success).toBe(true);
      expect(parsed.data).toMatchObject({
        locale: v.lang,
        readBackConfirmed: true,
        antiSpam: { honeypot: '' },
      });
      expect(parsed.data!.antiSpam!.elapsedMs).toBeGreaterThan(0);
      const caseNumber = await caseNumberOf(parsed.data!.id);
      expect(caseNumber).toMatch(/^\d{4}-\d{4,}$/);
      expect(await page.locator('complaint-form .case').textContent()).toBe(caseNumber);

      const seen = await events(page);
      expect(seen.map((e) => e.type)).toEqual(['complaint-submit', 'complaint-submitted']);
      expect(seen[1]!.detail).toMatchObject({ id: parsed.data!.id, caseNumber });
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it.for([
    ['zh-CN', 'dark'],
    ['en', 'light'],
  ] as const)(
    'axe: %s in the %s theme, error state and success view, anonymous',
    async ([lang, theme], { expect }) => {
      const url = widgetPage(h.server, `/axe-${lang}-${theme}.html`, {
        lang,
        attrs: `lang="${lang}" theme="${theme}" profile="vehicle"`,
      });
      const page = await h.browser.newPage({ viewport: { width: 700, height: 900 } });
      await page.goto(url);
      await page.locator('complaint-form textarea').first().waitFor();
      await page.locator('complaint-form button[type="submit"]').click();
      await page.locator('complaint-form .summary').waitFor();
      expect(await axeCheck(page)).toEqual([]);
      await page.locator('complaint-form #anonymous').check();
      await page
        .locator('complaint-form #description')
        .fill(lang === 'en' ? 'The lift is broken again.' : '电梯又坏了，已经三天了。');
      await page.locator('complaint-form #demand').fill(lang === 'en' ? 'Fix it' : '尽快修好');
      await pastBotThreshold(page);
      await page.locator('complaint-form button[type="submit"]').click();
      await page.locator('complaint-form [part="review"] button[part~="submit"]').click();
      await page.locator('complaint-form [part="success"]').waitFor();
      await screenshot(page, `widget-${lang}-${theme}-anonymous-success`);
      expect(await axeCheck(page)).toEqual([]);
      await page.close();
    },
  );

  it('downscales photos in the browser to ≤ 1600 px and ≤ 1 MB, at most 3', async ({ expect }) => {
    const page = await h.browser.newPage();
    await recordEvents(page);
    await page.goto(widgetPage(h.server, '/images.html'));
    await page.locator('complaint-form textarea').first().waitFor();
    // A 4000 × 3000 noisy photo (PNG, several MB): it must shrink on both counts.
    const photo = await page.evaluate(() => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 4000, height: 3000 });
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(4000, 3000);
      for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 2654435761) % 251;
      ctx.putImageData(img, 0, 0);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    const file = (name: string) => ({
      name,
      mimeType: 'image/png',
      buffer: Buffer.from(photo, 'base64'),
    });
    expect(Buffer.from(photo, 'base64').length).toBeGreaterThan(1_048_576);
    await page.locator('complaint-form #images').setInputFiles([file('a.png'), file('b.png')]);
    await page.locator('complaint-form .files li').nth(1).waitFor({ timeout: 30_000 });
    await page.locator('complaint-form #images').setInputFiles([file('c.png'), file('d.png')]);
    await page.locator('complaint-form #images-error').waitFor({ timeout: 30_000 });
    expect(await page.locator('complaint-form #images-error').textContent()).toBe(
      'Attach at most 3 files.',
    );
    expect(await page.locator('complaint-form .files li').count()).toBe(3);
    await screenshot(page, 'widget-en-light-images');

    await page.locator('complaint-form #name').fill('Qian');
    await page.locator('complaint-form #email').fill('qian@example.com');
    await page.locator('complaint-form #description').fill('Images test: the sofa arrived torn.');
    await page.locator('complaint-form #demand').fill('Replace the sofa');
    await page.evaluate(() =>
      document.addEventListener('complaint-submit', (e) => {
        const images = (e as Event & { images: { dataUrl: string }[] }).images;
        (window as unknown as { __images: string[] }).__images = images.map((i) => i.dataUrl);
      }),
    );
    await pastBotThreshold(page);
    await page.locator('complaint-form button[type="submit"]').click();
    await page.locator('complaint-form [part="review"] button[part~="submit"]').click();
    await page.locator('complaint-form [part="success"]').waitFor();
    const dimensions = await page.evaluate(() =>
      Promise.all(
        (window as unknown as { __images: string[] }).__images.map(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          return [img.naturalWidth, img.naturalHeight];
        }),
      ),
    );
    expect(dimensions).toEqual([
      [1600, 1200],
      [1600, 1200],
      [1600, 1200],
    ]);
    const post = h.server.intake.find(
      (p) => p.body.description === 'Images test: the sofa arrived torn.',
    )!;
    expect(post.status).toBe(201);
    const attachments = (
      post.body as { attachments: { name: string; type: string; size: number }[] }
    ).attachments;
    expect(attachments.map((a) => a.name)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    for (const a of attachments) {
      expect(a.type).toBe('image/jpeg');
      expect(a.size).toBeLessThanOrEqual(1_048_576);
    }
    // The bytes came too (multipart `images` parts): exactly the downscaled images.
    const sent = await page.evaluate(() => (window as unknown as { __images: string[] }).__images);
    expect(post.files.map((f) => [f.name, f.type, f.bytes.length])).toEqual(
      attachments.map((a) => [a.name, a.type, a.size]),
    );
    post.files.forEach((f, i) => {
      expect(f.bytes.equals(Buffer.from(sent[i]!.split(',')[1]!, 'base64'))).toBe(true);
      expect(f.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    });
    // …and the server stored them with the registration, byte for byte.
    const stored = await h.server.db.pool.query<{ name: string; sha256: string }>(
      'SELECT name, sha256 FROM attachments WHERE complaint_id = $1 ORDER BY name',
      [post.body.id],
    );
    expect(stored.rows).toEqual(
      post.files.map((f) => ({
        name: f.name,
        sha256: createHash('sha256').update(f.bytes).digest('hex'),
      })),
    );
    expect(post.body).not.toHaveProperty('attachmentData');
    await page.close();
  });
});
