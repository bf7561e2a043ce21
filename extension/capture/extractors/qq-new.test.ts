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

  it('reads #/read/<folder>/<id> routes only', () => {
    expect(qqNewUrlIds('https://wx.mail.qq.com/home/index#/read/1/ZC21')).toEqual({
      messageId: 'ZC21',
    });
    expect(qqNewUrlIds('https://wx.mail.qq.com/home/index#/list/1/1')).toEqual({});
  });
});
