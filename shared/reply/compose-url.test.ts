import { describe, expect, it } from 'vitest';
import {
  MAILTO_URL_MAX,
  WEBMAIL_URL_MAX,
  replyComposeLink,
  replySubject,
  withCaseNumber,
} from './compose-url';

const ZH: { to: string; subject: string; body: string } = {
  to: 'chen.wei+order@example.cn',
  subject: 'Re: 热水壶漏水 [2611-0007]',
  body: '尊敬的陈先生/女士：\n\n您的投诉（2611-0007）已处理：退款 ¥1,200.00 & 上门检修 = 100%。\n\n客服部',
};

/** The query of a link, decoded the way the provider reads it. */
const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('replyComposeLink', () => {
  it.each([
    [
      'gmail',
      'https://mail.google.com/mail/',
      { view: 'cm', to: ZH.to, su: ZH.subject, body: ZH.body },
    ],
    [
      'outlook',
      'https://outlook.office.com/mail/deeplink/compose',
      { to: ZH.to, subject: ZH.subject, body: ZH.body },
    ],
    ['yahoo', 'https://compose.mail.yahoo.com/', { to: ZH.to, subject: ZH.subject, body: ZH.body }],
  ])('%s: its compose page with to, subject and body filled in', (provider, page, query) => {
    const link = replyComposeLink(provider, ZH);
    if (!link.ok) throw new Error(link.reason);
    expect(link.kind).toBe('webmail');
    expect(link.url.split('?')[0]).toBe(page);
    expect(params(link.url)).toEqual(query);
    // Percent-encoded UTF-8 throughout: nothing a URL parser could read two ways.
    expect(link.url).toMatch(/^[\x21-\x7e]+$/);
    expect(link.url).toContain('%E7%83%AD%E6%B0%B4%E5%A3%B6'); // 热水壶
    expect(link.url).toContain('%26%20%E4%B8%8A'); // "& 上", the ampersand kept as text
  });

  it('opens Outlook’s personal host for a clip from outlook.live.com', () => {
    const link = replyComposeLink('outlook', ZH, 'https://outlook.live.com/mail/0/inbox/id/AQMk');
    expect(link.ok && link.url).toMatch(/^https:\/\/outlook\.live\.com\/mail\/deeplink\/compose\?/);
    const work = replyComposeLink('outlook', ZH, 'not a url');
    expect(work.ok && work.url).toMatch(/^https:\/\/outlook\.office\.com\//);
  });

  it.each(['qq-new', 'qq-classic', 'netease', 'generic', undefined])(
    '%s: no reliable compose URL, so mailto: (CRLF line breaks, the @ kept)',
    (provider) => {
      const link = replyComposeLink(provider, ZH);
      if (!link.ok) throw new Error(link.reason);
      expect(link.kind).toBe('mailto');
      expect(link.url.startsWith('mailto:chen.wei%2Border@example.cn?subject=')).toBe(true);
      const query = new URLSearchParams(link.url.slice(link.url.indexOf('?') + 1));
      expect(query.get('subject')).toBe(ZH.subject);
      expect(query.get('body')).toBe(ZH.body.replace(/\n/g, '\r\n'));
    },
  );

  it('refuses a link too long to open whole, never cutting the reply', () => {
    // Each Chinese character takes 9 URL characters (three percent-encoded bytes).
    const long = { ...ZH, body: '退'.repeat(Math.ceil(WEBMAIL_URL_MAX / 9)) };
    expect(replyComposeLink('gmail', long)).toEqual({ ok: false, reason: 'tooLong' });
    const fits = { ...ZH, body: '退'.repeat(Math.floor((WEBMAIL_URL_MAX - 400) / 9)) };
    const ok = replyComposeLink('gmail', fits);
    expect(ok.ok && ok.url.length).toBeLessThanOrEqual(WEBMAIL_URL_MAX);
    expect(ok.ok && params(ok.url).body).toBe(fits.body);
    // mailto: is shorter still.
    const mid = { ...ZH, body: 'x'.repeat(MAILTO_URL_MAX) };
    expect(replyComposeLink('qq-new', mid)).toEqual({ ok: false, reason: 'tooLong' });
    expect(replyComposeLink('gmail', mid).ok).toBe(true);
  });

  it('needs an address', () => {
    expect(replyComposeLink('gmail', { ...ZH, to: ' ' })).toEqual({
      ok: false,
      reason: 'noAddress',
    });
  });
});

describe('the reply subject carries the case number', () => {
  it.each([
    ['Broken kettle', '2611-0007', 'Re: Broken kettle [2611-0007]'],
    ['Re: Broken kettle', '2611-0007', 'Re: Broken kettle [2611-0007]'],
    ['回复：热水壶漏水', '2611-0007', '回复：热水壶漏水 [2611-0007]'],
    ['Re: order 2611-0007', '2611-0007', 'Re: order 2611-0007'],
    [undefined, '2611-0007', 'Re: [2611-0007]'],
    ['Broken kettle', undefined, 'Re: Broken kettle'],
  ])('%s (%s) → %s', (original, caseNumber, expected) => {
    expect(replySubject(original, caseNumber)).toBe(expected);
  });

  it('withCaseNumber adds it once', () => {
    expect(withCaseNumber('Your complaint', '2611-0001')).toBe('Your complaint [2611-0001]');
    expect(withCaseNumber('Your complaint 2611-0001', '2611-0001')).toBe(
      'Your complaint 2611-0001',
    );
  });
});
