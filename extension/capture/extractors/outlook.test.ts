import { describe, expect, it } from 'vitest';
import { type Expected, providerSuite } from '../../../test/fixtures/webmail/provider-suite';
import { outlook, outlookUrlIds } from './outlook';

const EXPECTED: Record<string, Expected> = {
  'single-en': {
    from: { name: 'Li Wei', address: 'li.wei@customer.example.test' },
    to: ['support@acme.example.test'],
    cc: ['servicedesk@acme.example.test', 'chen.jun@acme.example.test'],
    subject: 'RE: Washing machine WM-700 stops mid-cycle',
    date: { raw: 'Fri 11/20/2026 3:42 PM', local: [2026, 11, 20, 15, 42] },
    threadId: 'AAQkADAwATM0MDAAMS0xYjI3LTA1ZmQtMDACLTAwCgAQAJ2hd+Nd2k9Dm0Y7wqkVZ5Q=',
    attachments: ['WM-700 error E21.jpg', 'purchase-invoice-INV-2026-5510.pdf'],
    body: ['still stops mid-cycle with error E21', 'replacement machine'],
    notInBody: ['Lindenstraße', 'drain pump'],
    quoted: ['From: Acme Support', 'replace the drain pump'],
    signature: ['Lindenstraße 4, 10969 Berlin'],
    preview: false,
  },
  'thread-zh-cn': {
    from: { name: '张伟', address: 'zhang.wei@kehu.example.test' },
    to: ['kefu@acme.example.test'],
    cc: ['wuliu@acme.example.test'],
    subject: '回复: 快递延误投诉 - 运单号 SF1234567890',
    date: { raw: '2026/11/20 周五 15:42', local: [2026, 11, 20, 15, 42] },
    threadId: 'AQQkADAwATNiZmYAZC1hYjE4LTBiMWQtMDACLTAwCgAQAGq2vVqF0k5Jmb1H3vY1XhA=',
    body: ['冰箱还是没有送到', '全额退款（4,599 元）'],
    notInBody: ['发件人', '发自我的手机'],
    quoted: ['发件人: 客服中心', '预计 11 月 19 日送达'],
    signature: ['发自我的手机'],
    preview: false,
    warnings: ['thread:3'],
  },
  'name-only-en': {
    from: { name: 'Tomasz Berg' },
    subject: 'Complaint about the delivery driver',
    date: { raw: 'Thu 11/19/2026 6:05 PM', local: [2026, 11, 19, 18, 5] },
    body: ['left my parcel', 'refund of 34.90 EUR'],
    preview: true,
    warnings: ['threadId-mismatch'],
  },
  // Only a display name in the header: the forwarded part's titled links and the recipient's
  // open card must not become the sender.
  'deeplink-forward-de': {
    from: { name: 'Jonas Keller' },
    subject: 'Reklamation: Waschmaschine defekt',
    date: { raw: 'Fr 04.12.2026 16:20', local: [2026, 12, 4, 16, 20] },
    messageId: 'AAMkAGI2TG93AAA=',
    attachments: ['Rechnung_2026-4471.pdf'],
    body: ['verliert seit der ersten Wäsche', '649,00 EUR'],
    notInBody: ['Ihre Lieferung'],
    quoted: ['Von:', 'wird heute geliefert'],
    // Everything else is sure; the name-only sender is flagged on its own field.
    preview: false,
    review: ['complainant.name'],
  },
};

providerSuite('outlook', outlook, EXPECTED);

describe('outlook', () => {
  it.each([
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI%3D', { threadId: 'AAQkAGI=' }],
    ['https://outlook.office.com/mail/deeplink/read/AAMkAGI%3D', { messageId: 'AAMkAGI=' }],
    ['https://outlook.live.com/owa/?ItemID=AAMkAGI%3D&exvsurl=1', { messageId: 'AAMkAGI=' }],
    ['https://outlook.live.com/mail/0/inbox/id/AQQkADAw', { threadId: 'AQQkADAw' }],
    ['https://outlook.office365.com/mail/id/AAMkAGE1%2B2', { messageId: 'AAMkAGE1+2' }],
    ['https://outlook.office.com/mail/inbox', {}],
  ])('outlookUrlIds(%s)', (url, ids) => {
    expect(outlookUrlIds(url)).toEqual(ids);
  });

  it.each([
    ['https://outlook.office.com/mail/', true],
    ['https://outlook.live.com/mail/0/', true],
    ['https://outlook.office365.com/mail/', true],
    ['https://outlook.com/', false],
  ])('matches(%s) = %s', (url, ok) => {
    expect(outlook.matches(url)).toBe(ok);
  });
});
