/** /jobs/<feed>/<job_id>/edit: the poster edits their own post. An alumni edit goes back to review. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { JobPostForm } from "~/components/JobPostForm";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { isFeedSlug, jobPath, type FeedSlug } from "~/modules/jobs/feeds";
import { editPost, getOwnPost } from "~/modules/jobs/posting.server";
import { postForm } from "~/modules/jobs/forms.server";
import { editedMessage, formValuesOf, isStaff, POST_FIELDS, postingStatusLabel } from "~/modules/jobs/posting-rules";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_YOURS = "There is no post of yours at this address. Only the member who posted a job can edit it, and jobs imported from other sites cannot be edited here.";
const CLOSED = "This post is closed, so it can no longer be edited. Post the job again if it is open once more.";

function target(params: { feed?: string; jobId?: string }): { feed: FeedSlug; jobId: string } {
  if (!isFeedSlug(params.feed) || !params.jobId) throw new Response(NOT_YOURS, { status: 404 });
  return { feed: params.feed, jobId: params.jobId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { feed, jobId } = target(params);
  const post = await getOwnPost(getCtx(), user.id, feed, jobId);
  if (!post) throw new Response(NOT_YOURS, { status: 404 });
  return {
    feed,
    jobHref: jobPath(feed, jobId),
    title: post.job_title ?? "Untitled job",
    status: post.status,
    statusLabel: postingStatusLabel(post.status, post.declineReason),
    backToReview: !isStaff(user.role) && post.status !== "pending",
    values: formValuesOf(post),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { feed, jobId } = target(params);
  const read = await readForm(request, postForm(feed), { maxBytes: 60_000 });
  const values = { ...pick(read.values, POST_FIELDS), feed };
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await editPost(getCtx(), { id: user.id, role: user.role }, feed, jobId, read.data);
  if (outcome.kind === "not_found") throw new Response(NOT_YOURS, { status: 404 });
  if (outcome.kind === "closed") return data({ errors: { form: CLOSED } as Record<string, string>, values }, { status: 400 });
  return redirect("/jobs/mine", { headers: { "Set-Cookie": await flashHeader(editedMessage(outcome.before, outcome.after)) } });
}

export default function EditJob() {
  const { feed, jobHref, title, status, statusLabel, backToReview, values } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-job-title" className="space-y-4">
      <h1 id="edit-job-title">{`Edit “${title}”`}</h1>
      <p>
        Now: <strong className="break-words">{statusLabel}</strong>. <Link to={jobHref}>See the post</Link> · <Link to="/jobs/mine">Your posts</Link>
      </p>
      {status === "closed" ? (
        <p className="card">{CLOSED}</p>
      ) : (
        <>
          {backToReview ? <p>When you save, the career team looks at the post again; it is not listed until they approve it.</p> : null}
          <JobPostForm values={failed?.values ?? values} errors={failed?.errors} fixedFeed={feed} submitLabel="Save changes" cancelHref="/jobs/mine" />
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Edit a job post | Ladder");
