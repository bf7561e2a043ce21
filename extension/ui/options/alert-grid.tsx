import { DEFAULT_ALERT_CLOCKS } from '@shared/alerts/notifications';
import type { AlertClocks } from '@shared/alerts/index';
import { CLOCKS, type ClockId, SEVERITY_LEVELS, type SeverityLevel } from '@shared/schema/codes';
import type { T } from '../../i18n';

/**
 * Which clocks alert, per severity level: one table (levels × clocks) instead of thirty loose
 * checkboxes; each box is named by its row and column.
 */
export function AlertGrid(props: {
  value: AlertClocks | undefined;
  t: T;
  onChange: (next: AlertClocks) => void;
}) {
  const { t } = props;
  const clocks = { ...DEFAULT_ALERT_CLOCKS, ...props.value };
  const toggle = (level: SeverityLevel, clock: ClockId, on: boolean) => {
    const now = clocks[level] ?? [];
    const next = on
      ? CLOCKS.filter((c) => c === clock || now.includes(c))
      : now.filter((c) => c !== clock);
    props.onChange({ ...clocks, [level]: next });
  };
  return (
    <table class="cd-grid">
      <caption class="cd-visually-hidden">{t('ext.options.alerts')}</caption>
      <thead>
        <tr>
          <td />
          {CLOCKS.map((clock) => (
            <th key={clock} scope="col">
              {t(`clock.${clock}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SEVERITY_LEVELS.map((level) => (
          <tr key={level} id={`cd-alert-${level}`}>
            <th scope="row">{t(`severity.${level}`)}</th>
            {CLOCKS.map((clock) => (
              <td key={clock}>
                <input
                  type="checkbox"
                  name={`alert-${level}`}
                  value={clock}
                  aria-label={`${t(`severity.${level}`)} · ${t(`clock.${clock}`)}`}
                  checked={clocks[level]?.includes(clock) ?? false}
                  onChange={(e) => toggle(level, clock, e.currentTarget.checked)}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
