import type { DetailProposal } from './types';

type Label = NonNullable<DetailProposal['label']>;

// A label, then the identifier: 订单号：2026031588 · 运单号 SF1234567890123 · Invoice #INV-2026-0042
const LABELS: [Label, string][] = [
  [
    'waybill',
    '运单号|快递单号|物流单号|快递号|waybill(?:\\s*(?:no\\.?|number|#))?|tracking(?:\\s*(?:no\\.?|number|#|id))?',
  ],
  ['invoice', '发票号码|发票号|发票编号|invoice(?:\\s*(?:no\\.?|number|#))?'],
  ['contract', '合同号|合同编号|contract(?:\\s*(?:no\\.?|number|#))'],
  [
    'ticket',
    '工单号|服务单号|维修单号|受理号|ticket(?:\\s*(?:no\\.?|number|#))?|case(?:\\s*(?:no\\.?|number|#))',
  ],
  ['order', '订单号|订单编号|订单|单号|order(?:\\s*(?:no\\.?|number|#|id))?'],
  ['reference', 'ref(?:erence)?(?:\\s*(?:no\\.?|number|#))?|编号'],
];
const LABELLED = new RegExp(
  `(?:${LABELS.map(([, re]) => `(${re})`).join('|')})(?:\\s*(?:是|为|:|：|#|№))*\\s*([A-Za-z]{0,6}[-#]?\\d[A-Za-z0-9-]{3,38}[A-Za-z0-9])(?![A-Za-z0-9])`,
  'gi',
);
// Carriers' waybills read without a label: 顺丰 SF + 12–15 digits, JD/YT/ZTO/YD + digits.
const WAYBILL = /(?<![A-Za-z0-9])(?:SF|JD|JDV|YT|ZTO|YD|STO|EMS)\d{10,15}(?![A-Za-z0-9])/g;

/** Order, invoice, waybill, contract and ticket numbers. */
export function extractOrderNumbers(text: string): DetailProposal[] {
  const out: DetailProposal[] = [];
  for (const m of text.matchAll(LABELLED)) {
    const id = m[LABELS.length + 1]!;
    const which = LABELS.findIndex((_, i) => m[i + 1] !== undefined);
    const digits = id.replace(/\D/g, '').length;
    if (digits < 4) continue;
    const start = m.index! + m[0].length - id.length;
    // A bare label word ("order", "单号") with a long digit run is sure; "case 12" is not.
    out.push({
      kind: 'orderNumber',
      value: id.toUpperCase(),
      text: id,
      start,
      end: start + id.length,
      confidence: id.length >= 6 ? 0.9 : 0.6,
      label: LABELS[which]![0],
    });
  }
  for (const m of text.matchAll(WAYBILL)) {
    const start = m.index!;
    if (out.some((p) => start < p.end && start + m[0].length > p.start)) continue;
    out.push({
      kind: 'orderNumber',
      value: m[0].toUpperCase(),
      text: m[0],
      start,
      end: start + m[0].length,
      confidence: 0.8,
      label: 'waybill',
    });
  }
  return out;
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// 京A12345 · 粤B·D12345 (new energy, 8 characters) · 沪C 1234学
const PLATE = new RegExp(
  `(?<![A-Za-z0-9])([${PROVINCES}])\\s?([A-HJ-NP-Z])[\\s·・.-]?((?:[DF][A-HJ-NP-Z0-9]\\d{4})|(?:\\d{5}[DF])|(?:[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]))(?![A-Za-z0-9])`,
  'gi',
);

/** Licence plates of mainland China, upper-cased without separators. */
export function extractPlates(text: string): DetailProposal[] {
  const out: DetailProposal[] = [];
  for (const m of text.matchAll(PLATE)) {
    const serial = m[3]!.toUpperCase();
    const newEnergy = serial.length === 6;
    // A serial carries at most two letters (three and more are words, not plates).
    if (!newEnergy && (serial.match(/[A-Z]/g)?.length ?? 0) > 2) continue;
    out.push({
      kind: 'plate',
      value: `${m[1]}${m[2]!.toUpperCase()}${serial}`,
      text: m[0],
      start: m.index!,
      end: m.index! + m[0].length,
      confidence: newEnergy || /\d{4}/.test(serial) ? 0.9 : 0.7,
    });
  }
  return out;
}
