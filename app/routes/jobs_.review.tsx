/** /jobs/review: the career team's queue of posts waiting for approval, oldest first. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { ReviewForms } from "~/components/ReviewForms";
import { MetaLine } from "~/components/ui/Meta";
import { PostStatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { requireRole } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { jobLinkOf } from "~/modules/jobs/feeds";
import { postingCursor } from "~/modules/jobs/posting-cursor.server";
import { listReviewQueue } from "~/modules/jobs/posting.server";
import { STAFF_ROLES } from "~/modules/jobs/posting-rules";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { REVIEW_FORM_MAX_BYTES, reviewAction } from "~/modules/jobs/review-form.server";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const url = new URL(request.url);
  const after = postingCursor.from(url.searchParams.get("after"), "review");
  if (after === null) throw brokenPageLink("/jobs/review");
  const ctx = getCtx();
  const [page, { zone }] = await Promise.all([listReviewQueue(ctx, { after }), effectiveZone(ctx, user.id, request)]);
  return {
    paged: Boolean(after),
    here: url.pathname + url.search,
    rows: page.rows.map((r) => ({
      ...jobLinkOf(r.feed, r.jobId),
      version: String(r.version),
      title: r.title ?? "Untitled job",
      employer: r.employer,
      poster: r.posterName ?? "A former member",
      at: formatDateTime(r.postedAt, zone),
      description: r.description,
    })),
    nextHref: page.next ? `/jobs/review?after=${encodeURIComponent(postingCursor.to(page.next, "review"))}` : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const { form } = await readForm(request, noFields, { maxBytes: REVIEW_FORM_MAX_BYTES });
  return reviewAction(request, form, { id: user.id, role: user.role }, "/jobs/review");
}

export default function ReviewQueue() {
  const { rows, nextHref, paged, here } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <h1 id="review-title">Job posts waiting for review</h1>
      <p>Members’ posts are listed only once you approve them. Read each one below; a decline needs a reason: the poster reads it and can edit the post to send it back.</p>
      {failed && failed.key === null ? (
        <p role="alert" className="rounded border-s-4 border-red-700 bg-red-50 p-3">
          {failed.error}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-stone-600">{paged ? "No more posts." : "Nothing is waiting. New posts from members appear here."}</p>
      ) : (
        <ul aria-label="Posts waiting for review" className="list">
          {rows.map((r, i) => (
            <li key={r.key} className="space-y-2">
              <h2 className="flex flex-wrap items-center gap-x-2 gap-y-1 text-base font-semibold">
                <Link to={r.href}>{r.title}</Link>
                <PostStatusPill state="pending" />
              </h2>
              <MetaLine parts={[r.employer, r.feedLabel, `by ${r.poster}`, r.at]} />
              {r.description ? (
                // The whole text, scrolling when long: a reviewer approves the words they read here.
                <div
                  role="region"
                  aria-label={`Description of “${r.title}”`}
                  tabIndex={0}
                  className="max-h-72 overflow-y-auto whitespace-pre-line break-words rounded border border-stone-200 bg-stone-50 p-2 text-sm"
                >
                  {r.description}
                </div>
              ) : (
                <p className="text-sm">No description was given.</p>
              )}
              <ReviewForms post={r} back={here} reasonId={`reason-${i}`} error={failed?.key === r.key ? failed.error : undefined} typedReason={failed?.reason} />
            </li>
          ))}
        </ul>
      )}
      {nextHref ? <Link to={nextHref}>More posts</Link> : null}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Review job posts | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/jobs/review", label: "The review queue" }]} />;
}
