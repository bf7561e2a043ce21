import { parseAddress } from './address';
import { type ProviderSpec, createDomExtractor } from './dom-extractor';
import { lineOf } from './dom';
import { LABELS, fileName, labelled, withoutLabel } from './readers';
import type { Address, Attachment } from './types';

// NetEase 163/126 (docs/webmail.md §1, §3): one read module per open tab, each with its body in a
// same-origin iframe. The `_h1Subject` / `_ulCommonAttachItem` id suffixes are fairly stable;
// two- and three-letter classes are obfuscated.

const MODULE = 'div[id^="_dvModuleContainer_read.ReadModule_"]';

/** `.nui-addr` = `.nui-addr-name` + `.nui-addr-email` ("<a@b>"). */
function nuiAddress(el: Element): Address | undefined {
  const name = el.querySelector('.nui-addr-name')?.textContent?.trim();
  const email = el.querySelector('.nui-addr-email')?.textContent?.replace(/[<>＜＞\s]/g, '');
  if (email) return name && name !== email ? { name, address: email } : { address: email };
  return parseAddress(lineOf(el));
}

const addrsIn = (el: Element) => {
  const list = el.matches('.nui-addr') ? [el] : Array.from(el.querySelectorAll('.nui-addr'));
  return list.flatMap((a) => nuiAddress(a) ?? []);
};

function attachment(el: Element): Attachment | undefined {
  const found = fileName(el.getAttribute('title')) ?? fileName(lineOf(el));
  if (!found) return undefined;
  const size = el.parentElement
    ?.querySelector('.fD1, [id$="_size"]')
    ?.textContent?.replace(/[()（）]/g, '')
    .trim();
  return size ? { ...found, size } : found;
}

/** `#module=read.ReadModule|{"id":"<mid>","fid":1,…}` (URL-encoded JSON). */
export function neteaseUrlIds(url: string): { messageId?: string } {
  const hash = url.split('#')[1];
  if (!hash) return {};
  try {
    const json = decodeURIComponent(hash).match(/^module=read\.ReadModule\|(\{.*\})/)?.[1];
    const id = json ? (JSON.parse(json) as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id ? { messageId: id } : {};
  } catch {
    return {};
  }
}

export const NETEASE_SPEC: ProviderSpec = {
  id: 'netease',
  version: '2025-07',
  hosts: ['*.mail.163.com', '*.mail.126.com'],
  detect: [
    { css: `${MODULE} h1[id$="_h1Subject"]`, score: 1 },
    { css: MODULE, score: 0.9 },
    { css: '#dvContainer', score: 0.3 },
  ],
  selectors: {
    // Each open tab keeps its module; the hidden ones are dropped by the engine.
    message: [{ css: MODULE, tier: 'id' }],
    subject: [
      { css: 'h1[id$="_h1Subject"]', tier: 'id' },
      { css: 'h1[title="邮件标题"]', tier: 'testid' },
    ],
    from: [
      {
        name: 'label 发件人 .nui-addr',
        tier: 'class',
        find: labelled(LABELS.from),
        read: (el) => addrsIn(el)[0],
      },
      { css: '.nui-addr', tier: 'class', read: nuiAddress },
    ],
    to: [
      { name: 'label 收件人 .nui-addr', tier: 'class', find: labelled(LABELS.to), read: addrsIn },
    ],
    cc: [{ name: 'label 抄送 .nui-addr', tier: 'class', find: labelled(LABELS.cc), read: addrsIn }],
    date: [
      {
        name: 'label 时间',
        tier: 'heuristic',
        find: labelled(LABELS.date),
        read: withoutLabel(LABELS.date),
      },
    ],
    body: [
      { frame: 'iframe', css: '#content.netease_mail_readhtml', tier: 'id' },
      { frame: 'iframe', css: '.netease_mail_readhtml', tier: 'class' },
      { css: '.netease_mail_readhtml', tier: 'class' },
    ],
    attachments: [
      { css: 'ul[id$="_ulCommonAttachItem"] .ey0', tier: 'class', read: attachment },
      { css: 'ul[id$="_ulCommonAttachItem"] li [title]', tier: 'heuristic', read: attachment },
    ],
    messageId: [],
    threadId: [],
  },
  urlIds: neteaseUrlIds,
};

export const netease = createDomExtractor(NETEASE_SPEC);
