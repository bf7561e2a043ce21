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
});
