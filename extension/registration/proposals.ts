import { extractDetails } from '@shared/extract';
import type { DetailProposal } from '@shared/extract';
import type { Draft } from '@shared/schema/registration';

// The registration fields a clip's text suggests. The reading itself is shared/extract's; this
// file only decides which draft field a detail would fill, and never fills it on its own: the
// agent confirms each one in the side panel.

/** Draft fields a detail can fill. */
export type ProposalField =
  | 'complainant.name'
  | 'complainant.phone'
  | 'complainant.email'
  | 'amountClaimed'
  | 'headcount'
  | 'profileFields.orderNo'
  | 'profileFields.licencePlate';

export interface FieldProposal {
  /** Stable within one text: kind + span. */
  id: string;
  detail: DetailProposal;
  /** Undefined: shown with its highlight, but no field takes it (an offer, a date). */
  field?: ProposalField;
  /** What the field would hold, as the form shows it. */
  display: string;
  /** The field holds this value already. */
  applied: boolean;
  /** The field holds something else: applying replaces it, so the agent is asked explicitly. */
  replaces?: string;
}

/** The text proposals are read from and whose offsets they carry: the clip, then its signature. */
export function proposalText(source: Draft['source']): string {
  if (!source) return '';
  return [source.selectionText, source.email?.signature]
    .filter((s): s is string => !!s?.trim())
    .join('\n\n');
}

/**
 * When the clipped text was written: "today" or "on the 18th" in it count from there, not from
 * the moment the panel is open. An email's own date, else the capture time.
 */
export function writtenAt(source: Draft['source']): Date | undefined {
  const at = new Date(source?.email?.date?.iso ?? source?.capturedAt ?? Number.NaN);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function fieldOf(d: DetailProposal): ProposalField | undefined {
  switch (d.kind) {
    case 'phone':
      return 'complainant.phone';
    case 'email':
      return 'complainant.email';
    case 'name':
      return 'complainant.name';
    // Only what the customer asks for: an offer, a price or a paid sum is not a claim.
    case 'amount':
      return d.role === 'claim' ? 'amountClaimed' : undefined;
    // One person writing about "3 of us" is not 3 complainants unless they act together.
    case 'headcount':
      return d.collective ? 'headcount' : undefined;
    case 'orderNumber':
      return 'profileFields.orderNo';
    case 'plate':
      return 'profileFields.licencePlate';
    // The registration record has no incident-date field yet: shown, highlighted, not applied.
    case 'date':
      return undefined;
  }
}

function currentValue(draft: Draft, field: ProposalField): string | undefined {
  switch (field) {
    case 'complainant.name':
      return draft.complainant?.name;
    case 'complainant.phone':
      return draft.complainant?.phone;
    case 'complainant.email':
      return draft.complainant?.email;
    case 'amountClaimed':
      return draft.amountClaimed
        ? `${draft.amountClaimed.value} ${draft.amountClaimed.currency}`
        : undefined;
    case 'headcount':
      return draft.headcount !== undefined ? String(draft.headcount) : undefined;
    case 'profileFields.orderNo':
      return draft.profileFields?.orderNo;
    case 'profileFields.licencePlate':
      return draft.profileFields?.licencePlate;
  }
}

function displayOf(d: DetailProposal, defaultCurrency: string): string {
  if (d.kind === 'amount') return `${d.value} ${d.currency ?? defaultCurrency}`;
  return String(d.value);
}

const same = (a: string, b: string) =>
  a.replace(/[\s\-()]/g, '').toLowerCase() === b.replace(/[\s\-()]/g, '').toLowerCase();

/** Every detail of the clip's text, with the field it would fill and how that field stands. */
export function proposeFields(
  draft: Draft,
  opts: { now: Date; locale?: 'zh-CN' | 'en'; timeZone?: string; currency: string },
): FieldProposal[] {
  const text = proposalText(draft.source);
  const details = extractDetails(text, {
    now: writtenAt(draft.source) ?? opts.now,
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  });
  return details.map((detail) => {
    const field = fieldOf(detail);
    const display = displayOf(detail, opts.currency);
    const current = field ? currentValue(draft, field) : undefined;
    const applied = !!current && same(current, display);
    const proposal: FieldProposal = {
      id: `${detail.kind}:${detail.start}-${detail.end}`,
      detail,
      display,
      applied,
    };
    if (field) proposal.field = field;
    if (current && !applied) proposal.replaces = current;
    return proposal;
  });
}

/** The draft with the proposal's value in its field. Only ever called on the agent's click. */
export function applyProposal(draft: Draft, p: FieldProposal, currency: string): Draft {
  const d = p.detail;
  const value = String(d.value);
  switch (p.field) {
    case undefined:
      return draft;
    case 'complainant.name':
    case 'complainant.phone':
    case 'complainant.email': {
      const key = p.field.slice('complainant.'.length) as 'name' | 'phone' | 'email';
      return { ...draft, complainant: { anonymous: false, ...draft.complainant, [key]: value } };
    }
    case 'amountClaimed':
      return {
        ...draft,
        amountClaimed: { value: Number(d.value), currency: d.currency ?? currency },
      };
    case 'headcount':
      return { ...draft, headcount: Number(d.value) };
    case 'profileFields.orderNo':
      return { ...draft, profileFields: { ...draft.profileFields, orderNo: value } };
    case 'profileFields.licencePlate':
      // A plate belongs to the vehicle profile: turning it on shows the field it went into.
      return {
        ...draft,
        profile: draft.profile ?? 'vehicle',
        profileFields: { ...draft.profileFields, licencePlate: value },
      };
  }
}

/** The text cut into plain and highlighted runs, for the clip view (no HTML strings). */
export function highlightRuns(
  text: string,
  proposals: readonly FieldProposal[],
): { text: string; proposalId?: string }[] {
  const runs: { text: string; proposalId?: string }[] = [];
  let at = 0;
  const sorted = [...proposals].sort((a, b) => a.detail.start - b.detail.start);
  for (const p of sorted) {
    const { start, end } = p.detail;
    if (start < at || end > text.length) continue;
    if (start > at) runs.push({ text: text.slice(at, start) });
    runs.push({ text: text.slice(start, end), proposalId: p.id });
    at = end;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
