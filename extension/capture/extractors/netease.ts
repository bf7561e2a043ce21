import { parseAddress } from '../address';
import { type ProviderSpec, createDomExtractor } from './dom-extractor';
import { isElement, isHidden, lineOf, outermost } from '../dom';
import { LABELS, fileName, labelled, withoutLabel } from './readers';
import type { Address, Attachment } from '../types';

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

const ATTACH_LIST = '[id$="_dvAttach"], [id$="_ulCommonAttachItem"]';

/** `1763621000123_h1Subject` → `1763621000123`: every part of one read module shares the prefix. */
function modulePrefix(module: Element): string | undefined {
  const id = module.querySelector('[id$="_h1Subject"], [id$="_frameBody"]')?.id;
  return id?.replace(/_(?:h1Subject|frameBody)$/, '') || undefined;
}

/**
 * The module's attachment list. It may sit inside the module, or in the top document next to it
 * (then its id prefix ties it to the module); another tab's list is hidden or has another prefix.
 */
export function neteaseAttachLists(module: Element): Element[] {
  const doc = module.ownerDocument;
  const lists = outermost(Array.from(doc.querySelectorAll(ATTACH_LIST)));
  const prefix = modulePrefix(module);
  const own = lists.filter(
    (l) => module.contains(l) || (prefix !== undefined && l.id.startsWith(`${prefix}_`)),
  );
  if (own.length) return own;
  // No prefix to go by: the visible list that belongs to no other module.
  return lists.filter((l) => !isHidden(l) && !l.closest(MODULE));
}

/** One entry per `li` (or titled element): the file name from `title`, else a leaf that looks like one. */
function listAttachments(list: Element): Attachment[] {
  const items = list.querySelectorAll('li').length
    ? Array.from(list.querySelectorAll('li'))
    : Array.from(list.querySelectorAll('[title]'));
  return items.flatMap((item) => {
    const named = [item, ...Array.from(item.querySelectorAll('[title], *'))];
    for (const el of named) {
      const found =
        fileName(el.getAttribute('title')) ??
        (el.children.length ? undefined : fileName(lineOf(el)));
      if (found) return [attachment(el) ?? found];
    }
    return [];
  });
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
      {
        name: 'module prefix _dvAttach / _ulCommonAttachItem',
        tier: 'id',
        find: (scope) => (isElement(scope as Node) ? neteaseAttachLists(scope as Element) : []),
        read: listAttachments,
      },
    ],
    messageId: [],
    threadId: [],
  },
  urlIds: neteaseUrlIds,
};

export const netease = createDomExtractor(NETEASE_SPEC);
