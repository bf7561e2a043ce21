import { parseAddress, parseAddressList } from '../address';
import { type ProviderSpec, createDomExtractor } from './dom-extractor';
import { lineOf } from '../dom';
import { LABELS, attrOrText, fileName } from './readers';
import type { Address } from '../types';

// Yahoo Mail (docs/webmail.md §1): `data-test-id` hooks, stable since at least 2019 (Mailvelope and
// many Selenium suites); CSS classes are atomic and unstable, so none are used.

/** The pill shows the name; the address is in `title` (or is the text itself). */
function pill(el: Element): Address | undefined {
  const text = lineOf(el);
  const title = parseAddress(el.getAttribute('title'));
  if (title?.address) {
    return text && text !== title.address
      ? { name: text, address: title.address }
      : { address: title.address };
  }
  return parseAddress(text);
}

/** `/d/folders/<fid>/messages/<mid>` */
export function yahooUrlIds(url: string): { messageId?: string } {
  const id = url.match(/\/messages\/([^/?#]+)/)?.[1];
  return id ? { messageId: decodeURIComponent(id) } : {};
}

export const YAHOO_SPEC: ProviderSpec = {
  id: 'yahoo',
  version: '2024-06',
  hosts: ['*.mail.yahoo.com'],
  detect: [
    { css: '[data-test-id="message-view-body-content"]', score: 1 },
    { css: '[data-test-id="message-view"]', score: 0.9 },
    { css: '[data-test-id="message-group-subject-text"]', score: 0.7 },
  ],
  collapsed: '[aria-expanded="false"]',
  selectors: {
    message: [
      { css: '[data-test-id="message-view"]', tier: 'testid' },
      { css: '.message-view', tier: 'class' },
    ],
    subject: [
      { css: '[data-test-id="message-group-subject-text"]', tier: 'testid', scope: 'document' },
      { css: '[data-test-id="message-subject"]', tier: 'testid', scope: 'document' },
    ],
    from: [
      {
        css: 'header [data-test-id="message-from"] [data-test-id="email-pill"]',
        tier: 'testid',
        read: pill,
      },
      {
        css: '[data-test-id="message-from"] [data-test-id="email-pill"]',
        tier: 'testid',
        read: pill,
      },
      {
        css: '[data-test-id="message-from"]',
        tier: 'testid',
        read: (el) => parseAddress(lineOf(el).replace(LABELS.from, '').trim()),
      },
    ],
    to: [
      {
        css: '[data-test-id="message-to"]',
        tier: 'testid',
        // `title` holds the full list; the text may be truncated ("Agent, +2") and starts with
        // the localized label ("To:", "收件者：").
        read: (el) =>
          parseAddressList(el.getAttribute('title') ?? lineOf(el).replace(LABELS.to, '')),
      },
    ],
    cc: [],
    date: [{ css: '[data-test-id="message-date"]', tier: 'testid', read: attrOrText('title') }],
    body: [
      { css: '[data-test-id="message-view-body-content"]', tier: 'testid' },
      { css: '[data-test-id="message-view-body"]', tier: 'testid' },
    ],
    attachments: [
      {
        css: '[data-test-id="attachment-download"], [data-test-id="attachment-thumbnail"]',
        tier: 'testid',
        read: (el) =>
          fileName(el.getAttribute('title')) ??
          fileName(el.getAttribute('download')) ??
          fileName(el.getAttribute('aria-label')) ??
          fileName(lineOf(el)),
      },
    ],
    messageId: [],
    threadId: [],
  },
  urlIds: yahooUrlIds,
};

export const yahoo = createDomExtractor(YAHOO_SPEC);
