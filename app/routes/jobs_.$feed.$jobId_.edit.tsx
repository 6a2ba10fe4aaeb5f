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
import { editedMessageId, formValuesOf, isStaff, POST_FIELDS, postingStatusLabel } from "~/modules/jobs/posting-rules";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";

const notYours = (t: Translate) => new Response(t("jobs.edit.notYours"), { status: 404 });

function target(params: { feed?: string; jobId?: string }, t: Translate): { feed: FeedSlug; jobId: string } {
  if (!isFeedSlug(params.feed) || !params.jobId) throw notYours(t);
  return { feed: params.feed, jobId: params.jobId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const { feed, jobId } = target(params, t);
  const post = await getOwnPost(getCtx(), user.id, feed, jobId);
  if (!post) throw notYours(t);
  return {
    feed,
    jobHref: jobPath(feed, jobId),
    title: post.job_title ?? t("jobs.job.untitled"),
    status: post.status,
    statusLabel: postingStatusLabel(post.status, post.declineReason, t),
    backToReview: !isStaff(user.role) && post.status !== "pending",
    values: formValuesOf(post),
    ...(await pageMessages(request, ["jobs"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const { feed, jobId } = target(params, t);
  const read = await readForm(request, postForm(feed), { maxBytes: 60_000 });
  const values = { ...pick(read.values, POST_FIELDS), feed };
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await editPost(getCtx(), { id: user.id, role: user.role }, feed, jobId, read.data);
  if (outcome.kind === "not_found") throw notYours(t);
  if (outcome.kind === "closed") return data({ errors: { form: t("jobs.edit.closed") } as Record<string, string>, values }, { status: 400 });
  return redirect("/jobs/mine", { headers: { "Set-Cookie": await flashHeader(editedMessageId(outcome.before, outcome.after)) } });
}

export default function EditJob() {
  const { feed, jobHref, title, status, statusLabel, backToReview, values } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="edit-job-title" className="space-y-4">
      <h1 id="edit-job-title">{t("jobs.edit.title", { title })}</h1>
      <p>
        {t("jobs.edit.now")} <strong className="break-words">{statusLabel}</strong>. <Link to={jobHref}>{t("jobs.seePost")}</Link> ·{" "}
        <Link to="/jobs/mine">{t("jobs.yourPosts")}</Link>
      </p>
      {status === "closed" ? (
        <p className="card">{t("jobs.edit.closed")}</p>
      ) : (
        <>
          {backToReview ? <p>{t("jobs.edit.backToReview")}</p> : null}
          <JobPostForm values={failed?.values ?? values} errors={failed?.errors} fixedFeed={feed} submitLabel={t("jobs.edit.save")} cancelHref="/jobs/mine" />
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("jobs.edit.meta") })));
