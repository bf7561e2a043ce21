import { parseAddress, parseAddressList } from '../address';
import { labelledValues, lineOf } from '../dom';
import type { Address, Attachment } from '../types';

// Small readers shared by the selector tables.

/** Header labels as webmails localize them (en, zh-CN, zh-TW, de, fr). */
export const LABELS = {
  from: /^(?:From|发件人|發件人|寄件人|寄件者|发信人|Von|De)\s*(?:[:：]|$)/i,
  to: /^(?:To|收件人|收件者|An|À)\s*(?:[:：]|$)/i,
  cc: /^(?:Cc|抄\s*送|副本|Kopie)\s*(?:[:：]|$)/i,
  date: /^(?:Date|Time|Sent|时\s*间|時\s*間|日\s*期|发送时间|發送時間|寄件日期|Datum|Gesendet|Envoyé)\s*(?:[:：]|$)/i,
  subject: /^(?:Subject|主\s*题|主\s*題|主\s*旨|标\s*题|Betreff|Objet)\s*(?:[:：]|$)/i,
} as const;

export const attr =
  (name: string) =>
  (el: Element): string | undefined =>
    el.getAttribute(name)?.trim() || undefined;

/** An attribute (usually `title`, which holds the full value) or else the visible text. */
export const attrOrText =
  (name: string) =>
  (el: Element): string | undefined =>
    el.getAttribute(name)?.trim() || lineOf(el) || undefined;

/** `<span email="a@b" name="Li">` style elements. */
export const addressAttrs =
  (emailAttr: string, nameAttr?: string) =>
  (el: Element): Address | undefined => {
    const address = el.getAttribute(emailAttr)?.trim();
    if (!address) return undefined;
    const name = (nameAttr && el.getAttribute(nameAttr)?.trim()) || lineOf(el);
    return name && name !== address && !name.includes('@') ? { name, address } : { address };
  };

/** A name shown as text with the address in `title` (OWA hover targets). */
export const titledAddress = (el: Element): Address | undefined => {
  const title = el.getAttribute('title')?.trim() ?? '';
  const text = lineOf(el)
    .replace(/[<>＜＞]/g, '')
    .trim();
  const fromTitle = parseAddress(title);
  if (fromTitle?.address) {
    const name = fromTitle.name ?? (text && text !== fromTitle.address ? text : undefined);
    return name ? { name, address: fromTitle.address } : { address: fromTitle.address };
  }
  return parseAddress(text);
};

/** Text of an element, minus a leading label ("发件人：张三 <a@b>" → "张三 <a@b>"). */
export const withoutLabel =
  (label: RegExp) =>
  (el: Element): string | undefined =>
    lineOf(el).replace(label, '').trim() || undefined;

export const addressListText =
  (label?: RegExp) =>
  (el: Element): Address[] =>
    parseAddressList(label ? lineOf(el).replace(label, '') : lineOf(el));

/** Finds the value element of a header row by its (localized) label. */
export const labelled =
  (label: RegExp, within?: string) =>
  (scope: ParentNode): Element[] => {
    const roots = within ? Array.from(scope.querySelectorAll(within)) : [scope];
    // Only the first row: the same label recurs in quoted headers further down.
    return roots.flatMap((root) => labelledValues(root, label))[0] ?? [];
  };

const FILE_NAME = /\.[a-z0-9]{1,8}$/i;

export const fileName = (name: string | undefined | null): Attachment | undefined => {
  const n = name?.trim();
  // Addresses end in ".test" or ".com" too.
  return n && FILE_NAME.test(n) && !n.includes('@') && !/^[a-z]+:/i.test(n)
    ? { name: n }
    : undefined;
};
