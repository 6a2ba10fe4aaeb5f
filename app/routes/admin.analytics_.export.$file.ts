/** /admin/analytics/export/<table>.csv?<period>: one dashboard table as a CSV download (admins only), for the same period as the page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { csvResponse } from "~/modules/admin/export.server";
import { utcDay } from "~/modules/analytics/dashboard.server";
import { analyticsExport, isExport } from "~/modules/analytics/export.server";
import { isoDay, parsePeriod } from "~/modules/analytics/period";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const t = await translatorFor(request);
  const file = params.file ?? "";
  const name = file.endsWith(".csv") ? file.slice(0, -".csv".length) : "";
  if (!isExport(name)) throw new Response(t("adminAnalytics.csv.unknown"), { status: 404 });
  const today = utcDay(new Date());
  const parsed = parsePeriod(new URL(request.url).searchParams, today);
  if (!parsed.ok) {
    const [id] = Object.values(parsed.errors);
    throw new Response(t(`adminAnalytics.${id}`, { max: 366 }), { status: 400 });
  }
  const { period } = parsed;
  return csvResponse(analyticsExport(getCtx(), name, period, today, t), `ladder-analytics-${name}-${isoDay(period.from)}`, period.to);
}
