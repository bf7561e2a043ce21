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
