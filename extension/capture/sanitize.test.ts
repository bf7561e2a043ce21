import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  DISPLAY_CSP,
  SanitizerUnavailableError,
  createClipFrame,
  createSanitizer,
  sandboxedSrcdoc,
} from './sanitize';
import { sanitizeClip } from './sanitize-clip';

// What DOMPurify does to hostile HTML is proven in real Chromium (test/e2e/capture-xss.test.ts):
// the DOM shims used for unit tests do not run it faithfully, which the guard below catches.

describe('createSanitizer', () => {
  it('refuses a window where DOMPurify would pass HTML through (linkedom)', () => {
    const { window } = parseHTML('<html><body></body></html>');
    expect(() => createSanitizer(window as never)).toThrow(SanitizerUnavailableError);
  });

  it('refuses a window where the canary survives (happy-dom)', () => {
    expect(() => createSanitizer(new Window() as never)).toThrow(/canary/);
  });

  it('refuses no window at all (an MV3 service worker)', () => {
    expect(() => createSanitizer(undefined as never)).toThrow(SanitizerUnavailableError);
  });

  it('sanitizeClip runs the given sanitizer over every HTML field and marks the clip', () => {
    const clip = sanitizeClip(
      {
        provider: 'gmail',
        url: 'https://mail.google.com/',
        to: [],
        cc: [],
        bodyHtml: '<b>body</b>',
        bodyText: 'body',
        quotedHtml: '<i>old</i>',
        attachments: [],
        method: 'dom',
        confidence: { overall: 1, fields: {} },
        evidence: {},
        warnings: [],
      },
      (h) => `[${h}]`,
    );
    expect(clip).toMatchObject({
      bodyHtml: '[<b>body</b>]',
      quotedHtml: '[<i>old</i>]',
      htmlSanitized: true,
    });
  });
});

describe('sandboxedSrcdoc', () => {
  it('puts the CSP first, before any clipped markup', () => {
    const doc = sandboxedSrcdoc('<p>hello</p>', 'zh-CN');
    expect(
      doc.startsWith(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"',
      ),
    ).toBe(true);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<p>hello</p>'));
    expect(doc.endsWith('<body><p>hello</p></body></html>')).toBe(true);
  });

  it('blocks script and every fetch but data: images', () => {
    expect(DISPLAY_CSP).toMatch(/^default-src 'none'; img-src data:;/);
    expect(DISPLAY_CSP).not.toMatch(/script-src|https?:|'self'/);
  });

  it('ignores a lang that is not a language tag', () => {
    expect(sandboxedSrcdoc('', '"><script>')).toMatch(/^<!doctype html><html><head>/);
  });

  it('createClipFrame builds a sandbox="" iframe with no referrer', () => {
    const frame = createClipFrame(new Window().document as unknown as Document, '<p>x</p>');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(frame.srcdoc).toBe(sandboxedSrcdoc('<p>x</p>'));
  });
});
