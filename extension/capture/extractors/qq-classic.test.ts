import { describe, expect, it } from 'vitest';
import { listFixtures, loadFixture } from '../../../test/fixtures/webmail/load-fixture';
import { type Expected, providerSuite } from '../../../test/fixtures/webmail/provider-suite';
import { qqClassic } from './qq-classic';
import { extractClip, pickExtractor } from './registry';

const EXPECTED: Record<string, Expected> = {
  'readmail-zh-cn': {
    from: { name: '赵敏', address: 'zhao.min@qq.example.test' },
    to: ['kefu@acme.example.test'],
    cc: ['zhiliang@acme.example.test'],
    subject: '投诉：购买的电热水器漏电，要求退货并检测',
    date: { raw: '2026年11月20日(星期五) 下午3:42', local: [2026, 11, 20, 15, 42] },
    messageId: 'ZC1120-Vq3kZr8TtYw2mNdPcJhL5sX',
    attachments: ['试电笔测试视频.mp4'],
    body: ['出水口带电', '出具书面检测结果'],
    notInBody: ['原始邮件'],
    quoted: ['原始邮件', '订单 8823-1108 发货通知'],
    preview: false,
  },
  'readmail-en': {
    from: { name: 'James Park', address: 'james.park@guest.example.test' },
    to: ['guest.relations@acme.example.test'],
    subject: 'Hotel room not cleaned for three days',
    date: { raw: 'Sat, Nov 21, 2026 07:55 AM', local: [2026, 11, 21, 7, 55] },
    // The frame document's URL, not the stale src attribute (ZC1001-OLD…).
    messageId: 'ZC1121-Rk8sT2uVw3xYz4aB5cD6eF7',
    body: ['room 1412', 'refund of one night'],
    notInBody: ['Front Desk'],
    quoted: ['From: Front Desk', 'housekeeping will come tomorrow'],
    preview: false,
  },
  // QQ's signature separator (18 dashes) and a forwarded header block inside the body.
  'readmail-signature-zh-cn': {
    from: { name: '黄丽', address: 'huangli@qq.example.test' },
    to: ['kefu@express.example.test'],
    subject: '快递丢件，客服一直推脱',
    date: { raw: '2026年12月5日(星期六) 晚上9:40', local: [2026, 12, 5, 21, 40] },
    messageId: 'ZC1205-Pp2qRr3sSs4tTt5uUu6vVv7',
    body: ['SD2026112800451', '2000 元赔偿'],
    notInBody: ['021-6234 5678', 'Original'],
    quoted: ['Original', '正在核实'],
    signature: ['黄丽', '021-6234 5678'],
    preview: false,
    review: [],
  },

  // An order table, a cloud-attachment block in the body, a thread quoted two levels deep, a
  // hidden contact card and the related-mails strip with other span[e].
  'readmail-table-zh-cn': {
    from: { name: '孙浩', address: 'sun.hao@qq.example.test' },
    to: ['shouhou@acme.example.test'],
    cc: ['wuliu@acme.example.test', 'zongjian@acme.example.test'],
    subject: '投诉：家具少发两件，客服推诿',
    date: { raw: '2026年11月27日(星期五) 上午10:26', local: [2026, 11, 27, 10, 26] },
    messageId: 'ZC2127-Tb6nMq2wEr4tYu8iOp0aSd3',
    attachments: ['送货单.jpg'],
    body: ['商品\t下单数量\t实收数量', '实木餐椅\t4\t2', '货款 1,160 元', '收货现场视频.mp4'],
    notInBody: ['158 0000 3344', '原始邮件', '请耐心等待'],
    quoted: ['请耐心等待', '发送时间: 2026年11月17日', '收到的餐椅少了两把'],
    signature: ['孙浩', '158 0000 3344'],
    preview: false,
    review: [],
  },
  // text/plain in <pre>: the split keeps the lines of the signature and the ">" levels.
  'readmail-plain-en': {
    from: { name: 'Marco Rossi', address: 'm.rossi@guest.example.test' },
    to: ['claims@acme.example.test'],
    subject: 'Re: Flight delay compensation claim FD-88412',
    date: { raw: 'Tue, Nov 24, 2026 08:15 PM', local: [2026, 11, 24, 20, 15] },
    messageId: 'ZC2128-Nb5vCx7zLk3jHg1fDs9aQw2',
    attachments: ['boarding-pass.pdf', 'status-page.png'],
    body: ['EUR 400 compensation', 'crew availability'],
    notInBody: ['+39 333 000 1122', 'wrote:'],
    quoted: ['<claims@acme.example.test>\nwrote:\n> Dear Mr Rossi,', '>> Flight AC 721'],
    signature: ['--\nMarco Rossi\n+39 333 000 1122'],
    preview: false,
    review: [],
  },
};

providerSuite('qq-classic', qqClassic, EXPECTED);

describe('qq-classic', () => {
  const meta = listFixtures('qq-classic').find((f) => f.name === 'readmail-zh-cn')!;

  it('keys the message by the frame URL mailid', async () => {
    const { doc, close } = loadFixture(meta, 'happy-dom');
    expect(qqClassic.messageKey?.(doc, meta.url)).toBe('qq-classic:ZC1120-Vq3kZr8TtYw2mNdPcJhL5sX');
    await close();
  });

  it('is told apart from the new UI on the same host', async () => {
    const { doc, close } = loadFixture(meta, 'linkedom');
    expect(pickExtractor('https://mail.qq.com/cgi-bin/frame_html?sid=x', doc).id).toBe(
      'qq-classic',
    );
    await close();
  });

  it('falls back to the generic extractor when the frame is not readable (cross-origin)', async () => {
    const { doc, close } = loadFixture(meta, 'happy-dom');
    Object.defineProperty(doc.getElementById('mainFrame')!, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    expect(qqClassic.detect?.(doc)).toBe(0.6);
    const clip = extractClip(doc, meta.url);
    expect(clip.provider).toBe('generic');
    expect(clip.warnings[0]).toBe('fallback:qq-classic:no-body');
    await close();
  });
});
