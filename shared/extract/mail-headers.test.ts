import { describe, expect, it } from 'vitest';
import { readMailHeaders } from './mail-headers';

describe('readMailHeaders', () => {
  it('reads a header block: sender, subject, recipients, where the body starts', () => {
    const text =
      'From: "Tom Baker" <Tom.Baker@example.com>\nTo: Service <service@shop.example>, boss@shop.example\nDate: Mon, 7 Dec 2026\nSubject: Broken shelf\n\nI ordered a fridge.';
    const headers = readMailHeaders(text)!;
    expect(headers.from).toEqual({
      address: 'tom.baker@example.com',
      name: { value: 'Tom Baker', start: 7, end: 16 },
    });
    expect(text.slice(7, 16)).toBe('Tom Baker');
    expect(headers.subject).toBe('Broken shelf');
    expect(headers.recipients.map((r) => text.slice(r.start, r.end))).toEqual([
      'Service <service@shop.example>, boss@shop.example',
    ]);
    expect(text.slice(headers.bodyStart)).toBe('I ordered a fridge.');
  });

  it('a clip that lost its line breaks: the body goes on after the sender', () => {
    const text = 'From: Tom Baker <tom.baker@example.com>. I ordered a fridge.';
    const headers = readMailHeaders(text)!;
    expect(headers.from?.name?.value).toBe('Tom Baker');
    expect(text.slice(headers.bodyStart)).toBe('I ordered a fridge.');
  });

  it('zh: 发件人、收件人、时间、主题 with full-width colons', () => {
    const text =
      '发件人：刘洋 <liuyang@example.com>\n收件人：客服 <kefu@shop.example>\n时间：2026年12月5日 10:12\n主题：冰箱坏了\n\n门关不上。';
    const headers = readMailHeaders(text)!;
    expect(headers.from).toMatchObject({ address: 'liuyang@example.com', name: { value: '刘洋' } });
    expect(headers.subject).toBe('冰箱坏了');
    expect(text.slice(headers.bodyStart)).toBe('门关不上。');
  });

  it("NetEase's forward header: 发送日期 is a header line too", () => {
    const text =
      '发件人："周杰" <zhoujie@126.example.test>\n发送日期：2026-11-14 20:31:02\n收件人：zhuangxiu@acme.example.test\n主题：装修工程质量问题\n\n墙面瓷砖出现裂缝。';
    const headers = readMailHeaders(text)!;
    expect(headers.subject).toBe('装修工程质量问题');
    expect(text.slice(headers.bodyStart)).toBe('墙面瓷砖出现裂缝。');
  });

  it.each([
    'I ordered a fridge.\nFrom: Tom <tom@example.com>',
    'From: the first day it leaked.',
    '发件人说会退款。',
    '',
  ])('no header block in %j', (text) => {
    expect(readMailHeaders(text)).toBeUndefined();
  });
});
