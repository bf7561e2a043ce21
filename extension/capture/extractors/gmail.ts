import { type ProviderSpec, createDomExtractor } from './dom-extractor';
import { addressAttrs, attr, attrOrText } from './readers';
import type { Attachment } from '../types';

// Gmail (docs/webmail.md §1). Message-level hooks (`span.gD[email]`, `.g3`, `h2.hP`, `.a3s`) date
// from 2014–2015 and the `data-legacy-*` ids from 2018; container classes drift yearly.

/** `download_url="application/pdf:receipt.pdf:https://mail.google.com/…"` (Chrome only). */
function downloadUrl(el: Element): Attachment | undefined {
  const m = el.getAttribute('download_url')?.match(/^[^:]+:(.+?):(https:\/\/.+)$/);
  if (!m) return undefined;
  const size = el.querySelector('.SaH2Ve')?.textContent?.trim();
  return { name: m[1]!, url: m[2]!, ...(size ? { size } : {}) };
}

function attachmentCard(el: Element): Attachment | undefined {
  const name = el.querySelector('.aV3')?.textContent?.trim();
  if (!name) return undefined;
  const size = el.querySelector('.SaH2Ve')?.textContent?.trim();
  return size ? { name, size } : { name };
}

export const GMAIL_SPEC: ProviderSpec = {
  id: 'gmail',
  version: '2025-01',
  hosts: ['mail.google.com'],
  detect: [
    { css: 'div.adn.ads[data-message-id]', score: 1 },
    { css: 'div.adn.ads', score: 0.9 },
    { css: 'h2.hP', score: 0.6 },
  ],
  collapsed: '.kv, .kQ, .kx',
  titleHasSubject: true,
  selectors: {
    message: [
      { css: 'div.adn[data-message-id]', tier: 'id' },
      { css: 'div.adn.ads', tier: 'class' },
      { css: '.h7, .kv', tier: 'class' },
    ],
    subject: [
      { css: 'h2[data-legacy-thread-id]', tier: 'id', scope: 'document' },
      { css: 'h2.hP', tier: 'class', scope: 'document' },
      { css: '.ha h2', tier: 'class', scope: 'document' },
    ],
    from: [
      // The `email` attribute is the stable part of these selectors.
      { css: 'span.gD[email]', tier: 'id', read: addressAttrs('email', 'name') },
      { css: 'td.gF span[email]', tier: 'id', read: addressAttrs('email', 'name') },
      { css: '.gE [email]', tier: 'class', read: addressAttrs('email', 'name') },
    ],
    to: [
      { css: '.hb span[email]', tier: 'id', read: addressAttrs('email', 'name') },
      { css: 'span.g2[email]', tier: 'id', read: addressAttrs('email', 'name') },
    ],
    // The header shows "to me, Wang"; cc needs the details pop-up or the raw message.
    cc: [],
    date: [
      { css: 'span.g3[title]', tier: 'class', read: attr('title') },
      { css: '.gK .g3', tier: 'class', read: attrOrText('title') },
    ],
    body: [
      { css: 'div.ii.gt div.a3s', tier: 'class' },
      { css: 'div.a3s', tier: 'class' },
      { css: 'div.ii.gt', tier: 'class' },
    ],
    attachments: [
      { css: 'span.aZo[download_url]', tier: 'id', read: downloadUrl },
      { css: 'div.aQH span.aZo', tier: 'class', read: attachmentCard },
    ],
    messageId: [
      { css: '[data-legacy-message-id]', tier: 'id', read: attr('data-legacy-message-id') },
      {
        css: '[data-message-id]',
        tier: 'id',
        read: (el) => el.getAttribute('data-message-id')?.replace(/^#/, '') || undefined,
      },
    ],
    threadId: [
      {
        css: 'h2[data-legacy-thread-id]',
        tier: 'id',
        scope: 'document',
        read: attr('data-legacy-thread-id'),
      },
    ],
  },
  // Only the old hex thread ids in the hash are comparable; `FMfcg…` ids are another encoding.
  urlIds(url) {
    const id = url.match(/#[^/]+(?:\/[^/]+)*\/([0-9a-f]{16})(?:$|[?/])/)?.[1];
    return id ? { threadId: id } : {};
  },
};

export const gmail = createDomExtractor(GMAIL_SPEC);
