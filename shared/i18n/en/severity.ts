import { common } from './common';

/** Parameters of a severity reason (shared/severity `SeverityReason`). */
type Reason = {
  detail?: string;
  value?: number;
  threshold?: number;
  proposed?: boolean;
  offer?: string;
  rate?: number;
};

const n = (x: number | undefined) => (x === undefined ? '?' : x.toLocaleString('en-US'));
const word = (p: Reason) => (p.detail ? `: “${p.detail}”` : '');
// A figure read from the text is a proposal: say where it came from and that it needs confirming.
const read = (p: Reason) =>
  p.proposed
    ? ` — read from the text${p.detail && p.detail !== String(Number(p.detail)) ? ` “${p.detail}”` : ''}${p.rate ? `, counted at ${p.rate} per unit` : ''}${p.offer ? `, offer “${p.offer}”` : ''}; to be confirmed`
    : '';
// Codes of the default vocabulary get their names; an organisation's own codes stay as they are.
const named = (prefix: string, code: string | undefined) =>
  code ? ` (${(common as Record<string, string>)[`${prefix}.${code}`] ?? code})` : '';

/** Messages of shared/severity: one per reason rule, `severity.rule.<rule>`. Source catalogue. */
export const severity = {
  'severity.rule.default': 'Ordinary complaint: no rule raised the level',
  'severity.rule.agent_minor': (p: Reason) =>
    p.detail === 'superseded'
      ? 'Marked minor (solved on the spot) by the agent, but a higher rule applies'
      : 'Marked minor by the agent: solved on the spot, no compensation',
  'severity.rule.important_channel': (p: Reason) =>
    `Received through an important channel${named('channel', p.detail)}`,
  'severity.rule.important_category': (p: Reason) =>
    `Important category${named('category', p.detail)}`,
  'severity.rule.reopened': (p: Reason) =>
    p.value === undefined ? 'Reopened case' : `Reopened case (round ${p.value})`,
  'severity.rule.second_complaint': 'Second complaint from the same contact on the same category',
  'severity.rule.headcount_major': (p: Reason) =>
    `${n(p.value)} complainants on one matter (${n(p.threshold)} or more is major)${read(p)}`,
  'severity.rule.headcount_special_major': (p: Reason) =>
    `${n(p.value)} complainants on one matter (${n(p.threshold)} or more is special major)${read(p)}`,
  'severity.rule.amount_major': (p: Reason) =>
    `Amount involved ${n(p.value)} reaches ${n(p.threshold)} (major)${read(p)}`,
  'severity.rule.amount_special_major': (p: Reason) =>
    `Amount involved ${n(p.value)} reaches ${n(p.threshold)} (special major)${read(p)}`,
  'severity.rule.claim_over_offer': (p: Reason) =>
    `Amount claimed ${n(p.value)} is at least ${p.detail ?? '?'}× the offer (${n(p.threshold)})${read({ ...p, detail: undefined })}`,
  'severity.rule.aging': (p: Reason) =>
    p.proposed
      ? `Unresolved for more than ${n(p.threshold)} months as the text tells it${read(p)}`
      : `Unresolved for more than ${n(p.threshold)} months through the company's fault`,
  'severity.rule.already_sued': (p: Reason) => `Lawsuit already filed${word(p)}`,
  'severity.rule.already_exposed': (p: Reason) => `Already exposed in the media${word(p)}`,
  'severity.rule.media': (p: Reason) => `Mentions the media${word(p)}`,
  'severity.rule.legal': (p: Reason) => `Mentions a lawyer or legal action${word(p)}`,
  'severity.rule.police': (p: Reason) => `Mentions the police${word(p)}`,
  'severity.rule.regulator': (p: Reason) =>
    `Mentions a regulator, consumer association or government${word(p)}`,
  'severity.rule.safety': (p: Reason) => `Mentions injury or a safety issue${word(p)}`,
  'severity.rule.compensation': (p: Reason) => `Asks for compensation${word(p)}`,
  'severity.rule.organised_crime': (p: Reason) => `Mentions organised crime or a gang${word(p)}`,
  'severity.rule.extreme_act': (p: Reason) => `Risk of self-harm or an extreme act${word(p)}`,
  'severity.rule.repeated_repair': (p: Reason) => `Repeated repairs${word(p)}`,
} as const;
