/** /jobs/mine: the member's own job posts, newest first, with their review state and what to do next. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/Button";
import { MetaLine } from "~/components/ui/Meta";
import { PostStatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { FEEDS, jobPath } from "~/modules/jobs/feeds";
import { postingCursor } from "~/modules/jobs/posting-cursor.server";
import { listMyPosts, pendingCount } from "~/modules/jobs/posting.server";
import { isStaff } from "~/modules/jobs/posting-rules";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = postingCursor.from(url.searchParams.get("after"), "my-posts");
  if (after === null) throw brokenPageLink("/jobs/mine");
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
      declineReason: r.status === "declined" ? r.declineReason : null,
    })),
    nextHref: page.next ? `/jobs/mine?after=${encodeURIComponent(postingCursor.to(page.next, "my-posts"))}` : null,
  };
}

export default function MyPosts() {
  const { rows, nextHref, paged, waiting } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="mine-title" className="space-y-4">
      <h1 id="mine-title">Your job posts</h1>
      <p className="flex flex-wrap gap-3">
        <ButtonLink to="/jobs/new">Post a job</ButtonLink>
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
        <ul aria-label="Your job posts" className="list">
          {rows.map((r) => (
            <li key={r.key} className="space-y-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link to={r.href} className="font-medium">
                  {r.title}
                </Link>
                <PostStatusPill state={r.status} />
              </p>
              <MetaLine parts={[r.employer, r.feed, `posted ${r.at}`]} />
              {r.declineReason ? <p className="break-words text-sm">Declined: {r.declineReason}</p> : null}
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
