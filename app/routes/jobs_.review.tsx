/** /jobs/review: the career team's queue of posts waiting for approval, oldest first. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { MetaLine } from "~/components/ui/Meta";
import { PostStatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { parseForm } from "~/modules/accounts/csrf.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { FEEDS, isFeedSlug, isJobId, jobPath } from "~/modules/jobs/feeds";
import { fromPostingCursor, toPostingCursor } from "~/modules/jobs/posting-cursor.server";
import { decidePost, listReviewQueue } from "~/modules/jobs/posting.server";
import { checkDeclineReason, POST_LIMITS, STAFF_ROLES } from "~/modules/jobs/posting-rules";
import { flashHeader } from "~/services/flash.server";
import { publicOrigin } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const url = new URL(request.url);
  const after = fromPostingCursor(url.searchParams.get("after"), "review");
  if (after === null) throw new Response("This page link is broken or was changed. Start again from /jobs/review.", { status: 400 });
  const ctx = getCtx();
  const [page, { zone }] = await Promise.all([listReviewQueue(ctx, { after }), effectiveZone(ctx, user.id, request)]);
  return {
    paged: Boolean(after),
    here: url.pathname + url.search,
    rows: page.rows.map((r) => ({
      key: `${r.feed}/${r.jobId}`,
      feed: r.feed,
      jobId: r.jobId,
      version: String(r.version),
      feedLabel: FEEDS[r.feed].label,
      href: jobPath(r.feed, r.jobId),
      title: r.title ?? "Untitled job",
      employer: r.employer,
      poster: r.posterName ?? "A former member",
      at: formatDateTime(r.postedAt, zone),
    })),
    nextHref: page.next ? `/jobs/review?after=${encodeURIComponent(toPostingCursor(page.next, "review"))}` : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const form = await parseForm(request, { maxBytes: 10_000 });
  const intent = form.get("intent");
  const feed = form.get("feed");
  const jobId = form.get("jobId");
  const back = safeRedirectPath(form.get("back"), "/jobs/review");
  const version = Number(form.get("version"));
  if ((intent !== "approve" && intent !== "decline") || !isFeedSlug(feed) || !isJobId(jobId) || !Number.isSafeInteger(version)) {
    return data({ key: null, error: "Choose a post and an action from the list on this page.", reason: "" }, { status: 400 });
  }
  const key = `${feed}/${jobId}`;
  let decision: { kind: "approve" } | { kind: "decline"; reason: string } = { kind: "approve" };
  if (intent === "decline") {
    const typed = String(form.get("reason") ?? "");
    const checked = checkDeclineReason(typed);
    if (!checked.ok) return data({ key, error: checked.error, reason: typed }, { status: 400 });
    decision = { kind: "decline", reason: checked.reason };
  }
  const outcome = await decidePost(getCtx(), { id: user.id, role: user.role }, feed, jobId, decision, { baseUrl: publicOrigin(request), seenVersion: version });
  if (outcome.kind === "not_found") throw new Response("There is no post at this address. It may have been removed.", { status: 404 });
  if (outcome.kind === "changed") {
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("The poster changed that post after this page was loaded, so nothing was decided. Read it again below.", "info") } });
  }
  if (outcome.kind === "already_decided") {
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("That post was already decided by someone else (or closed by its poster); nothing changed.", "info") } });
  }
  // The poster's email goes out after the transaction; a failed send is logged by the mail service.
  void outcome.delivery;
  const text = outcome.kind === "approved" ? `Approved and listed: “${outcome.title}”. The poster is told.` : `Declined: “${outcome.title}”. The poster is told why.`;
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(text) } });
}

export default function ReviewQueue() {
  const { rows, nextHref, paged, here } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <h1 id="review-title">Job posts waiting for review</h1>
      <p>Members’ posts are listed only once you approve them. A decline needs a reason: the poster reads it and can edit the post to send it back.</p>
      {failed && failed.key === null ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3">
          {failed.error}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-stone-600">{paged ? "No more posts." : "Nothing is waiting. New posts from members appear here."}</p>
      ) : (
        <ul aria-label="Posts waiting for review" className="list">
          {rows.map((r, i) => {
            const error = failed?.key === r.key ? failed.error : undefined;
            const reasonId = `reason-${i}`;
            return (
              <li key={r.key} className="space-y-2">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <Link to={r.href} className="font-medium">
                    {r.title}
                  </Link>
                  <PostStatusPill state="pending" />
                </p>
                <MetaLine parts={[r.employer, r.feedLabel, `by ${r.poster}`, r.at]} />
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="feed" value={r.feed} />
                  <input type="hidden" name="jobId" value={r.jobId} />
                  <input type="hidden" name="version" value={r.version} />
                  <input type="hidden" name="back" value={here} />
                  <Button>
                    Approve<span className="sr-only"> “{r.title}”</span>
                  </Button>
                </Form>
                <Form method="post" className="space-y-1">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="decline" />
                  <input type="hidden" name="feed" value={r.feed} />
                  <input type="hidden" name="jobId" value={r.jobId} />
                  <input type="hidden" name="version" value={r.version} />
                  <input type="hidden" name="back" value={here} />
                  <label htmlFor={reasonId} className="block text-sm font-medium">
                    Reason to decline “{r.title}” (up to {POST_LIMITS.declineReason} characters)
                  </label>
                  <textarea
                    id={reasonId}
                    name="reason"
                    rows={2}
                    defaultValue={error ? failed?.reason : undefined}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${reasonId}-error` : undefined}
                    className={`w-full rounded border px-2 py-1.5 ${error ? "border-red-700" : "border-stone-400"}`}
                  />
                  {error ? (
                    <p id={`${reasonId}-error`} className="text-sm font-medium text-red-800">
                      {error}
                    </p>
                  ) : null}
                  <Button variant="danger">
                    Decline<span className="sr-only"> “{r.title}”</span>
                  </Button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      {nextHref ? <Link to={nextHref}>More posts</Link> : null}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Review job posts | Ladder");
