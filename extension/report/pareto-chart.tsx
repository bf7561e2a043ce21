import type { ParetoRow } from '@shared/report/pareto';
import { formatPercent } from '@shared/report/report-csv';
import type { Tr } from '../ui/format';

const W = 640;
const H = 260;
const PAD = { top: 16, right: 44, bottom: 64, left: 40 };

/**
 * A Pareto chart as plain SVG (no chart library): bars per item, largest first, with the
 * cumulative share as a line on a 0–100 % scale and the 80 % mark. The chart is an image with a
 * title and a description listing every value; the same numbers follow in a table.
 */
export function ParetoChart(props: {
  id: string;
  title: string;
  rows: readonly ParetoRow[];
  label: (key: string) => string;
  t: Tr;
  /** Click-through: a bar or a count shows the complaints behind it. */
  onSelect?: (key: string) => void;
}) {
  const { rows, t, id } = props;
  if (rows.length === 0) return <p>{t('report.none')}</p>;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const max = Math.max(...rows.map((r) => r.count));
  const step = plotW / rows.length;
  const barW = Math.max(4, step * 0.7);
  const x = (i: number) => PAD.left + i * step + (step - barW) / 2;
  const yCount = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const yShare = (s: number) => PAD.top + plotH - s * plotH;
  const line = rows
    .map((r, i) => `${(x(i) + barW / 2).toFixed(1)},${yShare(r.cumulative).toFixed(1)}`)
    .join(' ');
  const pct = (s: number) => formatPercent(s, t.locale);
  const desc = t('report.chartDesc', {
    items: rows
      .map((r) =>
        t('report.chartItem', {
          label: props.label(r.key),
          count: r.count,
          cumulative: pct(r.cumulative),
        }),
      )
      .join('; '),
  });
  const short = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);
  return (
    <figure class="rv-figure">
      <svg
        class="rv-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <line
          class="axis"
          x1={PAD.left}
          y1={PAD.top + plotH}
          x2={PAD.left + plotW}
          y2={PAD.top + plotH}
        />
        <line class="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} />
        <line
          class="axis"
          x1={PAD.left + plotW}
          y1={PAD.top}
          x2={PAD.left + plotW}
          y2={PAD.top + plotH}
        />
        <line
          class="axis"
          stroke-dasharray="4 3"
          x1={PAD.left}
          y1={yShare(0.8)}
          x2={PAD.left + plotW}
          y2={yShare(0.8)}
        />
        <text x={PAD.left - 4} y={PAD.top + 4} text-anchor="end">
          {max}
        </text>
        <text x={PAD.left - 4} y={PAD.top + plotH} text-anchor="end">
          0
        </text>
        <text x={PAD.left + plotW + 4} y={PAD.top + 4}>
          100%
        </text>
        <text x={PAD.left + plotW + 4} y={yShare(0.8) + 4}>
          80%
        </text>
        {rows.map((r, i) => (
          <g key={r.key}>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the count buttons in the table below are the keyboard path */}
            <rect
              class={`${r.vital ? 'bar vital' : 'bar'}${props.onSelect ? ' rv-clickable' : ''}`}
              onClick={props.onSelect && (() => props.onSelect?.(r.key))}
              x={x(i)}
              y={yCount(r.count)}
              width={barW}
              height={PAD.top + plotH - yCount(r.count)}
            />
            <text x={x(i) + barW / 2} y={yCount(r.count) - 3} text-anchor="middle">
              {r.count}
            </text>
            <text
              x={x(i) + barW / 2}
              y={PAD.top + plotH + 12}
              text-anchor="end"
              transform={`rotate(-35 ${x(i) + barW / 2} ${PAD.top + plotH + 12})`}
            >
              {short(props.label(r.key))}
            </text>
          </g>
        ))}
        <polyline class="line" points={line} />
        {rows.map((r, i) => (
          <circle key={r.key} class="dot" cx={x(i) + barW / 2} cy={yShare(r.cumulative)} r={3} />
        ))}
      </svg>
      <table class="rv-table">
        <caption class="cd-visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.figure')}</th>
            <th scope="col" class="rv-num">
              {t('report.count')}
            </th>
            <th scope="col" class="rv-num">
              {t('report.share')}
            </th>
            <th scope="col" class="rv-num">
              {t('report.cumulative')}
            </th>
            <th scope="col">{t('report.vital')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{props.label(r.key)}</th>
              <td class="rv-num">
                {props.onSelect ? (
                  <button type="button" class="rv-link" onClick={() => props.onSelect?.(r.key)}>
                    {r.count}
                  </button>
                ) : (
                  r.count
                )}
              </td>
              <td class="rv-num">{pct(r.share)}</td>
              <td class="rv-num">{pct(r.cumulative)}</td>
              <td>{r.vital ? '✓' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
