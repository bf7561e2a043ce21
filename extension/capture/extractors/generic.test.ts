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
import { generic, headerLines } from './generic';
import { toSource } from '../to-source';

const EXPECTED: Record<string, Expected> = {
  'mailing-list-archive': {
    from: { name: 'Ahmed Yilmaz', address: 'ahmed.yilmaz@customer.example.test' },
    subject: '[customers] Warranty claim ignored for six weeks',
    date: { raw: 'Thu, 19 Nov 2026 21:17:44 +0100', iso: '2026-11-19T20:17:44.000Z' },
    body: ['claim W-55102', 'refund of 549 EUR'],
    notInBody: ['From:', 'Subject:'],
    signature: ['Ahmed Yilmaz'],
    preview: true,
  },
  'unknown-webmail-zh': {
    from: { name: '黄小明', address: 'huang.xm@kehu.example.test' },
    to: ['kefu@acme.example.test'],
    subject: '维修后的笔记本电脑再次黑屏',
    date: { raw: '2026-11-20 15:42', local: [2026, 11, 20, 15, 42] },
    body: ['又出现黑屏', '要求更换新机'],
    notInBody: ['发件人'],
    preview: true,
  },
  'forum-post': {
    subject: 'Acme refund never arrived',
    body: ['refund of 249.99 USD'],
    preview: true,
    channel: 'web_page',
  },
};

providerSuite('generic', generic, EXPECTED);

const load = (name: string) =>
  loadFixture(listFixtures('generic').find((f) => f.name === name)!, 'happy-dom');

describe('generic', () => {
  it('prefers the selection: only the selected body, method "selection"', async () => {
    const { doc, close } = load('unknown-webmail-zh');
    selectContents(doc.getElementById('mailBody')!);
    const clip = generic.extract(doc, 'https://mail.corp.example.test/webmail/read?uid=88231');
    expect(clip.method).toBe('selection');
    expect(clip.evidence.body?.tier).toBe('selection');
    expect(clip.bodyText).toContain('要求更换新机');
    expect(clip.bodyText).not.toContain('企业邮箱');
    await close();
  });

  it('a selection with its header lines reads them and keeps them out of the body', async () => {
    const { doc, close } = load('unknown-webmail-zh');
    selectContents(doc.querySelector('main')!);
    const clip = generic.extract(doc, 'https://mail.corp.example.test/webmail/read?uid=88231');
    expect(clip.from?.address).toBe('huang.xm@kehu.example.test');
    expect(clip.bodyText.startsWith('你好，我的笔记本电脑')).toBe(true);
    await close();
  });

  it('a forum post selection becomes a web_page draft', async () => {
    const { doc, close } = load('forum-post');
    selectContents(doc.getElementById('post-content')!);
    const clip = generic.extract(doc, 'https://forum.example.test/t/48812');
    const { draft, channel } = toSource(clip, { capturedAt: CAPTURED_AT, sanitize: stripTags });
    expect(channel).toBe('web_page');
    expect(draft.source?.method).toBe('selection');
    expect(draft.description).toMatch(/^I returned a vacuum cleaner/);
    expect(draft.description).not.toContain('mike77');
    await close();
  });

  it.each([
    [
      'From: A <a@x.example.test>\nDate: 2026-11-20 10:00\n\nbody',
      { from: 'A <a@x.example.test>', date: '2026-11-20 10:00' },
      3,
    ],
    ['发件人：张三\n主题：投诉\n正文', { from: '张三', subject: '投诉' }, 2],
    ['Dear team,\nFrom: me', { from: 'me' }, 0],
    ['Dear customer service', {}, 0],
  ])('headerLines(%j)', (text, values, end) => {
    const out = headerLines(text);
    expect(out.values).toEqual(values);
    expect(out.headerEnd).toBe(end);
  });
});
