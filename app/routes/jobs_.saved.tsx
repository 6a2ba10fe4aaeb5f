/**
 * /jobs/saved: the member's saved jobs, newest saved first, 20 a page (keyset, signed cursor),
 * each with its Saved toggle to remove it. A job that left its feed stays until removed, marked.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FeedNav, SaveJobButton } from "~/components/JobFeed";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { FEEDS, jobLinkOf } from "~/modules/jobs/feeds";
import { placeIn } from "~/modules/jobs/filters";
import { postingCursor } from "~/modules/jobs/posting-cursor.server";
import { listSaved } from "~/modules/jobs/saved.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const url = new URL(request.url);
  const after = postingCursor.from(url.searchParams.get("after"), "saved-jobs");
  if (after === null) throw new Response(t("jobs.brokenLink", { path: "/jobs/saved" }), { status: 400 });
  const page = await listSaved(getCtx(), user.id, { after });
  return {
    paged: Boolean(after),
    here: url.pathname + url.search,
    rows: page.rows.map((r) => ({
      ...jobLinkOf(r.feed, r.jobId),
      feedLabel: t(FEEDS[r.feed].labelId),
      title: r.job?.title?.trim() || t("jobs.job.untitled"),
      employer: r.job?.employer ?? null,
      place: r.job ? placeIn(t, r.job.city, r.job.country, r.job.remote) : null,
      gone: !r.job || !r.job.listed,
      savedOn: formatDate(r.savedAt, lang),
    })),
    nextHref: page.next ? `/jobs/saved?after=${encodeURIComponent(postingCursor.to(page.next, "saved-jobs"))}` : null,
    ...(await pageMessages(request, ["jobs"])),
  };
}

export default function SavedJobs() {
  const { rows, nextHref, paged, here } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="saved-title" className="space-y-4">
      <FeedNav current={null} />
      <h1 id="saved-title">{t("jobs.saved.title")}</h1>
      {rows.length === 0 ? (
        <p className="card">
          {paged ? (
            t("jobs.saved.noMore")
          ) : (
            <>
              {t("jobs.saved.noneBefore")} <strong>{t("jobs.saved.noneSave")}</strong> {t("jobs.saved.noneMiddle")} <Link to="/jobs">{t("jobs.saved.noneLink")}</Link>{" "}
              {t("jobs.saved.noneAfter")}
            </>
          )}
        </p>
      ) : (
        <ul aria-label={t("jobs.saved.title")} className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.key} className="flex items-start justify-between gap-3 p-3">
              <div className="min-w-0 space-y-0.5">
                <p className="break-words">
                  {r.gone ? (
                    <span className="font-medium" dir="auto">
                      {r.title}
                    </span>
                  ) : (
                    <Link to={r.href} className="font-medium" dir="auto">
                      {r.title}
                    </Link>
                  )}
                </p>
                {r.employer || r.place ? (
                  <p className="text-sm">
                    {r.employer ? <bdi>{r.employer}</bdi> : null}
                    {r.employer && r.place ? " · " : null}
                    {r.place}
                  </p>
                ) : null}
                <p className="text-sm text-stone-600">
                  {r.feedLabel} · {t("jobs.saved.savedOn", { date: r.savedOn })}
                  {r.gone ? ` · ${t("jobs.saved.gone")}` : ""}
                </p>
              </div>
              <SaveJobButton feed={r.feed} jobId={r.jobId} title={r.title} saved back={here} />
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/jobs/saved">{t("jobs.feed.firstPage")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("jobs.saved.older")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("jobs.saved.title") }), t("jobs.saved.description")));

export function ErrorBoundary() {
  // Only the common words reach an error page: this route's own messages come with its data.
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/jobs", label: t("common.area.jobs") }]} />;
}
