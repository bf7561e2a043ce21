import type { Draft } from '@shared/schema/registration';
import { DraftSchema } from '@shared/schema/registration';
import { describe, expect, it } from 'vitest';
import { applyProposal, highlightRuns, proposalText, proposeFields } from './proposals';

const NOW = new Date('2026-12-07T06:00:00Z');
const AT = '2026-12-07T06:00:00.000Z';

const draftOf = (text: string, extra: Partial<Draft> = {}, signature?: string): Draft => ({
  channel: 'email',
  source: {
    capturedAt: AT,
    method: 'dom',
    selectionText: text,
    ...(signature ? { email: { provider: 'netease', signature } } : {}),
  },
  ...extra,
});

const fields = (draft: Draft) =>
  proposeFields(draft, { now: NOW, currency: 'CNY' }).map((p) => [
    p.detail.kind,
    p.field,
    p.display,
  ]);

describe('proposeFields', () => {
  // Opened days later, in a browser on UTC: "today" is still the day the customer wrote it, on
  // the organisation's calendar.
  it.each([
    [
      "the email's own date",
      {
        provider: 'gmail' as const,
        date: { raw: 'Fri, Nov 20, 2026, 3:42 PM', iso: '2026-11-20T07:42:00.000Z' },
      },
      '2026-11-20',
    ],
    ['else the capture time (23:38 UTC is the next day in Shanghai)', undefined, '2026-12-08'],
  ])('"today" counts from when the text was written: %s', (_name, email, day) => {
    const draft: Draft = {
      channel: 'email',
      source: {
        capturedAt: '2026-12-07T23:38:00.000Z',
        method: 'dom',
        selectionText: 'The parcel arrived today and four plates are broken.',
        ...(email ? { email } : {}),
      },
    };
    const opened = new Date('2026-12-20T10:00:00Z');
    const dates = proposeFields(draft, { now: opened, currency: 'CNY', timeZone: 'Asia/Shanghai' })
      .filter((p) => p.detail.kind === 'date')
      .map((p) => p.display);
    expect(dates).toEqual([day]);
  });

  it.each([
    [
      'zh: phone, order number, plate, claimed amount',
      '您好，我的手机 13800138000，订单号 JD7788120034，车牌京A12345，要求赔偿 2800 元。',
      [
        ['phone', 'complainant.phone', '13800138000'],
        ['orderNumber', 'profileFields.orderNo', 'JD7788120034'],
        ['plate', 'profileFields.licencePlate', '京A12345'],
        ['amount', 'amountClaimed', '2800 CNY'],
      ],
    ],
    [
      'en: a price list and an offer are not a claim; the refund asked for is',
      'Price list: basic 99 USD, premium 199 USD. You offered me 50 USD. I want a refund of 249.99 USD.',
      [
        ['amount', undefined, '99 USD'],
        ['amount', undefined, '199 USD'],
        ['amount', undefined, '50 USD'],
        ['amount', 'amountClaimed', '249.99 USD'],
      ],
    ],
    ['zh: a postcode is not a phone', '我家住在北京市朝阳区，邮编 100020，请尽快处理。', []],
    [
      'en: a postcode is not a phone',
      'I live at 12 High Street, postcode 100020, please call.',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(fields(draftOf(text))).toEqual(expected);
  });

  it.each([
    [
      'en: a clipped email whose text starts with its From line',
      'From: Tom Baker <tom.baker@example.com>. I ordered a fridge (order 77120) and it arrived broken.',
      [
        ['name', 'complainant.name', 'Tom Baker'],
        ['email', 'complainant.email', 'tom.baker@example.com'],
        ['orderNumber', 'profileFields.orderNo', '77120'],
      ],
    ],
    [
      'zh: 发件人 gives the name and the address; 收件人 is the company',
      '发件人：刘洋 <liuyang@example.com>\n收件人：客服 <kefu@shop.example>\n主题：冰箱坏了\n\n冰箱门关不上。',
      [
        ['name', 'complainant.name', '刘洋'],
        ['email', 'complainant.email', 'liuyang@example.com'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(fields(draftOf(text))).toEqual(expected);
  });

  it('reads the signature too, after the clip text', () => {
    const draft = draftOf('空调漏水。', {}, '刘洋\n手机 139 0000 5678');
    expect(proposalText(draft.source)).toBe('空调漏水。\n\n刘洋\n手机 139 0000 5678');
    expect(fields(draft)).toContainEqual(['phone', 'complainant.phone', '13900005678']);
  });

  it('never overwrites: a field holding another value is flagged, one holding the same is applied', () => {
    const text = '电话 13800138000，要求退款 699 元。';
    const [phone, amount] = proposeFields(
      draftOf(text, {
        complainant: { anonymous: false, phone: '138 0013 8000' },
        amountClaimed: { value: 500, currency: 'CNY' },
      }),
      { now: NOW, currency: 'CNY' },
    );
    expect(phone).toMatchObject({ applied: true });
    expect(phone!.replaces).toBeUndefined();
    expect(amount).toMatchObject({ applied: false, replaces: '500 CNY' });
  });
});

describe('applyProposal', () => {
  it("fills only the proposal's field, and the result is a valid draft", () => {
    const draft = draftOf(
      '车牌京A12345，订单号 JD7788120034，电话 13800138000，要求赔偿 2800 元。',
      {
        complainant: { anonymous: false, name: '吴倩' },
      },
    );
    let next = draft;
    for (const p of proposeFields(draft, { now: NOW, currency: 'CNY' }))
      next = applyProposal(next, p, 'CNY');
    expect(next.complainant).toEqual({ anonymous: false, name: '吴倩', phone: '13800138000' });
    expect(next.profile).toBe('vehicle');
    expect(next.profileFields).toEqual({ licencePlate: '京A12345', orderNo: 'JD7788120034' });
    expect(next.amountClaimed).toEqual({ value: 2800, currency: 'CNY' });
    expect(next.source).toBe(draft.source);
    expect(DraftSchema.safeParse(next).error).toBeUndefined();
  });

  it('a proposal with no field changes nothing', () => {
    const draft = draftOf('We offered you 50 USD.');
    const [offer] = proposeFields(draft, { now: NOW, currency: 'CNY' });
    expect(applyProposal(draft, offer!, 'CNY')).toBe(draft);
  });
});

describe('highlightRuns', () => {
  it('cuts the text at each proposal, keeping every character once', () => {
    const text = '电话 13800138000，要求退款 699 元。';
    const proposals = proposeFields(draftOf(text), { now: NOW, currency: 'CNY' });
    const runs = highlightRuns(text, proposals);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.proposalId).map((r) => r.text)).toEqual(['13800138000', '699 元']);
  });
});
