import { describe, expect, it } from 'vitest';
import { listFixtures, loadFixture } from '../../../test/fixtures/webmail/load-fixture';
import { type Expected, providerSuite } from '../../../test/fixtures/webmail/provider-suite';
import { gmail } from './gmail';

const EXPECTED: Record<string, Expected> = {
  'single-en': {
    from: { name: 'Li Wei', address: 'li.wei@customer.example.test' },
    to: ['support@acme.example.test'],
    subject: 'Order #48213 arrived damaged - requesting replacement',
    date: { raw: 'Fri, Nov 20, 2026, 3:42 PM', local: [2026, 11, 20, 15, 42] },
    messageId: '19ad4c1e2f3a5b02',
    threadId: '19ad4c1e2f3a5b02',
    attachments: ['receipt-48213.pdf', 'IMG_20261120_1512.jpg'],
    body: ['four of the plates are broken', 'Please send a replacement set'],
    notInBody: ['+49 30 1234 5678'],
    signature: ['Li Wei', '+49 30 1234 5678'],
    preview: false,
  },
  'thread-collapsed-en': {
    from: { name: 'Maria Keller', address: 'maria.keller@kunde.example.test' },
    to: ['billing.desk@acme.example.test', 'complaints@acme.example.test'],
    subject: 'Refund for cancelled subscription not received',
    // The last expanded message, not the collapsed ones above it.
    date: { raw: 'Fri, Nov 20, 2026, 8:11 AM', local: [2026, 11, 20, 8, 11] },
    messageId: '19ad9f2b3c4d5e6f',
    threadId: '19ad6b3e55c0a9d8',
    body: ['7 working days', 'reverse the charge'],
    notInBody: ['wrote:', 'Dear Ms Keller'],
    quoted: ['On Wed, Nov 18, 2026 at 2:20 PM Acme Billing', 'confirmation CX-99120'],
    preview: false,
    warnings: ['thread:3'],
  },
  'zh-cn-quoted': {
    from: { name: '王芳', address: 'wang.fang@kehu.example.test' },
    to: ['kefu@acme.example.test'],
    subject: '关于订单 20261115-0087 的投诉：空调安装后漏水',
    date: { raw: '2026年11月20日周五 下午3:42', local: [2026, 11, 20, 15, 42] },
    messageId: '19ad5e6f7a8b9c32',
    threadId: '19ad3b1f0e2d4c7e',
    attachments: ['漏水照片1.jpg', '安装单.pdf'],
    body: ['室内机就开始漏水', '赔偿地板损失'],
    notInBody: ['写道'],
    quoted: ['于2026年11月18日周三 上午10:05写道', '48 小时内安排售后师傅'],
    preview: false,
  },
  // A plain-text forward: only the text rules can find the quote.
  'forwarded-plain-zh-cn': {
    from: { name: '周浩', address: 'zhou.hao@customer.example.test' },
    to: ['support@acme.example.test'],
    subject: '投诉：手机屏幕保修被拒',
    date: { raw: '2026年12月3日 周四 下午2:05', local: [2026, 12, 3, 14, 5] },
    messageId: '19b0a1c2d3e4f506',
    threadId: '19b0a1c2d3e4f506',
    body: ['出现绿线', '免费维修或更换'],
    notInBody: ['Forwarded message', '人为损坏，不在'],
    quoted: ['Forwarded message', '不在保修范围内'],
    signature: ['发自我的华为手机'],
    preview: false,
    review: [],
  },

  // Written the way real pages are built (not from the selector list): an invoice table whose
  // cells hold <p>, an inline image, the previous thread's view hidden earlier in the page.
  'invoice-table-en': {
    from: { name: 'Takeshi Nakamura', address: 't.nakamura@customer.example.test' },
    to: ['support@acme.example.test'],
    subject: 'Charged twice on invoice INV-2026-11873',
    date: { raw: 'Mon, Nov 23, 2026, 10:14 AM', local: [2026, 11, 23, 10, 14] },
    messageId: '19b05a7c3d2e1f40',
    threadId: '19b05a7c3d2e1f40',
    // The inline statement image is not an attachment; the hidden view's catalogue is not ours.
    attachments: ['INV-2026-11873.pdf'],
    body: [
      // One line per table row, cells separated: the amounts stay next to their items.
      'Item\tQty\tUnit price\tAmount',
      'Cordless vacuum V11\t1\t329.00 USD\t329.00 USD',
      'Total charged (twice)\t354.00',
      'Please refund 354.00 USD',
    ],
    notInBody: ['New arrivals', 'Schedule an event'],
    preview: false,
    review: [],
  },
  // Plain text (a line per <br>), "-- " signature, a folded five-message thread, ">" levels.
  'plain-long-thread-en': {
    from: { name: 'Helen Clarke', address: 'helen.clarke@customer.example.test' },
    to: ['returns@acme.example.test'],
    subject: 'Re: Return label never arrived (RMA 55120)',
    date: { raw: 'Thu, 26 Nov 2026, 19:40', local: [2026, 11, 26, 19, 40] },
    messageId: '19b07c1d2e3f4a9e',
    threadId: '19b07c1d2e3f4a5b',
    body: ['closes on 30 November', 'refund me and collect the machine'],
    notInBody: ['07700 900123', 'wrote:', 'Dear Ms Clarke'],
    quoted: ['Acme Returns <returns@acme.example.test>\nwrote:', '>> Nothing has arrived.'],
    signature: ['Helen Clarke', '07700 900123'],
    preview: false,
    review: [],
    warnings: ['thread:2'],
  },
};

providerSuite('gmail', gmail, EXPECTED);

describe('gmail', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://mail.google.com/mail/u/2/#label/complaints/FMfcgz', true],
    ['http://mail.google.com/mail/u/0/', false],
    ['https://google.com/mail/', false],
    ['https://mail.google.com.evil.example.test/', false],
  ])('matches(%s) = %s', (url, ok) => {
    expect(gmail.matches(url)).toBe(ok);
  });

  it('keys the open message by its DOM id (the FMfcg… URL id is another encoding)', async () => {
    const meta = listFixtures('gmail').find((f) => f.name === 'single-en')!;
    const { doc, close } = loadFixture(meta, 'happy-dom');
    expect(gmail.messageKey?.(doc, meta.url)).toBe('gmail:19ad4c1e2f3a5b02');
    await close();
  });

  it('flags a hex thread id in the URL that the DOM contradicts (stale view)', async () => {
    const meta = listFixtures('gmail').find((f) => f.name === 'thread-collapsed-en')!;
    const { doc, close } = loadFixture(meta, 'happy-dom');
    const clip = gmail.extract(doc, 'https://mail.google.com/mail/u/1/#inbox/19ad000000000000');
    expect(clip.warnings).toContain('threadId-mismatch');
    expect(clip.evidence.threadId?.confidence).toBe(0.45);
    await close();
  });
});
