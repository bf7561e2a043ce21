import { describe, expect, it } from 'vitest';
import {
  listFixtures,
  loadFixture,
  selectContents,
} from '../../../test/fixtures/webmail/load-fixture';
import {
  CAPTURED_AT,
  type Expected,
  providerSuite,
  stripTags,
} from '../../../test/fixtures/webmail/provider-suite';
import { toSource } from '../to-source';
import { netease, neteaseUrlIds } from './netease';

const EXPECTED: Record<string, Expected> = {
  'read-163-zh-cn': {
    from: { name: '孙丽', address: 'sunli1988@163.example.test' },
    to: ['member@acme.example.test'],
    subject: '投诉：预付卡余额被无故清零',
    date: { raw: '2026年11月20日 15:42 (星期五)', local: [2026, 11, 20, 15, 42] },
    messageId: '421:1tbiARKvXmVHq8QWKQAAsA',
    body: ['余额为 0', '消费者协会'],
    // The hidden tab's email must not leak in.
    notInBody: ['已发货', '写道', '发自网易邮箱大师'],
    quoted: ['在 2026-11-18 10:20:35', '转交门店核实'],
    signature: ['发自网易邮箱大师'],
    preview: false,
  },
  'read-126-attach': {
    from: { name: '周杰', address: 'zhoujie@126.example.test' },
    to: ['zhuangxiu@acme.example.test'],
    cc: ['pm.li@acme.example.test', 'jianli@partner.example.test'],
    subject: '转发：装修工程质量问题（合同 ZX-2026-0311）',
    date: { raw: '2026年11月21日 10:05 (星期六)', local: [2026, 11, 21, 10, 5] },
    messageId: '183:xtbBqQ2kZ2Vb9HdR1AAAs7',
    attachments: ['卫生间墙面开裂.jpg', '装修合同 ZX-2026-0311.pdf'],
    body: ['请处理。'],
    quoted: ['转发邮件信息', '墙面瓷砖已经出现三条裂缝'],
    // A one-line forwarding note: the complaint is in the quoted part, so the agent checks.
    preview: true,
  },
  // The visible module's list is in the top document; the hidden tab's list must not leak in.
  'read-126-top-attach': {
    from: { name: '吴倩', address: 'wuqian@126.example.test' },
    to: ['tousu@fitness.example.test'],
    subject: '投诉：健身房闭店不退卡费',
    date: { raw: '2026年12月6日 20:15 (星期日)', local: [2026, 12, 6, 20, 15] },
    messageId: '233:1tbiQQ7pL2Vz8fKdAAAb9',
    attachments: ['会员卡合同.jpg', '闭店通知截图.png'],
    body: ['4800 元', '2800 元'],
    notInBody: ['137 0000 2468', '转发邮件信息'],
    quoted: ['转发邮件信息', '暂停营业'],
    signature: ['吴倩', '137 0000 2468'],
    preview: false,
    review: [],
  },

  // English UI: labels are the row's own text; the hidden tab comes first; text/plain forward.
  'read-163-en-plain': {
    from: { name: 'Olivia Chen', address: 'olivia.chen@163.example.test' },
    to: ['rentals@acme.example.test'],
    cc: ['legal@acme.example.test'],
    subject: 'Fwd: Deposit not returned after cancellation',
    date: { raw: 'Wed, Nov 25, 2026 14:05', local: [2026, 11, 25, 14, 5] },
    messageId: '520:1tbiAQkpQ2VnR9xMwQAAsK',
    attachments: ['rental-agreement-RA-3307.pdf'],
    body: ['CNY 2,000', 'within 7 days'],
    notInBody: ['138 0000 7788', 'Forwarded message', 'label.pdf'],
    quoted: [
      '---------- Forwarded message ---------\nFrom: Acme Rentals',
      'returned within 5 working days',
    ],
    signature: ['Olivia Chen\n138 0000 7788'],
    preview: false,
    review: [],
  },
  // The list inside the module; a recall table; two nested #isReplyContent; a contact card
  // with its own "发件人：" row left open at the end of the page.
  'read-126-thread-table': {
    from: { name: '郑佳', address: 'zhengjia@126.example.test' },
    to: ['muying@acme.example.test'],
    cc: ['anquan@acme.example.test'],
    subject: 'Re: 回复: 婴儿车召回后迟迟不换新',
    date: { raw: '2026年11月28日 09:47 (星期六)', local: [2026, 11, 28, 9, 47] },
    messageId: '311:1tbiBBn9R2Vq0cWfLgAAtP',
    attachments: ['召回登记回执.png'],
    body: ['召回编号\tRC-2026-0915', '登记日期\t2026-10-27', '退款 1,299 元'],
    notInBody: ['写道', '发自网易邮箱大师', '11 月底前发出'],
    quoted: ['11 月底前发出', '请问召回换新什么时候发货'],
    signature: ['发自网易邮箱大师'],
    preview: false,
    review: [],
  },
};

providerSuite('netease', netease, EXPECTED);

describe('netease', () => {
  it.each([
    ['https://mail.163.com/js6/main.jsp', true],
    ['https://hwwebmail.mail.163.com/js6/main.jsp', true],
    ['https://mail.126.com/js6/main.jsp', true],
    ['https://163.com/', false],
  ])('matches(%s) = %s', (url, ok) => {
    expect(netease.matches(url)).toBe(ok);
  });

  it('reads the id from the URL-encoded JSON in the hash, and nothing from a bad one', () => {
    expect(
      neteaseUrlIds(
        'https://mail.163.com/js6/main.jsp#module=read.ReadModule%7C%7B%22id%22%3A%2242%3Aab%22%7D',
      ),
    ).toEqual({
      messageId: '42:ab',
    });
    expect(
      neteaseUrlIds('https://mail.163.com/js6/main.jsp#module=read.ReadModule%7C%7Bbroken'),
    ).toEqual({});
    expect(
      neteaseUrlIds('https://mail.163.com/js6/main.jsp#module=mbox.ListModule%7C%7B%7D'),
    ).toEqual({});
  });

  it('follows the visible tab when the user switches', async () => {
    const meta = listFixtures('netease').find((f) => f.name === 'read-163-zh-cn')!;
    const { doc, close } = loadFixture(meta, 'happy-dom');
    doc
      .getElementById('_dvModuleContainer_read.ReadModule_1')!
      .setAttribute('style', 'display: none;');
    doc.getElementById('_dvModuleContainer_read.ReadModule_0')!.setAttribute('style', '');
    const clip = netease.extract(doc, 'https://mail.163.com/js6/main.jsp');
    expect(clip.subject).toBe('您的订单已发货');
    expect(clip.bodyText).toContain('SF20261119');
    await close();
  });

  it('captures the selection made inside the body frame, and it wins the description', async () => {
    const meta = listFixtures('netease').find((f) => f.name === 'read-126-top-attach')!;
    const { doc, close } = loadFixture(meta, 'happy-dom');
    const frame = doc.getElementById('1764900000222_frameBody') as HTMLIFrameElement;
    const inner = frame.contentDocument!;
    const line = Array.from(inner.querySelectorAll('div')).find((d) =>
      d.textContent?.startsWith('请在 7 日内'),
    )!;
    selectContents(line);
    const clip = netease.extract(doc, meta.url);
    expect(clip.selectionText).toBe('请在 7 日内退还剩余 14 个月的卡费 2800 元。');
    expect(clip.bodyText).toContain('4800 元');
    const { draft } = toSource(clip, { capturedAt: CAPTURED_AT, sanitize: stripTags });
    expect(draft.description?.startsWith('请在 7 日内')).toBe(true);
    expect(draft.source?.selectionText).toBe(clip.selectionText);
    await close();
  });
});
