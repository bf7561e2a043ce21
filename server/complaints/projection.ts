import type { Policy } from '../../shared/policy/policy';
import type { ComplaintState } from '../../shared/schema/complaint';
import { normalizeEmail, normalizePhone } from '../../shared/severity/index';
import { nextClockAlertAt } from '../../shared/alerts/team';
import { computeDeadlines } from '../../shared/sla/index';

/** The indexed columns of a complaint row, derived from its folded state. */
export interface ComplaintRow {
  id: string;
  caseNumber: string | null;
  status: string;
  severity: string;
  assignee: string | null;
  site: string | null;
  receivedAt: string;
  nextDueAt: string | null;
  /** When the clock scan must next look at it (a warning or breach falls due). */
  alertAt: string | null;
  updatedAt: string;
  version: number;
  search: string;
  /** The complainant's phone and email as the shared second-complaint rule compares them. */
  phoneKey: string | null;
  emailKey: string | null;
  category: string | null;
}

/** The indexed contact columns (second complaints): shared normalization, null when absent. */
export function contactKeys(
  state: Pick<ComplaintState, 'record' | 'category'>,
): Pick<ComplaintRow, 'phoneKey' | 'emailKey' | 'category'> {
  const c = (state.record as { complainant?: { phone?: string; email?: string } }).complainant;
  return {
    phoneKey: normalizePhone(c?.phone) ?? null,
    emailKey: normalizeEmail(c?.email) ?? null,
    category: state.category ?? null,
  };
}

/** Lower-cased texts the `q` filter looks in (case number, names, contacts, subject, texts). */
function searchText(state: ComplaintState): string {
  const r = state.record as {
    complainant?: { name?: string; phone?: string; email?: string };
    subject?: string;
    description?: string;
    demand?: string;
  };
  return [
    state.caseNumber,
    r.complainant?.name,
    r.complainant?.phone,
    r.complainant?.email,
    r.subject,
    r.description,
    r.demand,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase()
    .slice(0, 20_000);
}

export function complaintRow(state: ComplaintState, policy: Policy): ComplaintRow {
  const deadlines = computeDeadlines(state, new Date(state.updatedAt), policy);
  const record = state.record as { site?: string };
  return {
    id: state.id,
    caseNumber: state.caseNumber ?? null,
    status: state.status,
    severity: state.severity.level,
    assignee: state.assignment?.handlerId ?? null,
    site: record.site ?? null,
    receivedAt: state.receivedAt,
    nextDueAt: deadlines.nextDueAt?.toISOString() ?? null,
    alertAt: nextClockAlertAt(state, deadlines)?.toISOString() ?? null,
    // Milliseconds, like the keyset cursor that carries it back (clients may send microseconds).
    updatedAt: new Date(state.updatedAt).toISOString(),
    version: state.version,
    search: searchText(state),
    ...contactKeys(state),
  };
}
