import { describe, expect, it } from 'vitest';
import { listFixtures, loadFixture } from '../../../test/fixtures/webmail/load-fixture';
import { type Expected, providerSuite } from '../../../test/fixtures/webmail/provider-suite';
import { qqNew, qqNewUrlIds } from './qq-new';

// No OSS extractor documents the new UI's subject, date or sender address: those come from
// labels and the hover card, so both fixtures land below the preview threshold on purpose.
const EXPECTED: Record<string, Expected> = {
  'single-zh-cn': {
    from: { name: '陈静', address: 'chenjing@qq.example.test' },
    to: ['Acme 客服中心'],
    subject: '投诉：门店店员态度恶劣，拒绝退换',
    date: { raw: '2026年11月20日 (周五) 下午3:42', local: [2026, 11, 20, 15, 42] },
    messageId: 'ZC2111-vQw2iJk9Hc0aTjLmNbRs7pU',
    attachments: ['购物小票.jpg', '现场录音.m4a'],
    body: ['穿坏了来讹人', '退货退款 699 元'],
    notInBody: ['原始邮件'],
    quoted: ['------------------ 原始邮件 ------------------', '联系门店核实'],
    preview: true,
  },
  'no-card-zh-cn': {
    from: { name: '王磊' },
    to: ['Acme 宽带客服'],
    subject: '宽带三天两头断网，维修一直不上门',
    date: { raw: '2026年11月21日 (周六) 上午8:05', local: [2026, 11, 21, 8, 5] },
    messageId: 'ZC2120-nB7xKk0PqLs2eRtYvWm4aZ',
    body: ['每天断网好几次', '减免本月费用'],
    notInBody: ['发自我的iPhone', 'Original'],
    quoted: ['------------------ Original ------------------', '工程师将在 24 小时内联系您'],
    signature: ['发自我的iPhone'],
    preview: true,
  },

  // The unseen page: list route, unlabelled date, quoted "发送时间:", dashed signature,
  // the recipient's hover card open.
  'list-route-zh-cn': {
    from: { name: '刘洋', address: 'liuyang.bj@qq.example.test' },
    to: ['Acme 售后服务'],
    subject: '再次投诉：空调安装后漏水，三次上门未修好',
    date: { raw: '2026年11月22日 (周日) 上午9:12', local: [2026, 11, 22, 9, 12] },
    messageId: 'ZC2122-Hq8sLm2PtYv4nBcXwK7aRd9',
    attachments: ['漏水照片.png'],
    body: ['JD7788120034', '更换整机'],
    notInBody: ['139 0000 5678', '原始邮件', '11 月 12 日再次上门'],
    quoted: ['发送时间:', '11 月 12 日再次上门'],
    signature: ['刘洋', '139 0000 5678'],
    preview: true,
    review: ['complainant.name', 'complainant.email', 'subject'],
  },

  // English UI: labels without colons; an invoice table; a stale hover card (hidden) of another
  // person before the sender's open one.
  'en-ui-invoice': {
    from: { name: 'Daniel Wong', address: 'daniel.wong@qq.example.test' },
    to: ['Acme Events'],
    cc: ['Finance'],
    subject: 'Overcharged for conference room booking',
    date: { raw: 'Wed, Nov 25, 2026 9:40 PM', local: [2026, 11, 25, 21, 40] },
    messageId: 'ZC2125-Xw3eRt5yUi7oPa9sDf1gHj2',
    attachments: ['Invoice EV-7731.pdf'],
    body: [
      'Room B2\tHalf day\tHKD 3,200',
      'Total\tHKD 1,600\tHKD 3,650',
      'difference of HKD 2,050',
    ],
    notInBody: ['Wong & Partners', 'Original', 'Please find attached'],
    quoted: ['------------------ Original ------------------', 'Date: Fri, Nov 20, 2026 10:05 AM'],
    signature: ['Daniel Wong', 'Wong & Partners'],
    preview: true,
    review: ['subject'],
  },
  // text/plain from a phone: the forwarded header is lines of the same <br> block; Cc row.
  'forward-plain-zh-cn': {
    from: { name: '黄晓明', address: 'hxm@qq.example.test' },
    to: ['Acme 客服'],
    cc: ['消费者协会'],
    subject: 'Fw: 退款进度',
    date: { raw: '2026年11月26日 (周四) 晚上7:48', local: [2026, 11, 26, 19, 48] },
    messageId: 'ZC2126-Lk4jHg6fDs8aPo0iUy2tRe5',
    body: ['改签费 680 元', '向民航局投诉'],
    notInBody: ['发自我的iPhone', 'Original', '原路退回'],
    quoted: ['------------------ Original ------------------', '原路退回'],
    signature: ['发自我的iPhone'],
    preview: true,
    review: ['subject'],
  },
};

providerSuite('qq-new', qqNew, EXPECTED);

describe('qq-new', () => {
  it('trusts the contact card only for the name it belongs to', async () => {
    const meta = listFixtures('qq-new').find((f) => f.name === 'single-zh-cn')!;
    const { doc, close } = loadFixture(meta, 'happy-dom');
    doc.querySelector('.xmail-cmp-contact-card .cmp-basic-name')!.textContent = 'Acme 客服中心';
    const clip = qqNew.extract(doc, meta.url);
    expect(clip.from).toEqual({ name: '陈静' });
    await close();
  });

  const ID = 'ZC2111-vQw2iJk9Hc0aTjLmNbRs7pU';
  it.each([
    [`#/read/1/${ID}`, ID],
    [`#/list/1/1/${ID}`, ID],
    [`#/list/1/3/${ID}?from=search`, ID],
    [`#/search/%E7%A9%BA%E8%B0%83/${ID}`, ID],
    [`#/readmail?mailid=${ID}`, ID],
    ['#/list/1/1', undefined],
    ['#/list/129/2', undefined],
    ['#/setting/account', undefined],
    ['', undefined],
  ])('the id of %s is %s', (hash, id) => {
    expect(qqNewUrlIds(`https://wx.mail.qq.com/home/index?sid=x${hash}`).messageId).toBe(id);
  });
});
