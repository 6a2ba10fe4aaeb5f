/**
 * /jobs/saved: the member's saved jobs, newest saved first, 20 a page (keyset, signed cursor),
 * each with its Saved toggle to remove it. A job that left its feed stays until removed, marked.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FeedNav, SaveJobButton } from "~/components/JobFeed";
import { getCtx } from "~/db.server";
import { formatDate, placeOf } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { jobLinkOf } from "~/modules/jobs/feeds";
import { postingCursor } from "~/modules/jobs/posting-cursor.server";
import { countryName } from "~/modules/jobs/rules";
import { listSaved } from "~/modules/jobs/saved.server";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = postingCursor.from(url.searchParams.get("after"), "saved-jobs");
  if (after === null) throw brokenPageLink("/jobs/saved");
  const page = await listSaved(getCtx(), user.id, { after });
  return {
    paged: Boolean(after),
    here: url.pathname + url.search,
    rows: page.rows.map((r) => ({
      ...jobLinkOf(r.feed, r.jobId),
      title: r.job?.title?.trim() || "Untitled job",
      employer: r.job?.employer ?? null,
      place: r.job ? placeOf(r.job.city, countryName(r.job.country), r.job.remote) : null,
      gone: !r.job || !r.job.listed,
      savedOn: formatDate(r.savedAt),
    })),
    nextHref: page.next ? `/jobs/saved?after=${encodeURIComponent(postingCursor.to(page.next, "saved-jobs"))}` : null,
  };
}

export default function SavedJobs() {
  const { rows, nextHref, paged, here } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="saved-title" className="space-y-4">
      <FeedNav current={null} />
      <h1 id="saved-title">Saved jobs</h1>
      {rows.length === 0 ? (
        <p className="card">
          {paged ? (
            "No more saved jobs."
          ) : (
            <>
              No saved jobs yet. Press <strong>Save</strong> on a job in <Link to="/jobs">the feeds</Link> to keep it here.
            </>
          )}
        </p>
      ) : (
        <ul aria-label="Saved jobs" className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.key} className="flex items-start justify-between gap-3 p-3">
              <div className="min-w-0 space-y-0.5">
                <p className="break-words">
                  {r.gone ? <span className="font-medium">{r.title}</span> : <Link to={r.href} className="font-medium">{r.title}</Link>}
                </p>
                {r.employer || r.place ? <p className="text-sm">{[r.employer, r.place].filter(Boolean).join(" · ")}</p> : null}
                <p className="text-sm text-stone-600">
                  {r.feedLabel} · saved {r.savedOn}
                  {r.gone ? " · no longer listed" : ""}
                </p>
              </div>
              <SaveJobButton feed={r.feed} jobId={r.jobId} title={r.title} saved back={here} />
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/jobs/saved">First page</Link> : null}
        {nextHref ? <Link to={nextHref}>Older saved jobs</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = () => pageMeta("Saved jobs | Ladder", "The jobs you saved on Ladder, newest first.");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/jobs/saved", label: "Saved jobs" }, { to: "/jobs", label: "Jobs" }]} />;
}
