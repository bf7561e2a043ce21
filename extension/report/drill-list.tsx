import type { ComplaintState } from '@shared/schema/complaint';
import { useEffect, useRef } from 'preact/hooks';
import { type Tr, caseLabel } from '../ui/format';

/** What a click on a figure asked for: its label and the complaints behind it. */
export interface Drill {
  label: string;
  ids: readonly string[];
}

/**
 * The complaints behind one figure of the report, each linking to its case page; it takes the
 * focus when it opens so keyboard users land on it.
 */
export function DrillList(props: {
  drill: Drill;
  states: readonly ComplaintState[];
  t: Tr;
  onClose: () => void;
}) {
  const { drill, t } = props;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [drill]);
  const ids = new Set(drill.ids);
  const cases = props.states.filter((s) => ids.has(s.id));
  return (
    <section
      ref={ref}
      id="rv-drill"
      class="cd-notice rv-no-print"
      tabIndex={-1}
      aria-labelledby="rv-drill-h"
    >
      <h2 id="rv-drill-h">
        {t('ws.report.casesBehind', { figure: drill.label, count: cases.length })}
      </h2>
      <ul class="rv-drill-list">
        {cases.map((s) => (
          <li key={s.id}>
            <a href={`case.html?id=${encodeURIComponent(s.id)}`} target="_blank" rel="noopener">
              {caseLabel(s.caseNumber, t, s.caseNumberIssuer)}
            </a>{' '}
            {s.record.subject ?? t('review.queue.untitled')} · {t.code('status', s.status)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onClose}>
        {t('ws.report.closeCases')}
      </button>
    </section>
  );
}
