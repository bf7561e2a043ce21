import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { capturePage } from './page';

const NOW = new Date('2026-11-22T09:30:00.000Z');

function page(html: string) {
  const win = new Window({ url: 'https://shop.example.test/reviews/12' });
  win.document.write(
    `<!doctype html><html><head><title> Reviews </title></head><body>${html}</body></html>`,
  );
  return win;
}

function select(win: Window, el: Element) {
  const range = win.document.createRange();
  range.selectNodeContents(el as never);
  const sel = win.document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

describe('capturePage', () => {
  it('takes URL, title, time and the selection as text and (unsanitized) HTML', () => {
    const win = page(
      '<p id="p">The <b>kettle</b> leaks.<img src="https://t.example.test/x.gif"></p><p>Other</p>',
    );
    select(win, win.document.getElementById('p') as unknown as Element);
    const before = win.document.body.innerHTML;
    expect(capturePage(win as never, NOW)).toEqual({
      url: 'https://shop.example.test/reviews/12',
      title: 'Reviews',
      capturedAt: '2026-11-22T09:30:00.000Z',
      selectionText: 'The kettle leaks.',
      selectionHtml: 'The <b>kettle</b> leaks.<img src="https://t.example.test/x.gif">',
    });
    // Read only: the page is unchanged.
    expect(win.document.body.innerHTML).toBe(before);
  });

  it('without a selection: empty strings, and no article on a page with no main text', () => {
    const win = page('<p>Nothing selected</p>');
    const out = capturePage(win as never, NOW);
    expect(out.selectionText).toBe('');
    expect(out.selectionHtml).toBe('');
    expect(out.article).toBeUndefined();
  });

  const REVIEW = `<header><nav><a href="/">Home</a> <a href="/deals">Deals</a> <a href="/login">Log in</a></nav></header>
    <div class="layout"><aside class="sidebar"><h3>Popular</h3><ul><li><a href="/a">Best kettles 2026</a></li><li><a href="/b">Top blenders</a></li></ul></aside>
    <article class="review"><h1>Kettle started leaking after two weeks</h1>
      <p id="body">I bought the Acme K-200 kettle on 3 November for 59 EUR. After two weeks it leaks from the base every time it boils, and the plastic smells burnt. Support told me to wait for a courier that never came.</p>
      <p>I want a refund, not another replacement of the same model. Order number AC-88213.</p></article></div>
    <footer><p>© 2026 Reviews Inc. · Privacy · Terms · Cookie settings · Contact us · Careers</p></footer>`;

  it('without a selection: the main text by Readability, without navigation, sidebar or footer', () => {
    const out = capturePage(page(REVIEW) as never, NOW);
    expect(out.article?.text).toContain('leaks from the base');
    expect(out.article?.text).toContain('AC-88213');
    for (const noise of ['Log in', 'Best kettles', 'Cookie settings'])
      expect(out.article?.text).not.toContain(noise);
  });

  it('the selection wins: no article is read when the agent selected text', () => {
    const win = page(REVIEW);
    select(win, win.document.getElementById('body') as unknown as Element);
    const out = capturePage(win as never, NOW);
    expect(out.selectionText).toContain('leaks from the base');
    expect(out.selectionText).not.toContain('AC-88213');
    expect(out.article).toBeUndefined();
  });

  it('finds the selection in a same-origin frame (QQ classic, 163)', () => {
    const win = page('<iframe id="f"></iframe>');
    const frame = new Window({ url: 'https://shop.example.test/frame' });
    frame.document.write('<p id="q">Inside the frame</p>');
    Object.defineProperty(win.document.getElementById('f')!, 'contentDocument', {
      get: () => frame.document,
    });
    select(frame, frame.document.getElementById('q') as unknown as Element);
    expect(capturePage(win as never, NOW).selectionText).toBe('Inside the frame');
  });
});
