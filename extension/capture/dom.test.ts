import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { descendants, innermost, isHidden, labelledValues, lineOf, outermost, textOf } from './dom';

const parsers = {
  'happy-dom': (html: string) => {
    const doc = new Window().document;
    doc.body.innerHTML = html;
    return doc.body as unknown as Element;
  },
  linkedom: (html: string) =>
    parseHTML(`<html><body>${html}</body></html>`).document.body as unknown as Element,
};

describe.each(Object.entries(parsers))('dom helpers (%s)', (_, body) => {
  it.each([
    ['<p>a</p><p>b</p>', 'a\n\nb'],
    ['<div>a</div>\n  <div>b</div>', 'a\nb'],
    ['<div>Hello,</div><div><br></div><div>Order</div>', 'Hello,\n\nOrder'],
    ['<div>a<br>b</div>', 'a\nb'],
    ['<p>  many   spaces\n here </p>', 'many spaces here'],
    ['<pre>  keep\n  lines</pre>', 'keep\nlines'],
    [
      '<table><tr><td>From:</td><td>Li</td></tr><tr><td>To:</td><td>Wang</td></tr></table>',
      'From:\tLi\nTo:\tWang',
    ],
    // Word and HTML mailers wrap each cell in <p>: a row still reads as one line.
    [
      '<table><tr><th><p>Item</p></th><th><p>Qty</p></th></tr><tr><td><p>Chair</p></td><td><p>6</p><br></td></tr></table>',
      'Item\tQty\nChair\t6',
    ],
    // A layout table (one cell per row, or a cell holding a table) keeps its paragraphs.
    [
      '<table><tr><td><p>Hello,</p><p>the order:</p></td></tr><tr><td><table><tr><td>A</td><td>1</td></tr></table></td></tr></table>',
      'Hello,\n\nthe order:\n\nA\t1',
    ],
    [
      '<p>shown</p><p style="display:none">hidden</p><p hidden>also</p><script>x()</script><style>p{}</style>',
      'shown',
    ],
    ['<p>a</p><p></p><p></p><p></p><p>b</p>', 'a\n\nb'],
  ])('textOf(%j)', (html, text) => {
    expect(textOf(body(html))).toBe(text);
  });

  it('labelledValues finds the value element(s) of a label, per occurrence', () => {
    const root = body(
      '<table><tr><td>发件人：</td><td><span e="a@x.example.test">A</span></td></tr></table>' +
        '<div><span>抄 送：</span><span class="a">B</span><span class="a">C</span><span>时间：</span><span>D</span></div>' +
        '<div><b>收件人:</b> Wang &lt;w@x.example.test&gt;</div><p>时间：2026-11-20</p>',
    );
    expect(labelledValues(root, /^发件人\s*(?:[:：]|$)/).map((g) => g.map(lineOf))).toEqual([
      ['A'],
    ]);
    expect(labelledValues(root, /^抄\s*送\s*(?:[:：]|$)/).map((g) => g.map(lineOf))).toEqual([
      ['B', 'C'],
    ]);
    expect(labelledValues(root, /^收件人\s*(?:[:：]|$)/).map((g) => g.map(lineOf))).toEqual([
      ['收件人: Wang <w@x.example.test>'],
    ]);
    expect(labelledValues(root, /^时\s*间\s*(?:[:：]|$)/).map((g) => g.map(lineOf))).toEqual([
      ['D'],
      ['时间：2026-11-20'],
    ]);
  });

  it('descendants walks in document order; innermost/outermost; isHidden looks up', () => {
    const root = body(
      '<div id="a"><p id="b">x<i id="c">y</i></p></div><span id="d" style="display: none"><b id="e">z</b></span>',
    );
    const ids = [...descendants(root)].map((n) => (n as Element).id || n.nodeValue);
    expect(ids).toEqual(['a', 'b', 'x', 'c', 'y', 'd', 'e', 'z']);
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    expect(innermost([a, b])).toEqual([b]);
    expect(outermost([a, b])).toEqual([a]);
    expect(isHidden(root.querySelector('#e')!)).toBe(true);
    expect(isHidden(b)).toBe(false);
  });
});

it('textOf survives nesting deeper than the call stack (hostile mail)', () => {
  const doc = new Window().document;
  let el = doc.body as unknown as Element;
  for (let i = 0; i < 20_000; i++) {
    const child = doc.createElement('div') as unknown as Element;
    el.appendChild(child);
    el = child;
  }
  el.textContent = 'deep';
  expect(textOf(doc.body as unknown as Element)).toBe('deep');
});
