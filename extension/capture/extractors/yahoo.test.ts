import { describe, expect, it } from 'vitest';
import { listFixtures, loadFixture } from '../../../test/fixtures/webmail/load-fixture';
import { type Expected, providerSuite } from '../../../test/fixtures/webmail/provider-suite';
import { yahoo, yahooUrlIds } from './yahoo';

const EXPECTED: Record<string, Expected> = {
  'single-en': {
    from: { name: 'Sandra Ortiz', address: 'sandra.ortiz@customer.example.test' },
    to: ['acme.care@yahoo.example.test', 'billing@acme.example.test'],
    subject: 'Overcharged on my phone bill (account 5583-1207)',
    date: { raw: 'Thu, Nov 19, 2026 at 11:26 PM', local: [2026, 11, 19, 23, 26] },
    messageId: 'AKqJ3b8AAHpNZ0HdJgqcT7mRzYc',
    attachments: ['bill-november-2026.pdf', 'roaming-lines.png'],
    body: ['73.40 USD of "international roaming"', 'confirm in writing'],
    notInBody: ['wrote:'],
    quoted: ['Acme Care <acme.care@yahoo.example.test> wrote:', 'ticket 88213'],
    preview: false,
  },
  'thread-collapsed-zh': {
    from: { name: '刘洋', address: 'liu.yang@kehu.example.test' },
    to: ['acme.care@yahoo.example.test'],
    subject: '手机屏幕保修被拒',
    date: { raw: 'Fri, Nov 20, 2026 at 9:02 AM', local: [2026, 11, 20, 9, 2] },
    messageId: 'AOk5cLUAAKm1ZzxUSgTmYxWQuQs',
    body: ['要求免费更换屏幕'],
    notInBody: ['外力损坏，不在保修范围内', 'Sent from Yahoo Mail'],
    signature: ['Sent from Yahoo Mail for iPhone'],
    preview: false,
    warnings: ['thread:3'],
  },

  // zh-TW UI: "收件者：" is text of the To row (no title); the forward holds an order table.
  'forward-table-zh-tw': {
    from: { name: '林雅婷', address: 'lin.yating@kehu.example.test' },
    to: ['care@acme.example.test'],
    subject: '轉寄：訂單 TW-2611-00873 商品缺件',
    date: { raw: '2026年11月25日 週三 下午2:30', local: [2026, 11, 25, 14, 30] },
    messageId: 'ALf0qZcAAB2sZ2LQvg3xWk1TnPo',
    attachments: ['開箱照片.jpg', '訂單確認.pdf'],
    body: ['少了兩組濾心', '退還 1,180 元'],
    notInBody: ['轉寄的郵件', '全館八折', '傳送郵件'],
    quoted: ['轉寄的郵件', '寄件日期', '替換濾心（兩組）\t1\t1,180'],
    preview: false,
    review: [],
  },
};

providerSuite('yahoo', yahoo, EXPECTED);

describe('yahoo', () => {
  it.each([
    ['https://mail.yahoo.com/d/folders/1', true],
    ['https://in.mail.yahoo.com/d/folders/1', true],
    ['https://uk.mail.yahoo.com/', true],
    ['https://yahoo.com/mail', false],
    ['https://mail.yahoo.com.evil.example.test/', false],
  ])('matches(%s) = %s', (url, ok) => {
    expect(yahoo.matches(url)).toBe(ok);
  });

  it('reads the message id from /messages/<mid>', () => {
    expect(yahooUrlIds('https://mail.yahoo.com/d/folders/1/messages/AKqJ3b8?reason=x')).toEqual({
      messageId: 'AKqJ3b8',
    });
    expect(yahooUrlIds('https://mail.yahoo.com/d/folders/1')).toEqual({});
  });

  it('a sender row without its pill drops the localized label, as the To row does', async () => {
    const meta = listFixtures('yahoo').find((f) => f.name === 'forward-table-zh-tw')!;
    const { doc, close } = loadFixture(meta, 'happy-dom');
    const row = doc.querySelectorAll('[data-test-id="message-from"]')[1]!;
    row.textContent = '寄件者：林雅婷 <lin.yating@kehu.example.test>';
    expect(yahoo.extract(doc, meta.url).from).toEqual({
      name: '林雅婷',
      address: 'lin.yating@kehu.example.test',
    });
    await close();
  });
});
