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

  it('without a selection: empty strings', () => {
    const win = page('<p>Nothing selected</p>');
    const out = capturePage(win as never, NOW);
    expect(out.selectionText).toBe('');
    expect(out.selectionHtml).toBe('');
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
