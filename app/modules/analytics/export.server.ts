/**
 * The dashboard's tables as CSV (issue 20, item 4): one download per table, for the page's period,
 * headers in the requester's language, numbers plain (a spreadsheet formats them), days as
 * YYYY-MM-DD. Cells go through the admin exports' CSV-injection-safe writer (csvResponse).
 */
import type { Ctx } from "~/db.server";
import type { Translate } from "~/lib/i18n";
import type { CsvExport, CsvValue } from "~/lib/csv";
import { dashboardFor, daysFor, funnelOf, rankedFor, RANKED, TILES, type Ranked } from "./dashboard.server";
import { isoDay, type Period } from "./period";

export const EXPORTS = ["tiles", "daily", ...RANKED, "funnel"] as const;
export type ExportName = (typeof EXPORTS)[number];

export const isExport = (name: string): name is ExportName => (EXPORTS as readonly string[]).includes(name);

const exportOf = (header: string[], load: () => Promise<CsvValue[][]>): CsvExport => ({
  header,
  rows: async function* () {
    for (const row of await load()) yield row;
  },
});

export function analyticsExport(ctx: Ctx, name: ExportName, period: Period, today: Date, t: Translate): CsvExport {
  const h = (id: string) => t(`adminAnalytics.csv.${id}`);
  if (name === "tiles") {
    return exportOf([h("figure"), h("period"), h("previousPeriod")], async () => {
      const board = await dashboardFor(ctx, period, today);
      return TILES.map((tile) => [t(`adminAnalytics.tile.${tile}`), board.totals[tile], board.previousTotals[tile]]);
    });
  }
  if (name === "daily") {
    return exportOf(
      [h("day"), h("pageViews"), h("activeMembers"), h("sessions"), h("signups"), h("connections"), h("posts"), h("applications"), h("skillAttempts"), h("communityJoins"), h("actions")],
      async () =>
        (await daysFor(ctx, period, today)).map((d) => [isoDay(d.day), d.pageViews, d.activeMembers, d.sessions, d.signups, d.connections, d.posts, d.applications, d.skillAttempts, d.communityJoins, d.actions]),
    );
  }
  if (name === "funnel") {
    return exportOf([h("step"), h("members")], async () => {
      const f = await funnelOf(ctx, period);
      return (["signups", "profile", "connection", "application"] as const).map((step) => [t(`adminAnalytics.funnel.${step}`), f[step]]);
    });
  }
  const table: Ranked = name;
  return exportOf([t(`adminAnalytics.ranked.${table}.key`), t(`adminAnalytics.ranked.${table}.count`)], async () => (await rankedFor(ctx, period, today, table)).map((r) => [r.key, r.count]));
}
