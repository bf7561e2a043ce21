import { ClipSourceSchema, DraftSchema } from '@shared/schema/registration';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PageCapture } from './page';
import { SOURCE_LIMITS, channelFor, cut, summarize, toSource } from './to-source';
import type { ClipResult } from './types';

const AT = '2026-11-22T09:30:00.000Z';
const upper = (html: string) => html.toUpperCase();

function clip(overrides: Partial<ClipResult> = {}): ClipResult {
  return {
    provider: 'outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQk',
    title: 'Mail - Outlook',
    subject: 'Broken kettle',
    from: { name: 'Li Wei', address: 'li.wei@customer.example.test' },
    to: [{ address: 'support@acme.example.test' }],
    cc: [],
    date: { raw: 'Fri 11/20/2026 3:42 PM', iso: '2026-11-20T15:42:00.000Z' },
    bodyHtml: '<p>The kettle leaks after two days.</p>',
    bodyText: 'The kettle leaks after two days.',
    attachments: [{ name: 'photo.jpg' }],
    method: 'dom',
    confidence: { overall: 0.85, fields: {} },
    evidence: {},
    warnings: [],
    ...overrides,
  };
}

describe('toSource (clip)', () => {
  it('builds the source, the email record and the draft prefill', () => {
    const { source, draft, channel, needsPreview } = toSource(clip(), {
      capturedAt: AT,
      sanitize: upper,
    });
    expect(channel).toBe('email');
    expect(needsPreview).toBe(false);
    expect(source).toEqual({
      url: 'https://outlook.office.com/mail/inbox/id/AAQk',
      title: 'Mail - Outlook',
      capturedAt: AT,
      selectionText: 'The kettle leaks after two days.',
      html: '<P>THE KETTLE LEAKS AFTER TWO DAYS.</P>',
      method: 'dom',
      confidence: 0.85,
      email: {
        provider: 'outlook',
        from: { name: 'Li Wei', address: 'li.wei@customer.example.test' },
        to: [{ address: 'support@acme.example.test' }],
        subject: 'Broken kettle',
        date: { raw: 'Fri 11/20/2026 3:42 PM', iso: '2026-11-20T15:42:00.000Z' },
        attachmentNames: ['photo.jpg'],
      },
    });
    expect(draft).toEqual({
      channel: 'email',
      receivedAt: AT,
      complainant: { name: 'Li Wei', email: 'li.wei@customer.example.test', anonymous: false },
      subject: 'Broken kettle',
      description: 'The kettle leaks after two days.',
      source,
    });
    expect(DraftSchema.parse(draft)).toBeTruthy();
  });

  it('never stores unsanitized HTML: without a sanitizer (or sanitizeClip) html is left out', () => {
    expect(toSource(clip(), { capturedAt: AT }).source.html).toBeUndefined();
    const sanitized = toSource(clip({ htmlSanitized: true }), { capturedAt: AT });
    expect(sanitized.source.html).toBe('<p>The kettle leaks after two days.</p>');
  });

  it('requires the capture time for a clip (time is passed in)', () => {
    expect(() => toSource(clip(), {} as never)).toThrow(/capturedAt/);
  });

  it('a short forwarding note: the description takes the quoted complaint too', () => {
    const { draft } = toSource(
      clip({ bodyText: 'FYI', quotedText: 'The kettle leaks after two days.' }),
      { capturedAt: AT },
    );
    expect(draft.description).toBe('FYI\n\nThe kettle leaks after two days.');
  });

  it('a sender address the shared EmailSchema refuses stays in the source only', () => {
    const { draft, source } = toSource(clip({ from: { name: 'Li', address: 'li@localhost' } }), {
      capturedAt: AT,
    });
    expect(draft.complainant).toEqual({ name: 'Li', anonymous: false });
    expect(source.email?.from).toEqual({ name: 'Li', address: 'li@localhost' });
  });

  it('low confidence → preview', () => {
    expect(
      toSource(clip({ confidence: { overall: 0.69, fields: {} } }), { capturedAt: AT })
        .needsPreview,
    ).toBe(true);
  });

  it.each([
    ['outlook', undefined, 'email'],
    ['generic', { address: 'a@x.example.test' }, 'email'],
    ['generic', { name: 'kathy_r' }, 'web_page'],
    ['generic', undefined, 'web_page'],
  ] as const)('channelFor(%s, %j) = %s', (provider, from, channel) => {
    expect(channelFor(clip({ provider, ...(from ? { from } : { from: undefined }) }))).toBe(
      channel,
    );
  });

  it('cuts every string to the schema bounds without splitting a surrogate pair', () => {
    expect(cut('  abc  ', 2)).toBe('ab');
    expect(cut('a😀', 2)).toBe('a');
    expect(cut('   ', 5)).toBeUndefined();
    const huge = 'x'.repeat(300_000);
    const { source, draft } = toSource(
      clip({
        subject: huge,
        bodyText: huge,
        quotedText: huge,
        signature: huge,
        bodyHtml: huge,
        to: Array.from({ length: 300 }, (_, i) => ({ address: `p${i}@x.example.test` })),
        attachments: Array.from({ length: 150 }, (_, i) => ({
          name: `${i}-${huge.slice(0, 600)}`,
        })),
      }),
      { capturedAt: AT, sanitize: (h) => h },
    );
    expect(ClipSourceSchema.safeParse(source).error).toBeUndefined();
    expect(DraftSchema.safeParse(draft).error).toBeUndefined();
    expect(source.selectionText).toHaveLength(SOURCE_LIMITS.selectionText);
    expect(source.email?.to).toHaveLength(SOURCE_LIMITS.recipients);
    expect(source.email?.attachmentNames).toHaveLength(SOURCE_LIMITS.attachments);
    expect(draft.subject).toHaveLength(SOURCE_LIMITS.subject);
    expect(draft.description).toHaveLength(SOURCE_LIMITS.description);
  });

  it('whatever the extractor read, the result parses (property)', () => {
    const str = fc.string({ unit: 'grapheme', maxLength: 300 });
    const address = fc.record({
      name: fc.option(str, { nil: undefined }),
      address: fc.option(fc.oneof(str, fc.emailAddress()), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.record({
          subject: fc.option(str, { nil: undefined }),
          from: fc.option(address, { nil: undefined }),
          to: fc.array(address, { maxLength: 5 }),
          bodyText: str,
          quotedText: fc.option(str, { nil: undefined }),
          signature: fc.option(str, { nil: undefined }),
          date: fc.option(fc.record({ raw: str }), { nil: undefined }),
          messageId: fc.option(str, { nil: undefined }),
          attachments: fc.array(fc.record({ name: str }), { maxLength: 5 }),
          overall: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        (r) => {
          const { overall, ...rest } = r;
          const c = clip({ ...rest, confidence: { overall, fields: {} } });
          const { source, draft } = toSource(c, { capturedAt: AT, sanitize: (h) => h });
          expect(ClipSourceSchema.safeParse(source).error).toBeUndefined();
          expect(DraftSchema.safeParse(draft).error).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toSource (page)', () => {
  const page: PageCapture = {
    url: 'https://forum.example.test/t/1',
    title: 'Acme refund never arrived - Forum',
    capturedAt: AT,
    selectionText: 'Still no refund of 249.99 USD.',
    selectionHtml: '<p>Still no refund of <b>249.99 USD</b>.</p>',
  };

  it('a selection becomes a web_page draft; html only through the sanitizer', () => {
    const { source, draft, channel, needsPreview } = toSource(page, { sanitize: upper });
    expect(channel).toBe('web_page');
    expect(needsPreview).toBe(false);
    expect(source).toEqual({
      url: page.url,
      title: page.title,
      capturedAt: AT,
      selectionText: page.selectionText,
      html: '<P>STILL NO REFUND OF <B>249.99 USD</B>.</P>',
      method: 'selection',
    });
    expect(draft).toMatchObject({
      channel: 'web_page',
      receivedAt: AT,
      // A summary of the text, never just the page's title.
      subject: 'Still no refund of 249.99 USD.',
      description: page.selectionText,
    });
    expect(DraftSchema.safeParse(draft).error).toBeUndefined();
    expect(toSource(page).source.html).toBeUndefined();
  });

  it('nothing selected: method "page", no description, preview', () => {
    const { source, draft, needsPreview } = toSource({
      ...page,
      selectionText: '',
      selectionHtml: '',
    });
    expect(source.method).toBe('page');
    expect(draft.description).toBeUndefined();
    expect(draft.subject).toBeUndefined();
    expect(needsPreview).toBe(true);
    expect(ClipSourceSchema.safeParse(source).error).toBeUndefined();
  });

  const article = {
    title: 'Acme refund never arrived',
    text: 'I returned a vacuum cleaner on 2 November. Still no refund of 249.99 USD.',
    html: '<p>I returned a vacuum cleaner on 2 November. Still no refund of 249.99 USD.</p>',
  };

  it("nothing selected but an article: Readability's text, reviewed first", () => {
    const { source, draft, needsPreview } = toSource(
      { ...page, selectionText: '', selectionHtml: '', article },
      { sanitize: upper },
    );
    expect(source.method).toBe('readability');
    expect(source.selectionText).toBe(article.text);
    expect(source.html).toBe(article.html.toUpperCase());
    expect(draft.description).toBe(article.text);
    expect(draft.subject).toBe('I returned a vacuum cleaner on 2 November.');
    expect(needsPreview).toBe(true);
  });

  it('the selection wins over the article', () => {
    const { source } = toSource({ ...page, article });
    expect(source.method).toBe('selection');
    expect(source.selectionText).toBe(page.selectionText);
  });
});

describe('a clipped header block', () => {
  // Copied from a webmail page with its header lines: they feed the sender and subject
  // proposals; the description starts with what the customer wrote; the source keeps all.
  const EN =
    'From: "Tom Baker" <tom.baker@example.com>\nTo: service@shop.example\nDate: Mon, 7 Dec 2026 10:12\nSubject: Broken fridge shelf\n\nI ordered a fridge and the shelf was broken.\nPlease call me.';
  const ZH =
    '发件人：刘洋 <liuyang@example.com>\n时间：2026年12月5日 10:12\n主题：冰箱送来就坏了\n\n您好，我买的冰箱门关不上。请尽快处理。';
  const page: PageCapture = {
    url: 'https://mail.example.test/read/1',
    title: 'Inbox',
    capturedAt: AT,
    selectionText: EN,
    selectionHtml: '',
  };

  it.each([
    [
      'en',
      EN,
      'I ordered a fridge and the shelf was broken.\nPlease call me.',
      'Broken fridge shelf',
    ],
    ['zh', ZH, '您好，我买的冰箱门关不上。请尽快处理。', '冰箱送来就坏了'],
  ])(
    'a page selection (%s): description without it, source verbatim',
    (_l, text, body, subject) => {
      const { source, draft } = toSource({ ...page, selectionText: text });
      expect(draft.description).toBe(body);
      expect(draft.subject).toBe(subject);
      expect(source.selectionText).toBe(text);
    },
  );

  it('a webmail selection: the same, and the whole email body is not needed', () => {
    const { source, draft } = toSource(clip({ selectionText: ZH }), { capturedAt: AT });
    expect(draft.description).toBe('您好，我买的冰箱门关不上。请尽快处理。');
    expect(source.selectionText).toBe(ZH);
  });

  it('only header lines selected: the description falls back to the body', () => {
    const { source, draft } = toSource(
      clip({
        selectionText: 'From: Li Wei <li.wei@customer.example.test>\nSubject: Broken kettle',
      }),
      { capturedAt: AT },
    );
    expect(draft.description).toBe('The kettle leaks after two days.');
    expect(source.selectionText).toMatch(/^From: Li Wei/);
  });

  it.each([
    [
      '-------- 转发邮件信息 --------\n发件人："周杰" <zhoujie@126.example.test>\n发送日期：2026-11-14 20:31:02\n主题：装修\n\n墙面瓷砖已经出现三条裂缝。',
      '墙面瓷砖已经出现三条裂缝。',
    ],
    [
      '---------- Forwarded message ---------\nFrom: Li Wei <li.wei@customer.example.test>\nDate: Fri, Nov 20, 2026\nSubject: Kettle\n\nThe kettle leaks.',
      'The kettle leaks.',
    ],
  ])(
    'a forward note and its quoted message: the quoted header block goes too (%#)',
    (quoted, body) => {
      const { source, draft } = toSource(clip({ bodyText: '请处理。', quotedText: quoted }), {
        capturedAt: AT,
      });
      expect(draft.description).toBe(`请处理。\n\n${body}`);
      expect(source.email?.quotedText).toBe(quoted);
    },
  );

  it('a rule line without headers after it is the text, kept', () => {
    const text = '----------\nThe kettle leaks after two days and nobody answers.';
    expect(toSource({ ...page, selectionText: text }).draft.description).toBe(text);
  });

  it('a sentence that starts with "From:" is kept', () => {
    const text = 'From: the first day it leaked, and nobody came.';
    expect(toSource({ ...page, selectionText: text }).draft.description).toBe(text);
  });
});

describe('summarize', () => {
  it.each([
    ['Short line.\nSecond line', 'Short line.'],
    ['你好，我的快递丢了。请尽快处理！', '你好，我的快递丢了。'],
    ['   ', undefined],
    [
      'A very long first sentence that goes on and on about the broken washing machine and the technician',
      'A very long first sentence that goes on and on about the…',
    ],
    ['一'.repeat(80), `${'一'.repeat(60)}…`],
  ])('%j → %j', (text, summary) => {
    expect(summarize(text)).toBe(summary);
  });

  // A clipped email starts with its headers: never a header line as the subject.
  it.each([
    [
      'en, flattened clip: the first sentence after the From line',
      'From: Tom Baker <tom.baker@example.com>. I ordered a fridge (order 77120) and it arrived with a broken shelf. Customer service hung up.',
      'I ordered a fridge (order 77120) and it arrived with a…',
    ],
    [
      'en: the Subject line when there is one',
      'From: "Tom Baker" <tom.baker@example.com>\nTo: service@shop.example\nDate: Mon, 7 Dec 2026 10:12\nSubject: Broken fridge shelf\n\nI ordered a fridge.',
      'Broken fridge shelf',
    ],
    [
      'en: no Subject line: the body after the headers',
      'From: tom.baker@example.com\nTo: Service <service@shop.example>\n\nThe fridge arrived broken. Please call.',
      'The fridge arrived broken.',
    ],
    [
      'zh: the 主题 line',
      '发件人：刘洋 <liuyang@example.com>\n时间：2026年12月5日 10:12\n主题：冰箱送来就坏了\n\n您好，我买的冰箱门关不上。',
      '冰箱送来就坏了',
    ],
    [
      'zh: no 主题: the body after the headers',
      '发件人: "王芳" <wangfang@163.com>\n收件人: service@shop.example\n\n空调安装后漏水。请尽快处理。',
      '空调安装后漏水。',
    ],
    [
      'zh-Hant 寄件人, flattened',
      '寄件人：陳小明 <chen@example.com> 熱水器裝好第二天就壞了。',
      '熱水器裝好第二天就壞了。',
    ],
    [
      'a sentence that starts with From: is no header',
      'From: the first day it leaked.',
      'From: the first day it leaked.',
    ],
  ])('%s', (_name, text, summary) => {
    expect(summarize(text)).toBe(summary);
  });
});
