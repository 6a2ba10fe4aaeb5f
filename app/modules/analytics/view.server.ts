/**
 * The dashboard as the page shows it: numbers and dates written in the reader's language, each
 * chart's geometry and one-sentence summary, computed on the server so the page ships only text
 * and SVG paths.
 */
import { formatDate, formatNumber } from "~/lib/format";
import { INTL_LOCALE, type Language, type Translate } from "~/lib/i18n";
import { changeOf, formatPercent, formatPercentChange, toneOf } from "./change";
import { chartGeometry, type ChartGeometry } from "./chart";
import { OTHER_KEY, RANKED, TILES, UNKNOWN_KEY, type Dashboard, type DayRow, type Ranked, type Tile } from "./dashboard.server";
import { isoDay, periodQuery, type Period } from "./period";

/** The daily charts, a small multiple: what members did, and how many came. */
export const CHARTS = ["pageViews", "activeMembers", "signups", "sessions"] as const;
export type ChartKey = (typeof CHARTS)[number];

const SHORT_DAY = new Map<Language, Intl.DateTimeFormat>();
/** "6 Dec": a chart's axis and table have no room for the year (the period line above says it). */
function shortDay(day: Date, lang: Language): string {
  let format = SHORT_DAY.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: "numeric", month: "short", timeZone: "UTC" });
    SHORT_DAY.set(lang, format);
  }
  return format.format(day);
}

export type TileView = { key: Tile; value: string; previous: string; change: string; tone: "up" | "down" | "flat" };
export type ChartView = {
  key: ChartKey;
  summary: string;
  geometry: ChartGeometry;
  yLabels: string[];
  xLabels: string[];
  rows: { day: string; value: string }[];
};
export type RankedView = { key: string; count: string; share: number }[];

function changeText(current: number, previous: number, lang: Language, t: Translate): { change: string; tone: TileView["tone"] } {
  const change = changeOf(current, previous);
  const text = change.kind === "percent" ? formatPercentChange(change.percent, lang) : change.kind === "new" ? t("adminAnalytics.tile.new") : t("adminAnalytics.tile.none");
  return { change: text, tone: toneOf(change) };
}

function chartView(key: ChartKey, days: readonly DayRow[], lang: Language, t: Translate): ChartView {
  const values = days.map((d) => d[key]);
  const geometry = chartGeometry(values);
  const total = values.reduce((a, b) => a + b, 0);
  let peak = 0;
  values.forEach((v, i) => {
    if (v > values[peak]) peak = i;
  });
  const n = (v: number) => formatNumber(v, lang);
  const summary =
    total === 0
      ? t(`adminAnalytics.chart.${key}.none`)
      : t(`adminAnalytics.chart.${key}.summary`, { peak: n(values[peak]), peakDay: shortDay(days[peak].day, lang), last: n(values[values.length - 1]), average: n(Math.round((total / values.length) * 10) / 10) });
  return {
    key,
    summary,
    geometry,
    yLabels: geometry.yTicks.map((tick) => n(tick.value)),
    xLabels: geometry.xTicks.map((tick) => shortDay(days[tick.index].day, lang)),
    rows: days.map((d, i) => ({ day: shortDay(d.day, lang), value: n(values[i]) })),
  };
}

/** The summaries' stand-in keys read as words: the rest beyond each day's top keys, and a session whose device was not known. */
function keyLabel(key: string, t: Translate): string {
  return key === OTHER_KEY ? t("adminAnalytics.ranked.other") : key === UNKNOWN_KEY ? t("adminAnalytics.ranked.unknown") : key;
}

function rankedView(rows: Dashboard["ranked"][Ranked], lang: Language, t: Translate): RankedView {
  const top = Math.max(0, ...rows.map((r) => r.count));
  return rows.map((r) => ({ key: keyLabel(r.key, t), count: formatNumber(r.count, lang), share: top === 0 ? 0 : Math.max(1, Math.round((r.count / top) * 100)) }));
}

export function dashboardView(board: Dashboard, period: Period, lang: Language, t: Translate) {
  const n = (v: number) => formatNumber(v, lang);
  const tiles: TileView[] = TILES.map((key) => ({ key, value: n(board.totals[key]), previous: n(board.previousTotals[key]), ...changeText(board.totals[key], board.previousTotals[key], lang, t) }));
  const percentOf = (part: number) => (board.funnel.signups === 0 ? formatPercent(0, lang) : formatPercent(Math.round((part / board.funnel.signups) * 100), lang));
  const empty = TILES.every((k) => board.totals[k] === 0) && board.funnel.signups === 0 && RANKED.every((r) => board.ranked[r].length === 0);
  return {
    query: periodQuery(period),
    range: t("adminAnalytics.period.range", { from: formatDate(period.from, lang), to: formatDate(period.to, lang), days: period.days }),
    previous: t("adminAnalytics.period.previous", { from: formatDate(period.previous.from, lang), to: formatDate(period.previous.to, lang) }),
    includesToday: board.includesToday,
    empty,
    tiles,
    charts: CHARTS.map((key) => chartView(key, board.days, lang, t)),
    ranked: Object.fromEntries(RANKED.map((r) => [r, rankedView(board.ranked[r], lang, t)])) as Record<Ranked, RankedView>,
    funnel: (["signups", "profile", "connection", "application"] as const).map((step) => ({
      step,
      count: n(board.funnel[step]),
      percent: percentOf(board.funnel[step]),
      share: board.funnel.signups === 0 ? 0 : Math.round((board.funnel[step] / board.funnel.signups) * 100),
    })),
  };
}

export type DashboardView = ReturnType<typeof dashboardView>;
export { isoDay };
