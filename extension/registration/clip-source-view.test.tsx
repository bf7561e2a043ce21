// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { ClipSourceView } from './clip-source-view';

afterEach(cleanup);

const SOURCE = {
  url: 'https://shop.example.test/reviews/1',
  title: 'Reviews',
  capturedAt: '2026-12-07T20:27:00.000Z',
  selectionText: 'The washing machine arrived dented.',
  method: 'selection' as const,
};

describe('where the clip came from', () => {
  it.each([
    ['en', 'Dec 8, 2026, 4:27 AM'],
    ['zh-CN', '2026年12月8日 04:27'],
  ] as const)('names the capture time as the deadlines beside it do (%s)', (locale, when) => {
    render(
      <ClipSourceView
        source={SOURCE}
        t={translator(locale)}
        locale={locale}
        timeZone="Asia/Shanghai"
      />,
    );
    // Never "12/08/2026, 04:27": read as 12 August in half the English-speaking world.
    expect(document.querySelector('time')?.textContent).toMatch(new RegExp(`^${when}`));
  });

  it.each([
    [
      'en',
      'Sent: Nov 20, 2026, 3:42 PM (Asia/Shanghai)',
      'Clipped: Dec 8, 2026, 4:27 AM (Asia/Shanghai)',
    ],
    ['zh-CN', '发送时间：2026年11月20日 15:42', '摘录时间：2026年12月8日 04:27'],
  ] as const)("an email: its own date and the clip's, each named (%s)", (locale, sent, clipped) => {
    render(
      <ClipSourceView
        source={{
          ...SOURCE,
          email: {
            provider: 'gmail',
            date: { raw: 'Fri, Nov 20, 2026, 3:42 PM', iso: '2026-11-20T07:42:00.000Z' },
          },
        }}
        t={translator(locale)}
        locale={locale}
        timeZone="Asia/Shanghai"
      />,
    );
    const lines = [...document.querySelectorAll('p.cd-meta')].map((p) => p.textContent);
    expect(lines.some((l) => l?.startsWith(sent))).toBe(true);
    expect(lines.some((l) => l?.startsWith(clipped))).toBe(true);
  });

  it('a date the extractor could not read is shown as the page wrote it', () => {
    render(
      <ClipSourceView
        source={{ ...SOURCE, email: { provider: 'qq', date: { raw: '周五 下午3:42' } } }}
        t={translator('zh-CN')}
        locale="zh-CN"
        timeZone="Asia/Shanghai"
      />,
    );
    const lines = [...document.querySelectorAll('p.cd-meta')].map((p) => p.textContent);
    expect(lines).toContain('发送时间：周五 下午3:42');
  });
});
