import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from './index';

describe('extension/capture public API', () => {
  it('grows only on purpose', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DETECT_THRESHOLD',
      'DISPLAY_CSP',
      'EXTRACTORS',
      'PREVIEW_THRESHOLD',
      'PROVIDER_IDS',
      'QUOTE_MARKERS',
      'SANITIZE_CONFIG',
      'SIGNATURE_MARKERS',
      'SOURCE_LIMITS',
      'SanitizerUnavailableError',
      'TIER_CONFIDENCE',
      'capturePage',
      'channelFor',
      'createClipFrame',
      'createSanitizer',
      'dropHtml',
      'extractClip',
      'generic',
      'gmail',
      'gmailRawUrl',
      'needsPreview',
      'netease',
      'outlook',
      'parseAddress',
      'parseAddressList',
      'parseMailDate',
      'parseRawEmail',
      'pickExtractor',
      'qqClassic',
      'qqNew',
      'sandboxedSrcdoc',
      'sanitizeClip',
      'sanitizeSyncedEvents',
      'splitQuotedDom',
      'splitQuotedText',
      'toSource',
      'yahoo',
    ]);
  });

  it('the preview threshold is 0.7', () => {
    expect(api.PREVIEW_THRESHOLD).toBe(0.7);
  });
});

describe('code that runs in the webmail page', () => {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  // Only the display helpers (extension pages) may build HTML strings.
  const pageSide = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) =>
      f.endsWith('.ts') &&
      !f.endsWith('.test.ts') &&
      !['sanitize.ts', 'sanitize-clip.ts', 'display.ts'].includes(f),
  );

  it.each(pageSide)('%s writes no HTML strings into a document (Trusted Types)', (file) => {
    const source = readFileSync(`${dir}/${file}`, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(source).not.toMatch(
      /\.(?:inner|outer)HTML\s*=[^=]|insertAdjacentHTML|setHTMLUnsafe|document\.write|\.srcdoc\s*=|createContextualFragment|new\s+DOMParser|\beval\(|new Function/,
    );
  });
});
