import { type ProviderSpec, createDomExtractor } from './dom-extractor';
import { documentUrl, frameDocument, lineOf } from '../dom';
import { LABELS, addressAttrs, fileName, labelled, withoutLabel } from './readers';
import type { Attachment } from '../types';

// QQ Mail, classic UI (docs/webmail.md §1, §3): the reading view is the same-origin iframe
// `#mainFrame` (`/cgi-bin/readmail…`), read through `contentDocument` from the top frame.
// Its ids have lasted more than ten years.

const MAIN_FRAME = 'iframe#mainFrame[name="mainFrame"], iframe#mainFrame';

function mainFrames(doc: Document): Document[] {
  return Array.from(doc.querySelectorAll(MAIN_FRAME))
    .map(frameDocument)
    .filter((d): d is Document => !!d);
}

/** `mailid=` of the frame's current URL (the `src` attribute goes stale after navigation). */
export function qqClassicMailId(doc: Document): string | undefined {
  const frame = doc.querySelector(MAIN_FRAME);
  if (!frame) return undefined;
  const inner = frameDocument(frame);
  const url = (inner && documentUrl(inner)) ?? frame.getAttribute('src') ?? '';
  return url.match(/[?&]mailid=([^&#]+)/)?.[1];
}

/** The name span sits next to a size span ("(128.5K)"): keep what looks like a file name. */
function attachmentName(el: Element): Attachment | undefined {
  const found = fileName(lineOf(el));
  const size = el.nextElementSibling?.textContent?.replace(/[()（）]/g, '').trim();
  return found && size ? { ...found, size } : found;
}

const read = addressAttrs('e', 'n');
const first = (el: Element, css: string) => {
  const hit = el.matches(css) ? el : el.querySelector(css);
  return hit ? read(hit) : undefined;
};
const every = (el: Element, css: string) =>
  [...(el.matches(css) ? [el] : []), ...Array.from(el.querySelectorAll(css))].flatMap(
    (e) => read(e) ?? [],
  );

export const QQ_CLASSIC_SPEC: ProviderSpec = {
  id: 'qq-classic',
  version: '2025-07',
  hosts: ['mail.qq.com'],
  detect: [
    { frame: MAIN_FRAME, css: '#mainmail', score: 1 },
    { frame: MAIN_FRAME, css: '#mailContentContainer', score: 1 },
    { css: MAIN_FRAME, score: 0.6 },
  ],
  documents: mainFrames,
  selectors: {
    message: [{ css: '#mainmail', tier: 'id' }],
    subject: [
      { css: '#subject', tier: 'id', scope: 'document' },
      {
        name: 'label 主题',
        tier: 'heuristic',
        find: labelled(LABELS.subject),
        read: withoutLabel(LABELS.subject),
      },
    ],
    from: [
      // `e` holds the address, `n` the name (Bmail).
      {
        name: 'label 发件人 span[e]',
        tier: 'id',
        find: labelled(LABELS.from),
        read: (el) => first(el, 'span[e]'),
      },
      { css: 'span[e]', tier: 'class', read: addressAttrs('e', 'n') },
    ],
    to: [
      {
        name: 'label 收件人 span[e]',
        tier: 'id',
        find: labelled(LABELS.to),
        read: (el) => every(el, 'span[e]'),
      },
    ],
    cc: [
      {
        name: 'label 抄送 span[e]',
        tier: 'id',
        find: labelled(LABELS.cc),
        read: (el) => every(el, 'span[e]'),
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
    body: [
      { css: '#mailContentContainer.qmbox', tier: 'id' },
      { css: '#mailContentContainer', tier: 'id' },
      { css: '#qm_con_body', tier: 'id' },
      { css: '#contentDiv', tier: 'id' },
    ],
    attachments: [
      { css: '#attachment .att_bt.attachitem .name_big span', tier: 'class', read: attachmentName },
    ],
    messageId: [],
    threadId: [],
  },
  // The id lives in the frame's URL, not the top page's.
  urlIds: (_url, doc) => {
    const messageId = qqClassicMailId(doc);
    return messageId ? { messageId } : {};
  },
};

export const qqClassic = createDomExtractor(QQ_CLASSIC_SPEC);
