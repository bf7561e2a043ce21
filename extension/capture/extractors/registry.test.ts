import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { listFixtures, loadFixture } from '../../../test/fixtures/webmail/load-fixture';
import { generic } from './generic';
import { EXTRACTORS, extractClip, pickExtractor } from './registry';
import type { ClipResult, ProviderExtractor } from '../types';

const emptyDoc = () => new Window().document as unknown as Document;

describe('pickExtractor', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/', 'outlook'],
    ['https://in.mail.yahoo.com/d/folders/1', 'yahoo'],
    ['https://wx.mail.qq.com/home/index', 'qq-new'],
    ['https://mail.qq.com/cgi-bin/frame_html', 'qq-classic'],
    ['https://mail.126.com/js6/main.jsp', 'netease'],
  ])('%s with its UI on screen → %s', async (url, id) => {
    const meta = listFixtures(id)[0]!;
    const { doc, close } = loadFixture(meta, 'linkedom');
    expect(pickExtractor(url, doc).id).toBe(id);
    await close();
  });

  it('a webmail host with no message open (inbox list) → generic', () => {
    expect(pickExtractor('https://mail.google.com/mail/u/0/#inbox', emptyDoc())).toBe(generic);
  });

  it('any other page → generic', () => {
    expect(pickExtractor('https://shop.example.test/orders/1', emptyDoc())).toBe(generic);
    expect(pickExtractor('not a url', emptyDoc())).toBe(generic);
  });

  it('lists each provider once, generic last (implicit)', () => {
    expect(EXTRACTORS.map((x) => x.id)).toEqual([
      'gmail',
      'outlook',
      'yahoo',
      'qq-new',
      'qq-classic',
      'netease',
    ]);
  });
});

describe('extractClip', () => {
  const fake = (extract: () => ClipResult): ProviderExtractor => ({
    id: 'gmail',
    matches: () => true,
    detect: () => 1,
    extract,
  });
  const doc = () => {
    const d = emptyDoc();
    d.body.append(
      Object.assign(d.createElement('p'), { textContent: 'From: Li Wei <li@x.example.test>' }),
    );
    d.body.append(
      Object.assign(d.createElement('p'), { textContent: 'The parcel arrived broken.' }),
    );
    return d;
  };

  it('hands over to the generic extractor when a provider throws, keeping the reason', () => {
    const clip = extractClip(doc(), 'https://mail.google.com/', [
      fake(() => {
        throw new Error('selector drift');
      }),
    ]);
    expect(clip.provider).toBe('generic');
    expect(clip.warnings[0]).toBe('fallback:gmail:error:selector drift');
    expect(clip.from?.address).toBe('li@x.example.test');
  });

  it('hands over when a provider finds no body', () => {
    const empty = generic.extract(emptyDoc(), 'https://mail.google.com/');
    const clip = extractClip(doc(), 'https://mail.google.com/', [
      fake(() => ({ ...empty, provider: 'gmail' })),
    ]);
    expect(clip.provider).toBe('generic');
    expect(clip.warnings[0]).toBe('fallback:gmail:no-body');
    expect(clip.bodyText).toContain('arrived broken');
  });
});
