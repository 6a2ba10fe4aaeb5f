/**
 * /admin/analytics (issue 20, item 4; decision 051): admins read how Ladder is used over a period
 * (the last 7, 30 or 90 days, or custom dates) against the period before: tiles, daily charts
 * drawn on the server as SVG, ranked tables, the sign-up funnel, and a CSV of every table. Past
 * days come from the daily summaries; only today is read from raw rows.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LineChart } from "~/components/analytics/LineChart";
import { RankedTable } from "~/components/analytics/RankedTable";
import { Tiles } from "~/components/analytics/Tiles";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { dirOf, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { dashboardFor, utcDay } from "~/modules/analytics/dashboard.server";
import { isoDay, parsePeriod, PRESETS } from "~/modules/analytics/period";
import { RANKED } from "~/modules/analytics/tables";
import { dashboardView } from "~/modules/analytics/view.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const lang = await languageOf(request);
  const t = translator(lang);
  const today = utcDay(new Date());
  const parsed = parsePeriod(new URL(request.url).searchParams, today);
  const messages = await pageMessages(request, ["admin", "adminAnalytics"]);
  const form = { today: isoDay(today), values: parsed.values };
  if (!parsed.ok) {
    const errors = Object.fromEntries(Object.entries(parsed.errors).map(([field, id]) => [field, t(`adminAnalytics.${id}`, { max: 366 })]));
    return data({ ...form, preset: null, errors, view: null, ...messages }, { status: 400 });
  }
  const { period } = parsed;
  const board = await dashboardFor(getCtx(), period, today);
  return {
    ...form,
    preset: period.preset,
    // A custom period's dates stay in the form; a preset's form starts empty.
    errors: null,
    view: dashboardView(board, period, lang, t),
    ...messages,
  };
}

export default function AdminAnalytics() {
  const { today, values, preset, errors, view } = useLoaderData<typeof loader>();
  const t = useT();
  const rtl = dirOf(useLanguage()) === "rtl";
  const csv = (name: string) => `/admin/analytics/export/${name}.csv?${view?.query ?? ""}`;
  return (
    <section aria-labelledby="analytics-title" className="space-y-5">
      <div className="space-y-1">
        <h1 id="analytics-title">{t("adminAnalytics.title")}</h1>
        {view ? (
          <p>
            {view.range} {view.previous}
          </p>
        ) : null}
        {view?.includesToday ? <p className="meta">{t("adminAnalytics.live")}</p> : null}
      </div>

      <div className="card space-y-3">
        <nav aria-label={t("adminAnalytics.period.presets")}>
          <ul className="flex flex-wrap gap-2">
            {PRESETS.map((days) => (
              <li key={days}>
                <Link to={`/admin/analytics?days=${days}`} className={`btn-quiet btn-sm`} aria-current={preset === days ? "page" : undefined}>
                  {t("adminAnalytics.period.last", { days })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {errors?.days ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {errors.days}
          </p>
        ) : null}
        <Form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("adminAnalytics.period.custom")}>
          <Field type="date" name="from" label={t("adminAnalytics.period.from")} defaultValue={values.from} max={today} error={errors?.from} className="w-40" />
          <Field type="date" name="to" label={t("adminAnalytics.period.to")} defaultValue={values.to} max={today} error={errors?.to} className="w-40" />
          <Button variant="secondary">{t("adminAnalytics.period.show")}</Button>
        </Form>
      </div>

      {view ? (
        <>
          <section aria-labelledby="tiles-title" className="space-y-2">
            <h2 id="tiles-title">{t("adminAnalytics.tiles.title")}</h2>
            <Tiles
              label={t("adminAnalytics.tiles.title")}
              tiles={view.tiles.map((tile) => ({ ...tile, label: t(`adminAnalytics.tile.${tile.key}`), was: t("adminAnalytics.tile.was", { previous: tile.previous }) }))}
            />
            <p className="text-sm">
              <a href={csv("tiles")}>{t("adminAnalytics.csv.download", { table: t("adminAnalytics.tiles.title") })}</a>
            </p>
          </section>

          {view.empty ? (
            <p className="card">{t("adminAnalytics.empty")}</p>
          ) : (
            <>
              <section aria-labelledby="charts-title" className="space-y-2">
                <h2 id="charts-title">{t("adminAnalytics.charts.title")}</h2>
                <div className="grid gap-2 md:grid-cols-2">
                  {view.charts.map((chart) => (
                    <LineChart
                      key={chart.key}
                      id={`chart-${chart.key}`}
                      title={t(`adminAnalytics.chart.${chart.key}.title`)}
                      summary={chart.summary}
                      geometry={chart.geometry}
                      yLabels={chart.yLabels}
                      xLabels={chart.xLabels}
                      rows={chart.rows}
                      numbersLabel={t("adminAnalytics.chart.numbers")}
                      dayLabel={t("adminAnalytics.chart.day")}
                    />
                  ))}
                </div>
                <p className="text-sm">
                  <a href={csv("daily")}>{t("adminAnalytics.csv.download", { table: t("adminAnalytics.charts.title") })}</a>
                </p>
              </section>

              <section aria-labelledby="ranked-title" className="space-y-2">
                <h2 id="ranked-title">{t("adminAnalytics.ranked.title")}</h2>
                <div className="grid gap-2 md:grid-cols-2">
                  {RANKED.map((table) => (
                    <RankedTable
                      key={table}
                      id={`ranked-${table}`}
                      title={t(`adminAnalytics.ranked.${table}.title`)}
                      keyLabel={t(`adminAnalytics.ranked.${table}.key`)}
                      countLabel={t(`adminAnalytics.ranked.${table}.count`)}
                      rows={view.ranked[table]}
                      empty={t("adminAnalytics.ranked.none")}
                      csvHref={csv(table)}
                      csvLabel={t("adminAnalytics.csv.download", { table: t(`adminAnalytics.ranked.${table}.title`) })}
                      rtl={rtl}
                      ltrKeys={table === "pages" || table === "referrers"}
                    />
                  ))}
                </div>
              </section>

              <section aria-labelledby="funnel-title" className="card space-y-2">
                <h2 id="funnel-title">{t("adminAnalytics.funnel.title")}</h2>
                <p className="meta">{t("adminAnalytics.funnel.intro")}</p>
                <table className="w-full text-sm">
                  <thead>
                    <tr>
                      <th scope="col" className="text-start">
                        {t("adminAnalytics.funnel.step")}
                      </th>
                      <th scope="col" className="text-end">
                        {t("adminAnalytics.funnel.members")}
                      </th>
                      <th scope="col" className="text-end">
                        {t("adminAnalytics.funnel.share")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.funnel.map((row) => (
                      <tr key={row.step}>
                        <td className="py-0.5">
                          {t(`adminAnalytics.funnel.${row.step}`)}
                          <svg viewBox="0 0 100 2" preserveAspectRatio="none" className="block h-1.5 w-full" aria-hidden="true">
                            <rect x={rtl ? 100 - row.share : 0} width={row.share} height="2" fill="#14b8a6" />
                          </svg>
                        </td>
                        <td className="text-end align-top tabular-nums">{row.count}</td>
                        <td className="text-end align-top tabular-nums">{row.percent}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="text-sm">
                  <a href={csv("funnel")}>{t("adminAnalytics.csv.download", { table: t("adminAnalytics.funnel.title") })}</a>
                </p>
              </section>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("adminAnalytics.metaTitle")));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/admin", label: t("admin.nav.overview") }]} />;
}
