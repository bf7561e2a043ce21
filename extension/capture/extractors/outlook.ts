import { type ProviderSpec, type Rule, createDomExtractor } from './dom-extractor';
import { parseAddress } from '../address';
import { lineOf } from '../dom';
import { attrOrText, fileName, titledAddress } from './readers';
import type { Address } from '../types';

// Outlook on the web (docs/webmail.md §1, §4): hashed classes change often, so anchor on ids,
// `data-app-section`, `data-testid` and ARIA. `aria-label` text is localized.

const PANE =
  '#ReadingPaneContainerId, [data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"]';

/** Localized aria-label prefixes of the header rows. */
export const OUTLOOK_LABELS = {
  from: ['From:', '发件人:', '发件人：', '寄件者:', 'Von:', 'De :', 'De:'],
  to: ['To:', '收件人:', '收件人：', '收件者:', 'An:', 'À :'],
  cc: ['Cc:', '抄送:', '抄送：', '副本:', 'Cc :'],
} as const;

const byLabel = (labels: readonly string[], inner: string) =>
  labels.map((l) => `[aria-label^="${l}"] ${inner}`).join(', ');

/** Name-only fallback: "From: Li Wei" on the row itself. */
const nameFromLabel =
  (labels: readonly string[]) =>
  (el: Element): Address | undefined => {
    const label = el.getAttribute('aria-label') ?? '';
    const prefix = labels.find((l) => label.startsWith(l));
    const name = (prefix ? label.slice(prefix.length) : label).trim() || lineOf(el);
    return name ? parseAddress(name) : undefined;
  };

const addressRules = (labels: readonly string[], withName: boolean): Rule<Address>[] => [
  { css: byLabel(labels, '[title*="@"]'), tier: 'testid', read: titledAddress },
  ...(withName
    ? [
        {
          css: labels.map((l) => `[aria-label^="${l}"]`).join(', '),
          tier: 'testid' as const,
          read: nameFromLabel(labels),
        },
      ]
    : []),
];

/**
 * `/mail/0/inbox/id/<ItemId>`, `/mail/deeplink/read/<ItemId>` (own window), `?ItemID=<ItemId>`:
 * AAQk/AQQk = conversation, AAMk/AQMk = message.
 */
export function outlookUrlIds(url: string): { messageId?: string; threadId?: string } {
  const raw =
    url.match(/\/(?:id|deeplink\/read)\/([^/?#]+)/)?.[1] ?? url.match(/[?&]ItemID=([^&#]+)/i)?.[1];
  if (!raw) return {};
  const id = decodeURIComponent(raw);
  if (/^A[AQ]Qk/.test(id)) return { threadId: id };
  if (/^A[AQ]Mk/.test(id)) return { messageId: id };
  return {};
}

export const OUTLOOK_SPEC: ProviderSpec = {
  id: 'outlook',
  version: '2025-07',
  hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'],
  detect: [
    {
      css: '#ReadingPaneContainerId [role="document"], #ReadingPaneContainerId div[id^="UniqueMessageBody"]',
      score: 1,
    },
    { css: '[data-app-section="ConversationContainer"]', score: 0.9 },
    { css: '#ReadingPaneContainerId', score: 0.7 },
    { css: '[data-app-section="MailReadCompose"]', score: 0.6 },
  ],
  collapsed: '[aria-expanded="false"]',
  selectors: {
    message: [
      {
        css: PANE.split(', ')
          .map((p) => `${p} div[aria-expanded]`)
          .join(', '),
        tier: 'testid',
      },
      { css: 'div[id^="UniqueMessageBody"]', tier: 'id' },
    ],
    subject: [
      {
        css: PANE.split(', ')
          .map((p) => `${p} [role="heading"][aria-level="1"]`)
          .join(', '),
        tier: 'testid',
        scope: 'document',
        read: attrOrText('title'),
      },
      { css: '[role="main"] [role="heading"][aria-level="1"]', tier: 'testid', scope: 'document' },
    ],
    from: [
      ...addressRules(OUTLOOK_LABELS.from, true),
      // Persona hover targets without a label: weakest signal.
      { css: '[title*="@"]', tier: 'heuristic', read: titledAddress },
    ],
    to: addressRules(OUTLOOK_LABELS.to, false),
    cc: addressRules(OUTLOOK_LABELS.cc, false),
    date: [
      { css: '[data-testid="SentReceivedSavedTime"]', tier: 'testid', read: attrOrText('title') },
    ],
    body: [
      { css: 'div[id^="UniqueMessageBody"]', tier: 'id' },
      { css: '[role="document"]', tier: 'testid' },
      { css: '.allowTextSelection', tier: 'class' },
    ],
    attachments: [
      {
        css: '[role="listbox"] [role="option"][title]',
        tier: 'testid',
        read: (el) => fileName(el.getAttribute('title')),
      },
      {
        css: '[title]',
        tier: 'heuristic',
        read: (el) =>
          el.closest('[id^="UniqueMessageBody"]') ? undefined : fileName(el.getAttribute('title')),
      },
    ],
    messageId: [],
    threadId: [
      {
        css: '[data-convid][aria-selected="true"]',
        tier: 'id',
        scope: 'document',
        read: (el) => el.getAttribute('data-convid') ?? undefined,
      },
    ],
  },
  urlIds: outlookUrlIds,
  // The list stores standard base64, the URL sometimes the URL-safe alphabet.
  normalizeId: (id) =>
    decodeURIComponent(id).replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''),
};

export const outlook = createDomExtractor(OUTLOOK_SPEC);
