import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PARSERS,
  listFixtures,
  loadFixture,
  readExpected,
} from '../../test/fixtures/webmail/load-fixture';
import { netease } from './extractors/netease';
import { type FixtureExpected, fixtureBundle, fixtureName } from './fixture';
import { redactUrl, snapshotPage } from './snapshot';

const TMP = mkdtempSync(join(tmpdir(), 'cd-fixture-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('a wrong capture saved as a fixture', () => {
  it('round-trips: the saved page and frames load in the fixture loader and the suite reads the corrections', async () => {
    const meta = listFixtures('netease').find((f) => f.name === 'read-126-top-attach')!;
    const { doc, close } = loadFixture(meta, 'happy-dom');
    // Noise a live page has: a script, a handler, a typed search, a session in a link.
    const script = doc.createElement('script');
    script.textContent = 'window.secret = "tok"';
    doc.body.append(script);
    doc.querySelector('h1')!.setAttribute('onclick', 'steal()');
    const input = doc.createElement('input');
    input.setAttribute('value', '13800138000');
    doc.body.append(input);
    const link = doc.createElement('a');
    link.setAttribute('href', 'https://mail.126.com/js6/main.jsp?sid=ABC123&df=x');
    doc.body.append(link);

    const snapshot = snapshotPage({
      document: doc,
      location: { href: `${meta.url.replace('sid=REDACTED', 'sid=LIVESESSION')}` },
    } as unknown as Window);
    await close();
    expect(snapshot.url).not.toContain('LIVESESSION');
    expect(Object.keys(snapshot.frames)).toEqual(['1764900000222_frameBody']);
    for (const bad of ['window.secret', 'steal()', '13800138000', 'ABC123'])
      expect(snapshot.html).not.toContain(bad);

    const expected: FixtureExpected = {
      from: { name: '吴倩', address: 'wuqian@126.example.test' },
      subject: '投诉：健身房闭店不退卡费',
      body: ['4800 元'],
      attachments: ['会员卡合同.jpg', '闭店通知截图.png'],
      preview: false,
    };
    const bundle = fixtureBundle(snapshot, {
      provider: 'netease',
      name: 'Reported 126 Attach!',
      reported: '2026-12-07T07:00:00.000Z',
      note: 'attachments missing',
      expected,
    });
    expect(bundle.files.map((f) => f.path)).toEqual([
      'netease/reported-126-attach.html',
      'netease/reported-126-attach--1764900000222_frameBody.frame.html',
      'netease/reported-126-attach.expected.json',
    ]);
    for (const f of bundle.files) {
      mkdirSync(dirname(join(TMP, f.path)), { recursive: true });
      writeFileSync(join(TMP, f.path), f.content);
    }
    const saved = listFixtures('netease', TMP);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ locale: 'zh-CN', url: snapshot.url });
    expect(saved[0]!.crafted).toMatch(/^2026-12-07/);
    expect(readExpected<FixtureExpected>(saved[0]!)).toEqual(expected);
    for (const parser of PARSERS) {
      const loaded = loadFixture(saved[0]!, parser);
      const clip = netease.extract(loaded.doc, saved[0]!.url);
      expect(clip.from).toEqual(expected.from);
      expect(clip.subject).toBe(expected.subject);
      expect(clip.attachments.map((a) => a.name)).toEqual(expected.attachments);
      expect(clip.bodyText).toContain('4800 元');
      await loaded.close();
    }
  });

  it.each([
    [
      'https://mail.qq.com/cgi-bin/frame_html?sid=abc&r=1',
      'https://mail.qq.com/cgi-bin/frame_html?sid=REDACTED&r=1',
    ],
    ['https://x.test/a?token=1#/read/1/ZC21', 'https://x.test/a?token=REDACTED#/read/1/ZC21'],
    ['not a url', 'not a url'],
  ])('redactUrl(%s)', (url, out) => {
    expect(redactUrl(url)).toBe(out);
  });

  it('names are file-name safe', () => {
    expect(fixtureName('QQ 新版 / list route?')).toBe('qq-list-route');
    expect(fixtureName('新版')).toBe('reported');
  });
});
