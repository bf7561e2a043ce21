import { ClipSourceSchema, DraftSchema } from '@shared/schema/registration';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/fixtures/webmail/load-fixture';
import { CAPTURED_AT, stripTags } from '../../../test/fixtures/webmail/provider-suite';
import { gmailRawUrl, parseRawEmail } from './gmail-raw';
import { toSource } from '../to-source';

const RAW = readFixture('gmail', 'raw-complaint.eml');
const parseHtml = (html: string) =>
  new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('gmailRawUrl', () => {
  it.each([
    [
      '19ad4c1e2f3a5b02',
      undefined,
      'https://mail.google.com/mail/u/0/?view=att&permmsgid=msg-f:1850218714444225282&attid=0&disp=comp&safe=1&zw',
    ],
    [
      '#msg-f:1850218714444225282',
      undefined,
      'https://mail.google.com/mail/u/0/?view=att&permmsgid=msg-f:1850218714444225282&attid=0&disp=comp&safe=1&zw',
    ],
    [
      'msg-f:42',
      'https://mail.google.com/mail/u/2/#inbox/FMfcg',
      'https://mail.google.com/mail/u/2/?view=att&permmsgid=msg-f:42&attid=0&disp=comp&safe=1&zw',
    ],
    // Another host's URL never chooses the account.
    [
      '42',
      'https://evil.example.test/mail/u/7/',
      'https://mail.google.com/mail/u/0/?view=att&permmsgid=msg-f:42&attid=0&disp=comp&safe=1&zw',
    ],
  ])('%s (%s)', (id, page, url) => {
    expect(gmailRawUrl(id, page)).toBe(url);
  });

  it('refuses what is not a message id', () => {
    expect(() => gmailRawUrl('thread-f:abc&x=1')).toThrow(/not a Gmail message id/);
  });
});

describe('parseRawEmail', () => {
  it('reads the headers, the HTML part split into body/quote, and the attachments', async () => {
    const clip = await parseRawEmail(RAW, {
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg',
      messageId: '19ad5e6f7a8b9c32',
      parseHtml,
    });
    expect(clip.method).toBe('raw');
    expect(clip.from).toEqual({ name: '王芳', address: 'wang.fang@kehu.example.test' });
    expect(clip.to).toEqual([{ name: 'Acme 客服中心', address: 'kefu@acme.example.test' }]);
    expect(clip.cc).toEqual([
      { name: '李主管', address: 'li.zhuguan@acme.example.test' },
      { address: 'quality@acme.example.test' },
    ]);
    expect(clip.subject).toBe('回复：关于订单 20261115-0087 的投诉：空调安装后漏水');
    expect(clip.date).toEqual({
      raw: 'Fri, 20 Nov 2026 15:42:10 +0800',
      iso: '2026-11-20T07:42:10.000Z',
    });
    expect(clip.internetMessageId).toBe(
      'CAF3x9kq7Zr2e_0a1b2c3d4e5f6g7h8i9j0k@mail.kehu.example.test',
    );
    expect(clip.messageId).toBe('19ad5e6f7a8b9c32');
    expect(clip.bodyText).toContain('室内机就开始漏水');
    expect(clip.bodyText).not.toContain('写道');
    expect(clip.quotedText).toContain('48 小时内安排售后师傅上门检修');
    expect(clip.attachments).toEqual([{ name: '安装单.pdf', size: '93 B' }]);
    // Unsanitized still: the tracking pixel is there until sanitizeClip runs.
    expect(clip.bodyHtml).toContain('tracker.example.test');
    expect(clip.confidence.overall).toBe(1);
  });

  it('without an HTML parser it splits the text part ("在 … 写道：" and "> " lines)', async () => {
    const clip = await parseRawEmail(RAW);
    expect(clip.bodyText).toContain('请尽快派人维修');
    expect(clip.bodyText).not.toContain('写道');
    expect(clip.quotedText).toMatch(/^在 2026年11月18日 10:05，Acme 客服中心/);
    expect(clip.warnings).toContain('html-not-split');
    expect(clip.evidence.messageId?.selector).toBe('Message-ID');
  });

  it('parses with the shared schemas', async () => {
    const clip = await parseRawEmail(RAW, { parseHtml });
    const { source, draft, needsPreview } = toSource(clip, {
      capturedAt: CAPTURED_AT,
      sanitize: stripTags,
    });
    expect(ClipSourceSchema.safeParse(source).error).toBeUndefined();
    expect(DraftSchema.safeParse(draft).error).toBeUndefined();
    expect(source.email?.internetMessageId).toBe(clip.internetMessageId);
    expect(needsPreview).toBe(false);
  });
});
