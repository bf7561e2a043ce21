import type { severity as en } from '../en/severity';
import type { Translation } from '../translate';
import { common } from './common';

type Reason = {
  detail?: string;
  value?: number;
  threshold?: number;
  proposed?: boolean;
  offer?: string;
  rate?: number;
};

const n = (x: number | undefined) => (x === undefined ? '?' : x.toLocaleString('en-US'));
const word = (p: Reason) => (p.detail ? `：“${p.detail}”` : '');
const read = (p: Reason) =>
  p.proposed
    ? `——从文本中读出${p.detail && p.detail !== String(Number(p.detail)) ? `“${p.detail}”` : ''}${p.rate ? `，按每单位 ${p.rate} 折算` : ''}${p.offer ? `，方案“${p.offer}”` : ''}，待确认`
    : '';
// Codes of the default vocabulary get their names; an organisation's own codes stay as they are.
const named = (prefix: string, code: string | undefined) =>
  code ? `（${(common as Record<string, string>)[`${prefix}.${code}`] ?? code}）` : '';

export const severity: Translation<typeof en> = {
  'severity.rule.default': '一般投诉：未触发升级规则',
  'severity.rule.agent_minor': (p) =>
    p.detail === 'superseded'
      ? '受理人标记为轻微（当场解决），但触发了更高级别的规则'
      : '受理人标记为轻微：当场解决，无赔偿',
  'severity.rule.important_channel': (p) => `重要渠道投诉${named('channel', p.detail)}`,
  'severity.rule.important_category': (p) => `重要类别投诉${named('category', p.detail)}`,
  'severity.rule.reopened': (p) =>
    p.value === undefined ? '重新处理的投诉' : `重新处理的投诉（第 ${p.value} 轮）`,
  'severity.rule.second_complaint': '二次投诉：同一联系人、同一类别',
  'severity.rule.headcount_major': (p) =>
    `同一事项投诉人数 ${n(p.value)} 人（${n(p.threshold)} 人及以上为重大）${read(p)}`,
  'severity.rule.headcount_special_major': (p) =>
    `同一事项投诉人数 ${n(p.value)} 人（${n(p.threshold)} 人及以上为特别重大）${read(p)}`,
  'severity.rule.amount_major': (p) =>
    `涉及金额 ${n(p.value)} 达到 ${n(p.threshold)}（重大）${read(p)}`,
  'severity.rule.amount_special_major': (p) =>
    `涉及金额 ${n(p.value)} 达到 ${n(p.threshold)}（特别重大）${read(p)}`,
  'severity.rule.claim_over_offer': (p) =>
    `索赔金额 ${n(p.value)} 达到公司方案的 ${p.detail ?? '?'} 倍（${n(p.threshold)}）${read({ ...p, detail: undefined })}`,
  'severity.rule.aging': (p) =>
    p.proposed
      ? `按文本所述已超过 ${n(p.threshold)} 个月未解决${read(p)}`
      : `因公司原因超过 ${n(p.threshold)} 个月未解决`,
  'severity.rule.already_sued': (p) => `已提起诉讼${word(p)}`,
  'severity.rule.already_exposed': (p) => `已被媒体曝光${word(p)}`,
  'severity.rule.media': (p) => `提及媒体${word(p)}`,
  'severity.rule.legal': (p) => `提及律师或法律行动${word(p)}`,
  'severity.rule.police': (p) => `提及报警${word(p)}`,
  'severity.rule.regulator': (p) => `提及监管部门、消协或政府${word(p)}`,
  'severity.rule.safety': (p) => `提及受伤或安全问题${word(p)}`,
  'severity.rule.compensation': (p) => `要求赔偿${word(p)}`,
  'severity.rule.organised_crime': (p) => `提及黑社会或涉黑背景${word(p)}`,
  'severity.rule.extreme_act': (p) => `有自伤或过激行为的风险${word(p)}`,
  'severity.rule.repeated_repair': (p) => `多次返修${word(p)}`,
};
