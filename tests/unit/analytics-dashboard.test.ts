/** The dashboard's pure rules (issue 20, item 4): the period, the change against the previous period, a chart's geometry. */
import { describe, expect, it } from "vitest";
import { changeOf, formatPercent, formatPercentChange, toneOf } from "../../app/modules/analytics/change";
import { CHART, chartGeometry } from "../../app/modules/analytics/chart";
import { daysOf, isoDay, MAX_DAYS, parseDay, parsePeriod, periodQuery } from "../../app/modules/analytics/period";

const TODAY = new Date(Date.UTC(2026, 11, 6));
const parse = (query: string) => parsePeriod(new URLSearchParams(query), TODAY);

describe("the dashboard's period", () => {
  it("is the last 30 days up to today when the address names none, compared with the 30 days before", () => {
    const result = parse("");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { period } = result;
    expect([isoDay(period.from), isoDay(period.to), period.days, period.preset]).toEqual(["2026-11-07", "2026-12-06", 30, 30]);
    expect([isoDay(period.previous.from), isoDay(period.previous.to)]).toEqual(["2026-10-08", "2026-11-06"]);
  });

  it("takes 7 and 90 days, and refuses any other number of days", () => {
    const seven = parse("days=7");
    const ninety = parse("days=90");
    expect(seven.ok && [isoDay(seven.period.from), seven.period.days]).toEqual(["2026-11-30", 7]);
    expect(ninety.ok && [isoDay(ninety.period.from), isoDay(ninety.period.previous.from), ninety.period.days]).toEqual(["2026-09-08", "2026-06-10", 90]);
    for (const days of ["8", "0", "-7", "abc", "30.0"]) expect(parse(`days=${days}`)).toMatchObject({ ok: false, errors: { days: "period.badPreset" } });
  });

  it("takes a custom period of real days, from before or on to, compared with as many days before it", () => {
    const result = parse("from=2026-02-01&to=2026-02-28");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([result.period.days, result.period.preset, isoDay(result.period.previous.from), isoDay(result.period.previous.to)]).toEqual([28, null, "2026-01-04", "2026-01-31"]);
    const oneDay = parse("from=2026-12-06&to=2026-12-06");
    expect(oneDay.ok && [oneDay.period.days, isoDay(oneDay.period.previous.from)]).toEqual([1, "2026-12-05"]);
    expect(periodQuery(result.period)).toBe("from=2026-02-01&to=2026-02-28");
  });

  it("says what is wrong with each date of a bad custom period and gives the typed values back", () => {
    expect(parse("from=2026-02-30&to=yesterday")).toEqual({ ok: false, errors: { from: "period.notADay", to: "period.notADay" }, values: { from: "2026-02-30", to: "yesterday" } });
    expect(parse("from=2026-12-01")).toMatchObject({ ok: false, errors: { to: "period.toMissing" } });
    expect(parse("to=2026-12-01")).toMatchObject({ ok: false, errors: { from: "period.fromMissing" } });
    expect(parse("from=2026-12-05&to=2026-12-07")).toMatchObject({ ok: false, errors: { to: "period.future" } });
    expect(parse("from=2026-12-07&to=2026-12-08")).toMatchObject({ ok: false, errors: { from: "period.future", to: "period.future" } });
    expect(parse("from=2026-12-05&to=2026-12-01")).toMatchObject({ ok: false, errors: { to: "period.toBeforeFrom" } });
  });

  it(`allows at most ${MAX_DAYS} days`, () => {
    expect(parse("from=2025-12-06&to=2026-12-06")).toMatchObject({ ok: true, period: { days: 366 } });
    expect(parse("from=2025-12-05&to=2026-12-06")).toMatchObject({ ok: false, errors: { to: "period.tooLong" } });
  });

  it("reads only real calendar days written YYYY-MM-DD", () => {
    expect(parseDay("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    for (const text of ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T00:00", " 2026-01-01", "1999-12-31"]) expect(parseDay(text), text).toBeNull();
  });

  it("lists every day of a range, oldest first", () => {
    expect(daysOf({ from: new Date(Date.UTC(2026, 1, 27)), to: new Date(Date.UTC(2026, 2, 2)) }).map(isoDay)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });
});

describe("a tile's change against the previous period", () => {
  it("is a whole percentage up or down", () => {
    expect(changeOf(112, 100)).toEqual({ kind: "percent", percent: 12 });
    expect(changeOf(97, 100)).toEqual({ kind: "percent", percent: -3 });
    expect(changeOf(0, 40)).toEqual({ kind: "percent", percent: -100 });
    expect(changeOf(5, 5)).toEqual({ kind: "percent", percent: 0 });
  });

  it("is new when the previous period had none, and nothing to say when both had none", () => {
    expect(changeOf(3, 0)).toEqual({ kind: "new" });
    expect(changeOf(0, 0)).toEqual({ kind: "none" });
    expect([toneOf(changeOf(3, 0)), toneOf(changeOf(0, 0)), toneOf(changeOf(1, 2)), toneOf(changeOf(2, 2))]).toEqual(["up", "flat", "down", "flat"]);
  });

  it("is written with its sign in the reader's language", () => {
    expect(formatPercentChange(12, "en")).toBe("+12%");
    expect(formatPercentChange(-3, "en")).toBe("-3%");
    expect(formatPercentChange(0, "en")).toBe("0%");
    // Arabic keeps Latin digits (INTL_LOCALE) and marks the sign and percent left to right.
    expect(formatPercentChange(12, "ar")).toBe("\u200e+12\u200e%\u200e");
    expect(formatPercent(42, "en")).toBe("42%");
  });
});

describe("a daily chart's geometry", () => {
  const inBox = (path: string) =>
    [...path.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].every(([, x, y]) => Number(x) >= 0 && Number(x) <= CHART.width && Number(y) >= 0 && Number(y) <= CHART.height);

  it("draws one day as a dot in the middle, with a path", () => {
    const g = chartGeometry([7]);
    expect(g.line).toMatch(/^M/);
    expect(g.dot?.x).toBe((CHART.left + CHART.width - CHART.right) / 2);
    expect(g.dot!.y).toBeGreaterThanOrEqual(CHART.top);
    expect(g.dot!.y).toBeLessThan(g.baseY);
    expect(g.line).toBe(`M${g.dot!.x},${g.dot!.y}Z`);
    expect(g.xTicks).toEqual([{ x: g.dot!.x, index: 0 }]);
  });

  it("draws many days as a line from the left edge to the right, the highest value at the top", () => {
    const values = [3, 10, 7, 120, 4, 0, 9];
    const g = chartGeometry(values);
    const points = [...g.line.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map(([, x, y]) => [Number(x), Number(y)]);
    expect(points).toHaveLength(values.length);
    expect(points[0][0]).toBe(CHART.left);
    expect(points[points.length - 1][0]).toBe(CHART.width - CHART.right);
    expect(Math.min(...points.map((p) => p[1]))).toBe(points[3][1]);
    expect(points[5][1]).toBe(g.baseY);
    expect(g.area).toMatch(/Z$/);
    expect(inBox(g.line) && inBox(g.area)).toBe(true);
    expect(g.xTicks.map((t) => t.index)).toEqual([0, 3, 6]);
    expect(g.yTicks[0]).toEqual({ y: g.baseY, value: 0 });
    expect(g.yTicks[g.yTicks.length - 1].value).toBeGreaterThanOrEqual(120);
  });

  it("draws a period of zeros on the baseline, without dividing by zero", () => {
    const g = chartGeometry([0, 0, 0]);
    expect(g.line).toBe(`M${CHART.left},${g.baseY}L174,${g.baseY}L${CHART.width - CHART.right},${g.baseY}`);
    expect(g.line).not.toMatch(/NaN|Infinity/);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 1]);
  });
});
