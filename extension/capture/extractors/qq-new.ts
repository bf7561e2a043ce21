import { parseAddress } from '../address';
import { type ProviderSpec, createDomExtractor } from './dom-extractor';
import { isElement, isHidden, lineOf } from '../dom';
import { LABELS, addressListText, labelled, withoutLabel } from './readers';
import type { Address, Attachment } from '../types';

// QQ Mail, new UI (mail.qq.com new / wx.mail.qq.com; docs/webmail.md §1): restructured 2025-07
// (`.frame-main` → `.mail_app`). No OSS extractor reads its subject or date, so those fall to
// the header region's labels and text: low confidence, reviewed in the preview.

const READER = '.mail-list-page-reader-body.reader-body-children';
const OLD_READER = '.frame-main .reader-body';

/**
 * Hover cards stay in the page after use (hidden, or open for whoever was hovered last): trust a
 * card only for the name it shows, the open one first.
 */
function contactCard(el: Element): Address | undefined {
  const nick = lineOf(el);
  const cards = Array.from(el.ownerDocument.querySelectorAll('.xmail-cmp-contact-card'));
  for (const card of [...cards.filter((c) => !isHidden(c)), ...cards.filter(isHidden)]) {
    const cardName = card.querySelector('.cmp-basic-name')?.textContent?.trim();
    const address = card.querySelector('.cmp-basic-email span')?.textContent?.trim();
    if (!address || (cardName && nick && cardName !== nick)) continue;
    return nick && nick !== address ? { name: nick, address } : { address };
  }
  return undefined;
}

function attachmentCard(el: Element): Attachment | undefined {
  const name = `${el.querySelector('.attach-name')?.textContent?.trim() ?? ''}${el.querySelector('.attach-suffix')?.textContent?.trim() ?? ''}`;
  if (!name) return undefined;
  const size = el.querySelector('.attach-size')?.textContent?.trim();
  return size ? { name, size } : { name };
}

/** The first line of the header region that is not a label row: the subject. */
function subjectLine(reader: Element): string | undefined {
  const header = reader.querySelector('.mail-detail-content')
    ? Array.from(reader.querySelectorAll('*')).filter(
        (el) => !el.closest('.mail-detail-content') && el.children.length === 0,
      )
    : [];
  for (const el of header) {
    const text = lineOf(el);
    if (!text || /[:：]$/.test(text) || Object.values(LABELS).some((l) => l.test(text))) continue;
    if (el.closest('.cmp-account-wrap, [class*="toolbar"], button')) continue;
    return text;
  }
  return undefined;
}

/** QQ message ids: long, mixed letters and digits (`ZC2111-vQw2…`); folder and page numbers are not. */
const QQ_ID = /^(?=[^/]*[A-Za-z])(?=[^/]*\d)[A-Za-z0-9_-]{12,}$/;

/**
 * The id in the hash route, whatever its shape: `#/read/<folder>/<id>`, `#/list/<folder>/<page>/<id>`,
 * `#/search/<q>/<id>`, `?mailid=<id>`. Undocumented, so a heuristic: the last segment that looks
 * like an id.
 */
export function qqNewUrlIds(url: string): { messageId?: string } {
  const [, hash = ''] = url.split('#');
  const query = hash.split('?')[1] ?? url.split('#')[0]!.split('?')[1] ?? '';
  const param = new URLSearchParams(query).get('mailid') ?? new URLSearchParams(query).get('mid');
  if (param && QQ_ID.test(param)) return { messageId: param };
  const segments = hash
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      try {
        return decodeURIComponent(seg);
      } catch {
        return seg;
      }
    });
  const id = segments
    .slice(1)
    .reverse()
    .find((seg) => QQ_ID.test(seg));
  return id ? { messageId: id } : {};
}

export const QQ_NEW_SPEC: ProviderSpec = {
  id: 'qq-new',
  version: '2025-07',
  hosts: ['mail.qq.com', 'wx.mail.qq.com'],
  detect: [
    { css: `.mail_app ${READER}`, score: 1 },
    { css: '.mail_app .mail-detail-content', score: 0.9 },
    { css: '.frame-main .mail-detail-content', score: 0.8 },
    { css: '.mail_app', score: 0.5 },
  ],
  urlTier: 'heuristic',
  selectors: {
    message: [
      { css: READER, tier: 'class' },
      { css: OLD_READER, tier: 'class' },
    ],
    subject: [
      {
        name: 'header region, first non-label line',
        tier: 'heuristic',
        find: (scope) => (isElement(scope as Node) ? [scope as Element] : []),
        read: subjectLine,
      },
    ],
    from: [
      {
        name: 'label 发件人 → contact card',
        tier: 'class',
        find: labelled(LABELS.from),
        read: (el) => {
          const wrap = el.matches('.cmp-account-wrap') ? el : el.querySelector('.cmp-account-wrap');
          return wrap ? contactCard(wrap) : undefined;
        },
      },
      {
        // Without labels the sender is the first account in the header, never a later one.
        name: 'first .cmp-account-wrap → contact card',
        tier: 'class',
        find: (scope) => {
          const wrap = scope.querySelector('.cmp-account-wrap');
          return wrap ? [wrap] : [];
        },
        read: contactCard,
      },
      {
        name: 'label 发件人',
        tier: 'heuristic',
        find: labelled(LABELS.from),
        read: (el) => parseAddress(withoutLabel(LABELS.from)(el)),
      },
    ],
    to: [
      {
        name: 'label 收件人',
        tier: 'heuristic',
        find: labelled(LABELS.to),
        read: addressListText(LABELS.to),
      },
    ],
    cc: [
      {
        name: 'label 抄送',
        tier: 'heuristic',
        find: labelled(LABELS.cc),
        read: addressListText(LABELS.cc),
      },
    ],
    date: [
      {
        name: 'label 时间',
        tier: 'heuristic',
        find: labelled(LABELS.date),
        read: withoutLabel(LABELS.date),
      },
    ],
    body: [{ css: '.mail-detail-content', tier: 'class' }],
    attachments: [
      {
        css: '.mail-detail-attaches .mail-detail-attaches-card',
        tier: 'class',
        read: attachmentCard,
      },
    ],
    messageId: [],
    threadId: [],
  },
  urlIds: qqNewUrlIds,
};

export const qqNew = createDomExtractor(QQ_NEW_SPEC);
