/** /jobs/mine: the member's own job posts, newest first, with their review state and what to do next. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { FEEDS, jobPath } from "~/modules/jobs/feeds";
import { fromPostingCursor, toPostingCursor } from "~/modules/jobs/posting-cursor.server";
import { listMyPosts, pendingCount } from "~/modules/jobs/posting.server";
import { isStaff, postingStatusLabel } from "~/modules/jobs/posting-rules";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = fromPostingCursor(url.searchParams.get("after"), "my-posts");
  if (after === null) throw new Response("This page link is broken or was changed. Start again from /jobs/mine.", { status: 400 });
  const ctx = getCtx();
  const [page, waiting] = await Promise.all([listMyPosts(ctx, user.id, { after }), isStaff(user.role) ? pendingCount(ctx) : Promise.resolve(null)]);
  return {
    paged: Boolean(after),
    waiting,
    rows: page.rows.map((r) => ({
      key: `${r.feed}/${r.jobId}`,
      href: jobPath(r.feed, r.jobId),
      editHref: `${jobPath(r.feed, r.jobId)}/edit`,
      closeHref: `${jobPath(r.feed, r.jobId)}/close`,
      hiringHref: `/hiring/${r.feed}/${encodeURIComponent(r.jobId)}`,
      feed: FEEDS[r.feed].label,
      title: r.title ?? "Untitled job",
      employer: r.employer,
      at: formatDate(r.createdAt),
      status: r.status,
      label: postingStatusLabel(r.status, r.declineReason),
    })),
    nextHref: page.next ? `/jobs/mine?after=${encodeURIComponent(toPostingCursor(page.next, "my-posts"))}` : null,
  };
}

const STATUS_CLASS: Record<string, string> = {
  approved: "text-green-800",
  pending: "text-amber-800",
  declined: "text-red-800",
  closed: "text-stone-600",
};

export default function MyPosts() {
  const { rows, nextHref, paged, waiting } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="mine-title" className="space-y-4">
      <h1 id="mine-title">Your job posts</h1>
      <p className="flex flex-wrap gap-3">
        <Link to="/jobs/new" className="btn">
          Post a job
        </Link>
        <Link to="/jobs">Browse jobs</Link>
        {waiting !== null ? <Link to="/jobs/review">Review posts ({waiting} waiting)</Link> : null}
      </p>
      {rows.length === 0 ? (
        <p className="text-stone-600">
          {paged ? (
            "No more posts."
          ) : (
            <>
              You have not posted a job yet. <Link to="/jobs/new">Post one</Link> and it reaches every member looking for work.
            </>
          )}
        </p>
      ) : (
        <ul aria-label="Your job posts" className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.key} className="space-y-1 p-3">
              <p>
                <Link to={r.href} className="font-medium">
                  {r.title}
                </Link>
                {r.employer ? <span> · {r.employer}</span> : null}
              </p>
              <p className="text-sm text-stone-600">
                {r.feed} · posted {r.at}
              </p>
              <p className={`break-words text-sm font-medium ${STATUS_CLASS[r.status] ?? ""}`}>{r.label}</p>
              <p className="flex flex-wrap gap-3 text-sm">
                {r.status !== "closed" ? (
                  <>
                    <Link to={r.editHref}>
                      Edit<span className="sr-only"> “{r.title}”</span>
                    </Link>
                    <Link to={r.closeHref}>
                      Close<span className="sr-only"> “{r.title}”</span>
                    </Link>
                  </>
                ) : null}
                <Link to={r.hiringHref}>
                  Applications<span className="sr-only"> for “{r.title}”</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? <Link to={nextHref}>Older posts</Link> : null}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Your job posts | Ladder");
