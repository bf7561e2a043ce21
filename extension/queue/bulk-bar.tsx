import type { PolicyBase } from '@shared/policy/policy';
import { activePolicyBase } from '../policy/stored-policy';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BulkKind, BulkOutcome } from './bulk';
import { type Tr, caseLabel } from '../ui/format';

/** A form value's path in the event payload → its field's id (`rv-bulk-…`). */
const FIELD_IDS: Record<string, string> = {
  department: 'dept',
  handlerId: 'hid',
  handlerName: 'hname',
  reason: 'reason',
};

/**
 * Actions on the selected complaints: assign (department and handler), escalate (reason
 * required by the workflow), export. `mode` opens a form directly (keyboard shortcuts).
 */
export function BulkBar(props: {
  count: number;
  t: Tr;
  policy?: PolicyBase;
  mode?: BulkKind;
  onMode: (mode: BulkKind | undefined) => void;
  onApply: (kind: BulkKind, values: Record<string, string>) => Promise<BulkOutcome>;
  onExport: (format: 'csv' | 'json') => void;
  onClear: () => void;
  /** After every selected complaint took the action: where the focus goes (the list). */
  onFinished?: () => void;
}) {
  const { t, mode } = props;
  const policy = props.policy ?? activePolicyBase();
  const [values, setValues] = useState<Record<string, string>>({
    department: policy.departments[0]?.code ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome>();
  const first = useRef<HTMLSelectElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (mode) first.current?.focus();
  }, [mode]);
  const set = (k: string) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [k]: value }));
  };

  async function apply(e: Event) {
    e.preventDefault();
    if (!mode) return;
    setBusy(true);
    try {
      const result = await props.onApply(mode, values);
      setOutcome(result);
      // The field to correct takes the focus; its message is read with it.
      if (result.invalid?.length)
        document.getElementById(`rv-bulk-${FIELD_IDS[result.invalid[0]!.path] ?? ''}`)?.focus();
      // All done: the form closes (another Apply would act twice) and the list has the focus;
      // the outcome stays on screen. With refusals the form stays, to try again.
      else if (result.refused.length === 0) {
        props.onMode(undefined);
        props.onFinished?.();
      }
    } finally {
      setBusy(false);
    }
  }
  const invalid = (path: string) => outcome?.invalid?.find((e) => e.path === path);
  /** aria attributes and the message for a field the last Apply found wrong. */
  const check = (path: string) => {
    const error = invalid(path);
    const id = `rv-bulk-${FIELD_IDS[path]}-error`;
    return {
      attrs: error ? { 'aria-invalid': true, 'aria-describedby': id } : {},
      message: error && (
        <p id={id} class="cd-error">
          {error.message}
        </p>
      ),
    };
  };
  const dept = check('department');
  const hid = check('handlerId');
  const hname = check('handlerName');
  const reason = check('reason');

  return (
    <section class="rv-bulk" aria-label={t('review.bulk.title')}>
      <div class="cd-row">
        <span class="rv-bulk-count" role="status">
          {props.count > 0
            ? t('review.queue.selected', { count: props.count })
            : t('review.bulk.nothingSelected')}
        </span>
        <button
          type="button"
          aria-expanded={mode === 'assign'}
          disabled={props.count === 0}
          onClick={() => props.onMode(mode === 'assign' ? undefined : 'assign')}
        >
          {t('review.bulk.assign')}
        </button>
        <button
          type="button"
          aria-expanded={mode === 'escalate'}
          disabled={props.count === 0}
          onClick={() => props.onMode(mode === 'escalate' ? undefined : 'escalate')}
        >
          {t('review.bulk.escalate')}
        </button>
        <button type="button" disabled={props.count === 0} onClick={() => props.onExport('csv')}>
          {t('review.bulk.exportCsv')}
        </button>
        <button type="button" disabled={props.count === 0} onClick={() => props.onExport('json')}>
          {t('review.bulk.exportJson')}
        </button>
        <button type="button" disabled={props.count === 0} onClick={props.onClear}>
          {t('review.queue.clearSelection')}
        </button>
      </div>
      {mode && props.count > 0 && (
        <form class="rv-bulk-form" onSubmit={apply}>
          {mode === 'assign' ? (
            <div class="cd-row">
              <div class="rv-field">
                <label for="rv-bulk-dept">{t('review.form.department')}</label>
                <select
                  id="rv-bulk-dept"
                  ref={first}
                  value={values.department}
                  onChange={set('department')}
                  {...dept.attrs}
                >
                  {policy.departments.map((d) => (
                    <option key={d.code} value={d.code}>
                      {t.code('department', d.code, policy)}
                    </option>
                  ))}
                </select>
                {dept.message}
              </div>
              <div class="rv-field">
                <label for="rv-bulk-hid">{t('review.form.handlerId')}</label>
                <input
                  id="rv-bulk-hid"
                  value={values.handlerId ?? ''}
                  onInput={set('handlerId')}
                  {...hid.attrs}
                />
                {hid.message}
              </div>
              <div class="rv-field">
                <label for="rv-bulk-hname">{t('review.form.handlerName')}</label>
                <input
                  id="rv-bulk-hname"
                  value={values.handlerName ?? ''}
                  onInput={set('handlerName')}
                  {...hname.attrs}
                />
                {hname.message}
              </div>
            </div>
          ) : (
            <div class="rv-field">
              <label for="rv-bulk-reason">{t('review.form.reason')}</label>
              <textarea
                id="rv-bulk-reason"
                ref={first}
                required
                value={values.reason ?? ''}
                onInput={set('reason')}
                {...reason.attrs}
              />
              {reason.message}
            </div>
          )}
          <div class="cd-row">
            <button type="submit" class="cd-primary" disabled={busy}>
              {t('review.bulk.apply')}
            </button>
            <button type="button" onClick={() => props.onMode(undefined)}>
              {t('review.bulk.cancel')}
            </button>
          </div>
        </form>
      )}
      {outcome && !outcome.invalid && (
        <div role="status" class={outcome.refused.length ? 'rv-outcome cd-error' : 'rv-outcome'}>
          <p>
            {t('review.bulk.done', { done: outcome.done.length, refused: outcome.refused.length })}
          </p>
          {outcome.refused.length > 0 && (
            <ul>
              {outcome.refused.map((r) => (
                <li key={r.id}>
                  {t('review.bulk.refusedItem', {
                    caseLabel: caseLabel(r.caseNumber, t, r.caseNumberIssuer),
                    reason: r.message,
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
