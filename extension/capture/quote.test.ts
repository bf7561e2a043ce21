import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textOf } from './dom';
import { isQuoteStart, splitQuotedDom, splitQuotedText } from './quote';

describe('isQuoteStart', () => {
  it.each([
    ['------------------ 原始邮件 ------------------', true],
    ['------------------ Original ------------------', true],
    ['-----Original Message-----', true],
    ['---------- Forwarded message ---------', true],
    ['-------- 转发邮件 --------', true],
    ['On Wed, Nov 18, 2026 at 2:20 PM Acme Billing <billing@acme.example.test> wrote:', true],
    ['在 2026年11月18日 10:05，Acme 客服中心 <kefu@acme.example.test> 写道：', true],
    ['Acme 客服中心 <kefu@acme.example.test> 于2026年11月18日周三 上午10:05写道：', true],
    ['在 2026-11-18 10:20:35，"Acme"<member@acme.example.test> 写道:', true],
    ['Le mer. 18 nov. 2026 à 10:05, Acme <a@acme.example.test> a écrit :', true],
    ['Am Mi., 18. Nov. 2026 um 10:05 Uhr schrieb Acme <a@acme.example.test>:', true],
    ['> quoted line', true],
    ['Dear team, on Monday I wrote to you.', false],
    ['From my side, the problem started on Monday.', false],
    ['在门店里店员写道歉信', false],
    ['', false],
  ])('%j → %s', (line, expected) => {
    expect(isQuoteStart([line])).toBe(expected);
  });

  it('needs a second header line for a "From:" block (zh and en)', () => {
    expect(
      isQuoteStart(['发件人: 客服中心 <kefu@acme.example.test>', '发送时间: 2026年11月18日 9:30']),
    ).toBe(true);
    expect(
      isQuoteStart(['From: Acme <a@acme.example.test>', 'Sent: Wednesday, November 18, 2026']),
    ).toBe(true);
    expect(isQuoteStart(['From: my neighbour I heard that', 'the store is closing'])).toBe(false);
    expect(
      isQuoteStart([
        'On Wed, Nov 18, 2026 at 2:20 PM Acme Billing',
        '<billing@acme.example.test> wrote:',
      ]),
    ).toBe(true);
    expect(isQuoteStart(['________________________________', 'From: Front Desk'])).toBe(true);
  });
});

describe('splitQuotedText', () => {
  it('splits body, signature and quote', () => {
    const text = [
      '你好，',
      '空调漏水，请尽快维修。',
      '',
      '-- ',
      '王芳 138 0013 8000',
      '',
      '在 2026年11月18日 10:05，Acme 客服中心 <kefu@acme.example.test> 写道：',
      '> 我们会在 48 小时内安排维修。',
    ].join('\r\n');
    expect(splitQuotedText(text)).toEqual({
      body: '你好，\n空调漏水，请尽快维修。',
      signature: '--\n王芳 138 0013 8000',
      quoted:
        '在 2026年11月18日 10:05，Acme 客服中心 <kefu@acme.example.test> 写道：\n> 我们会在 48 小时内安排维修。',
    });
  });

  it('recognises mobile signatures', () => {
    expect(splitQuotedText('Broken on arrival.\n\nSent from my iPhone').signature).toBe(
      'Sent from my iPhone',
    );
    expect(splitQuotedText('到货就坏了。\n发自我的iPhone').signature).toBe('发自我的iPhone');
  });

  it.each([
    [
      'QQ dashes',
      '退款没到账。\n------------------\n黄丽\n021-6234 5678',
      '------------------\n黄丽\n021-6234 5678',
    ],
    ['Windows Mail', 'Still broken.\n\nSent from Mail for Windows', 'Sent from Mail for Windows'],
    ['German mobile', 'Kaputt.\nVon meinem iPhone gesendet', 'Von meinem iPhone gesendet'],
    ['QQ mobile', '还没修好。\n发自QQ邮箱', '发自QQ邮箱'],
  ])('recognises the %s signature', (_name, text, signature) => {
    expect(splitQuotedText(text).signature).toBe(signature);
  });

  it('a dashed line with words is a quote separator, not a signature; a short dash run is text', () => {
    const split = splitQuotedText('正文。\n------------------ 原始邮件 ------------------\n旧信');
    expect(split.signature).toBeUndefined();
    expect(split.quoted).toContain('原始邮件');
    expect(splitQuotedText('价格 --- 299 元\n---\n谢谢').signature).toBeUndefined();
  });

  it('leaves plain text alone', () => {
    expect(splitQuotedText('Nothing quoted here.\nSecond line.')).toEqual({
      body: 'Nothing quoted here.\nSecond line.',
    });
  });
});

const parsers = {
  'happy-dom': (html: string) => {
    const doc = new Window().document;
    const div = doc.createElement('div');
    div.innerHTML = html;
    return div as unknown as Element;
  },
  linkedom: (html: string) =>
    parseHTML(`<html><body><div>${html}</div></body></html>`).document.body
      .firstElementChild as unknown as Element,
};

describe.each(Object.entries(parsers))('splitQuotedDom (%s)', (_, root) => {
  it.each([
    [
      'gmail',
      '<div>Body text here.</div><div class="gmail_quote"><div class="gmail_attr">On … wrote:</div><blockquote>old</blockquote></div>',
      'Body text here.',
      'old',
    ],
    [
      'gmail (prefixed class)',
      '<div>Body.</div><div class="m_-4411gmail_quote">old</div>',
      'Body.',
      'old',
    ],
    [
      'outlook (x_ ids)',
      '<div>Body.</div><div id="x_appendonsend"></div><hr><div id="x_divRplyFwdMsg"><b>From:</b> A</div><div>old</div>',
      'Body.',
      'old',
    ],
    [
      'yahoo (yiv prefix)',
      '<div>Body.</div><div class="yiv123yahoo_quoted">old</div>',
      'Body.',
      'old',
    ],
    [
      'apple',
      '<div>Body.</div><div>On 18 Nov 2026, at 10:05, A &lt;a@x.example.test&gt; wrote:</div><blockquote type="cite">old</blockquote>',
      'Body.',
      'wrote:',
    ],
    [
      'thunderbird',
      '<p>Body.</p><div class="moz-cite-prefix">On 18.11.26 A wrote:</div><blockquote>old</blockquote>',
      'Body.',
      'old',
    ],
    [
      '163',
      '<div>Body.</div><br>在 2026-11-18 10:20:35，"A"&lt;a@x.example.test&gt; 写道：<br><blockquote id="isReplyContent">old</blockquote>',
      'Body.',
      '写道',
    ],
    [
      'qq',
      '<div>Body.</div><includetail><div>------------------&nbsp;原始邮件&nbsp;------------------</div>old</includetail>',
      'Body.',
      '原始邮件',
    ],
    [
      'plain text in <pre>',
      '<pre>Body line.\n\n> old line\n> more</pre>',
      'Body line.',
      '> old line',
    ],
    [
      'br-separated separator',
      '<div>Body.<br>-----Original Message-----<br>From: A<br>old</div>',
      'Body.',
      'Original Message',
    ],
    // text/plain shown as one block: the header's next lines are the following text nodes.
    [
      'br-separated header block (zh)',
      '<div>正文。<br><br>________________________________<br>发件人: A &lt;a@x.example.test&gt;<br>发送时间: 2026年11月22日 9:30<br>旧邮件</div>',
      '正文。',
      '发件人: A <a@x.example.test>\n发送时间: 2026年11月22日 9:30',
    ],
    [
      'br-separated header block (en), label in <b>',
      '<div>Body.<br><b>From:</b> A<br><b>Sent:</b> Monday<br>old</div>',
      'Body.',
      'From: A\nSent: Monday',
    ],
    // Cut from inside a <pre>: the quote keeps its lines.
    [
      "pre keeps the quote's lines",
      '<pre>Body.\n\nOn Mon, Nov 23, 2026 at 10:02 AM A &lt;a@x.example.test&gt;\nwrote:\n&gt; one\n&gt;&gt; two</pre>',
      'Body.',
      '<a@x.example.test>\nwrote:\n> one\n>> two',
    ],
  ])('%s', (_, html, body, quoted) => {
    const el = root(html);
    const split = splitQuotedDom(el);
    expect(textOf(split.body)).toBe(body);
    expect(textOf(split.quoted!)).toContain(quoted);
  });

  it('cuts the signature after the quote, and never touches a body without either', () => {
    const split = splitQuotedDom(
      root(
        '<div>Body.</div><div class="gmail_signature">Li Wei</div><div class="gmail_quote">old<div class="gmail_signature">Other sig</div></div>',
      ),
    );
    expect(textOf(split.body)).toBe('Body.');
    expect(textOf(split.signature!)).toBe('Li Wei');
    expect(textOf(split.quoted!)).toContain('Other sig');
    const plain = splitQuotedDom(root('<p>Only a body, with a "From" word: nothing else.</p>'));
    expect(plain.quoted).toBeUndefined();
    expect(plain.signature).toBeUndefined();
  });
});
