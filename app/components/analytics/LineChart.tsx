/**
 * A daily line chart drawn from geometry the server computed (app/modules/analytics/chart.ts): a
 * title, a one-sentence summary, the SVG, and its numbers in a table under <details> for screen
 * readers and for anyone who wants the exact figures. No JavaScript. The time axis runs left to
 * right in every language, as calendars and charts do in Arabic too (decision 051).
 */
import type { ChartGeometry } from "~/modules/analytics/chart";
import { CHART } from "~/modules/analytics/chart-box";

export type LineChartProps = {
  id: string;
  title: string;
  summary: string;
  geometry: ChartGeometry;
  yLabels: string[];
  xLabels: string[];
  rows: { day: string; value: string }[];
  numbersLabel: string;
  dayLabel: string;
};

const INK = "#0f766e";
const GRID = "#e7e5e4";
const LABEL = "#57534e";

export function LineChart({ id, title, summary, geometry, yLabels, xLabels, rows, numbersLabel, dayLabel }: LineChartProps) {
  const { width, height, left, right } = CHART;
  const last = geometry.xTicks.length - 1;
  return (
    <figure className="card space-y-2" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      <p id={`${id}-summary`} className="meta">
        {summary}
      </p>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-summary`} direction="ltr" fontSize="10">
        {geometry.yTicks.map((tick, i) => (
          <g key={tick.value}>
            <line x1={left} x2={width - right} y1={tick.y} y2={tick.y} stroke={GRID} />
            <text x={left - 4} y={tick.y + 3} textAnchor="end" fill={LABEL}>
              {yLabels[i]}
            </text>
          </g>
        ))}
        {geometry.area ? <path d={geometry.area} fill={INK} fillOpacity="0.1" /> : null}
        {geometry.line ? <path d={geometry.line} fill="none" stroke={INK} strokeWidth="2" strokeLinejoin="round" /> : null}
        {geometry.dot ? <circle cx={geometry.dot.x} cy={geometry.dot.y} r="3" fill={INK} /> : null}
        {geometry.xTicks.map((tick, i) => (
          <text key={tick.index} x={tick.x} y={height - 6} textAnchor={last === 0 ? "middle" : i === 0 ? "start" : i === last ? "end" : "middle"} fill={LABEL}>
            {xLabels[i]}
          </text>
        ))}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm">{numbersLabel}</summary>
        <table className="mt-1 w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className="text-start">
                {dayLabel}
              </th>
              <th scope="col" className="text-end">
                {title}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day}>
                <td>{row.day}</td>
                <td className="text-end tabular-nums">{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
