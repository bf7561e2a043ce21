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

  // Word HTML: the order lines are a table whose cells hold <p class="x_MsoNormal">.
  'invoice-table-en': {
    from: { name: 'Priya Shah', address: 'priya.shah@client.example.test' },
    to: ['billing@acme.example.test'],
    subject: 'RE: Wrong items billed on order SO-448210',
    date: { raw: 'Mon 23/11/2026 10:14', local: [2026, 11, 23, 10, 14] },
    threadId: 'AAQkAGI2TGQ5ZTdkLTQ3OWYtNGNmMi05ZGQ0LTU2NzE0ZjJiMmIxNwAQAFr7c0TnYkJNl3Q9aX2bW8o=',
    attachments: ['SO-448210 delivery note.pdf', 'Invoice 88-1902.xlsx'],
    body: [
      'Line\tArticle\tQty\tNet',
      '4\tOffice chair ErgoPro\t6\t£1,140.00',
      '£1,494.00 plus VAT',
    ],
    notInBody: ['Get Outlook for Android', 'could you send us the lines'],
    quoted: ['Sent: Wednesday, November 18, 2026', 'could you send us the lines'],
    signature: ['Get Outlook for Android'],
    preview: false,
    review: [],
    warnings: ['thread:3'],
  },
  // text/plain: the forwarded header ("____" then 发件人:/发送时间:) is lines of one <br> block.
  'forward-plain-zh-cn': {
    from: { name: '赵敏', address: 'zhaomin@kehu.example.test' },
    to: ['kefu@acme.example.test'],
    subject: '转发: 您的退款申请已驳回',
    date: { raw: '2026/11/24 周二 15:05', local: [2026, 11, 24, 15, 5] },
    messageId: 'AQMkADAwATNiZmYAZC04NzEzLTc3ZGItMDACLTAwCgBGAAADqW0Vq3p4bkmS8sV8o8f7AQcAv5j1JQ==',
    attachments: ['驳回通知.pdf'],
    body: ['TM20261108551', '承担来回运费'],
    notInBody: ['发送时间', '售后审核', '早已处理完'],
    quoted: [
      '发件人: 售后审核 <shenhe@acme.example.test>\n发送时间: 2026年11月22日 9:30',
      '不符合退款条件',
    ],
    signature: ['发自我的iPhone'],
    preview: false,
    review: [],
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
