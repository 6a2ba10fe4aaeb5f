/**
 * /hiring: the jobs the member can manage (their own Ladder posts; for the career team and admins
 * also every job with an application), each with its live applications counted by status.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/Button";
import { MetaLine } from "~/components/ui/Meta";
import { PostStatusPill } from "~/components/ui/StatusPill";
import { isPostState } from "~/components/ui/status";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { hiringJobsCursor } from "~/modules/hiring/cursor.server";
import { listManagedJobs } from "~/modules/hiring/pipeline.server";
import { APPLICATION_STATUSES, isStaff, STATUS_LABELS } from "~/modules/hiring/rules";
import { FEEDS } from "~/modules/jobs/feeds";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = hiringJobsCursor.from(url.searchParams.get("after"), "jobs");
  if (after === null) throw brokenPageLink("/hiring");
  const page = await listManagedJobs(getCtx(), { id: user.id, role: user.role }, { after });
  return {
    staff: isStaff(user.role),
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      key: `${r.feed}/${r.jobId}`,
      href: `/hiring/${r.feed}/${encodeURIComponent(r.jobId)}`,
      title: r.title?.trim() || "Untitled job",
      employer: r.employer,
      feed: FEEDS[r.feed].label,
      at: formatDate(r.createdAt),
      posting: isPostState(r.postingStatus) ? r.postingStatus : null,
      mine: r.mine,
      live: r.live,
      withdrawn: r.withdrawn,
      counts: APPLICATION_STATUSES.filter((s) => r.counts[s]).map((s) => `${r.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`),
    })),
    nextHref: page.next ? `/hiring?after=${encodeURIComponent(hiringJobsCursor.to(page.next, "jobs"))}` : null,
  };
}

export default function Hiring() {
  const { staff, paged, rows, nextHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="hiring-title" className="space-y-4">
      <h1 id="hiring-title">Hiring</h1>
      <p className="text-stone-700">
        {staff ? "Your job posts and every job with applications, newest first." : "The jobs you posted, newest first."} Open one to review its applications and plan interviews.
      </p>
      {rows.length === 0 ? (
        <div className="card space-y-2">
          {paged ? (
            <p>No more jobs.</p>
          ) : (
            <>
              <p>You have no jobs to manage yet. When you post a job on Ladder, its applications arrive here.</p>
              <p>
                <ButtonLink to="/jobs/new">Post a job</ButtonLink>
              </p>
              <p className="text-sm text-stone-600">Alumni posts are listed once the career team approves them; you can follow yours on <Link to="/jobs/mine">your job posts</Link>.</p>
            </>
          )}
        </div>
      ) : (
        <ul aria-label="Jobs you manage" className="list">
          {rows.map((r) => (
            <li key={r.key} className="space-y-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link to={r.href} className="font-medium">
                  {r.title}
                </Link>
                {r.posting ? <PostStatusPill state={r.posting} /> : null}
              </p>
              <MetaLine parts={[r.employer, r.feed, `posted ${r.at}`, r.posting ? null : "Imported", r.mine ? "your post" : null]} />
              <p className="text-sm">
                {r.live === 0 ? "No live applications" : `${r.live} live: ${r.counts.join(", ")}`}
                {r.withdrawn ? ` · ${r.withdrawn} withdrawn` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/hiring">Newest</Link> : null}
        {nextHref ? <Link to={nextHref}>More jobs</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Hiring | Ladder");
