/**
 * A daily line chart's geometry, computed on the server (decision 051): d3-scale maps days and
 * values to the SVG's box, d3-shape draws the line and the area under it. The page gets plain path
 * strings, so no chart code reaches the browser.
 */
import { scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";

import { CHART } from "./chart-box";

export { CHART };

export type ChartGeometry = {
  /** The line through every day's value; one day is a dot (see `dot`). */
  line: string;
  /** The area between the line and zero. */
  area: string;
  /** A single day has no line to draw: a dot at its value. */
  dot: { x: number; y: number } | null;
  /** Horizontal guides with their values (0 and up to two more). */
  yTicks: { y: number; value: number }[];
  /** Where the first, middle and last days sit on the time axis, by day index. */
  xTicks: { x: number; index: number }[];
  /** The baseline's y (value 0). */
  baseY: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(values: readonly number[]): ChartGeometry {
  const { width, height, top, right, bottom, left } = CHART;
  const n = values.length;
  // One day sits in the middle; many days span the width.
  const x = scaleLinear()
    .domain(n <= 1 ? [-1, 1] : [0, n - 1])
    .range([left, width - right]);
  const max = Math.max(0, ...values);
  // All zeros (or no days): a 0..1 axis, so the line lies on the baseline instead of dividing by zero.
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(3)
    .range([height - bottom, top]);
  const points = values.map((v, i) => [x(i), y(v)] as [number, number]);
  const draw = line().digits(1);
  const fill = area()
    .y0(y(0))
    .digits(1);
  const ticks = y.ticks(3).filter((v) => Number.isInteger(v));
  const lastIndex = Math.max(0, n - 1);
  const xIndexes = [...new Set(n === 0 ? [] : [0, Math.floor(lastIndex / 2), lastIndex])];
  return {
    line: n === 0 ? "" : (draw(points) ?? ""),
    area: n <= 1 ? "" : (fill(points) ?? ""),
    dot: n === 1 ? { x: round1(points[0][0]), y: round1(points[0][1]) } : null,
    yTicks: ticks.map((value) => ({ y: round1(y(value)), value })),
    xTicks: xIndexes.map((index) => ({ x: round1(x(index)), index })),
    baseY: round1(y(0)),
  };
}
