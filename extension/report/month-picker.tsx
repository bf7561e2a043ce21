import { formatYear, monthNames } from '@shared/i18n/dates';
import { type Month, addMonths } from '@shared/report/month';
import type { Tr } from '../ui/format';

/**
 * A month picker in the UI language (`<input type=month>` shows the browser's own language):
 * previous / next, a year and a month select. `years` are offered, the shown month's included.
 */
export function MonthPicker(props: {
  id: string;
  month: string;
  t: Tr;
  /** The newest year offered (the calendar year of "now"). */
  lastYear: number;
  onChange: (month: Month) => void;
}) {
  const { t, id } = props;
  const [y, m] = props.month.split('-').map(Number) as [number, number];
  const first = Math.min(y, props.lastYear - 5);
  const last = Math.max(y, props.lastYear);
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  const names = monthNames(t.locale);
  const pick = (year: number, month: number) =>
    props.onChange(`${year}-${String(month).padStart(2, '0')}` as Month);
  return (
    <fieldset class="rv-month-picker">
      <legend>{t('report.month')}</legend>
      <button
        type="button"
        aria-label={t('ws.month.previous')}
        title={t('ws.month.previous')}
        onClick={() => props.onChange(addMonths(props.month, -1))}
      >
        ‹
      </button>
      <label class="cd-visually-hidden" for={`${id}-year`}>
        {t('ws.month.year')}
      </label>
      <select
        id={`${id}-year`}
        value={String(y)}
        onChange={(e) => pick(Number(e.currentTarget.value), m)}
      >
        {years.map((year) => (
          <option key={year} value={String(year)}>
            {formatYear(year, t.locale)}
          </option>
        ))}
      </select>
      <label class="cd-visually-hidden" for={id}>
        {t('ws.month.month')}
      </label>
      <select id={id} value={String(m)} onChange={(e) => pick(y, Number(e.currentTarget.value))}>
        {names.map((name, i) => (
          <option key={name} value={String(i + 1)}>
            {name}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={t('ws.month.next')}
        title={t('ws.month.next')}
        onClick={() => props.onChange(addMonths(props.month, 1))}
      >
        ›
      </button>
    </fieldset>
  );
}
