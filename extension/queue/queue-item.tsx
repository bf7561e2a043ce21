import { type QueueRow, liveSla } from '@shared/review/queue-row';
import { formatDue } from '@shared/sla/format-duration';
import { Component } from 'preact';
import { type Tr, caseLabel, formatShort } from '../ui/format';

/**
 * The countdown of a row: which deadline ("Reply · due in 23 h"), in words as well as colour —
 * "At risk" is said before it; an overdue one says "overdue by …" itself.
 */
export function slaText(row: QueueRow, now: Date, t: Tr): { state: string; text: string } {
  const sla = liveSla(row, now);
  if (!sla) return { state: 'none', text: t('review.queue.nothingDue') };
  const state = t.key(`sla.state.${sla.state}`);
  if (!sla.dueAt) return { state: sla.state, text: state };
  const due = formatDue(sla.dueAt, now, t.locale);
  const which = sla.clock ? t('ws.queue.due', { clock: t.code('clock', sla.clock), due }) : due;
  return {
    state: sla.state,
    text: sla.state === 'at_risk' ? t('review.sla.chip', { state, due: which }) : which,
  };
}

interface ItemProps {
  row: QueueRow;
  index: number;
  total: number;
  top: number;
  height: number;
  active: boolean;
  selected: boolean;
  now: Date;
  t: Tr;
  optionId: string;
  /** The organisation's calendar zone: received times are on its clock. */
  timeZone: string;
}

/**
 * One row; re-rendered only when a prop changed (what preact/compat's `memo` does, without
 * loading compat into the popup's first load).
 */
export class QueueItem extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    const keys = new Set([...Object.keys(next), ...Object.keys(this.props)]);
    for (const k of keys)
      if (next[k as keyof ItemProps] !== this.props[k as keyof ItemProps]) return true;
    return false;
  }

  override render(p: ItemProps) {
    return itemView(p);
  }
}

function itemView(p: ItemProps) {
  const { row, t } = p;
  const sla = slaText(row, p.now, t);
  const label = caseLabel(row.caseNumber, t, row.caseNumberIssuer);
  const customer = row.anonymous
    ? t('review.queue.anonymous')
    : row.customer || t('review.queue.noCustomer');
  return (
    <div
      id={p.optionId}
      role="option"
      // Focus stays on the list (aria-activedescendant); a click may focus the row itself.
      tabIndex={-1}
      aria-selected={p.selected}
      aria-posinset={p.index + 1}
      aria-setsize={p.total}
      class={`rv-item${p.active ? ' rv-active' : ''}${p.selected ? ' rv-selected' : ''}`}
      style={{ top: `${p.top}px`, height: `${p.height}px` }}
      data-complaint-id={row.id}
      data-index={p.index}
    >
      <span
        class="rv-check"
        aria-hidden="true"
        title={t('review.queue.select', { caseLabel: label })}
      >
        {p.selected ? '☑' : '☐'}
      </span>
      <span class="rv-line">
        <span class={`rv-sev rv-sev-${row.severity}`} title={t.code('severity', row.severity)}>
          {row.severity}
        </span>
        <span class="rv-case">{label}</span>
        <span class="rv-subject">{row.subject || t('review.queue.untitled')}</span>
      </span>
      <span class="rv-line rv-meta">
        <span class="rv-customer">{customer}</span>
        <span class="rv-st">{t.code('status', row.status)}</span>
        <span class="rv-assignee">
          {row.assigneeName ?? row.assignee ?? t('ws.queue.unassigned')}
        </span>
        <time class="rv-received" dateTime={row.receivedAt}>
          {t('ws.queue.received', { at: formatShort(row.receivedAt, t.locale, p.timeZone) })}
        </time>
        <span class={`rv-sla rv-sla-${sla.state}`}>{sla.text}</span>
      </span>
    </div>
  );
}
