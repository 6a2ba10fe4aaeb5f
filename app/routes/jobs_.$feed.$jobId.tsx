/**
 * /jobs/<feed>/<job_id>: one job. Listed jobs are public; an unlisted Ladder post (pending,
 * declined, closed) is shown only to its poster and to career team / admin, with its status;
 * everyone else gets the same 404 as for a job that does not exist.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReviewForms } from "~/components/ReviewForms";
import { FeedNav, SaveJobButton } from "~/components/JobFeed";
import { getCtx } from "~/db.server";
import { placeOf } from "~/lib/format";
import { getCurrentUser, requireRole } from "~/modules/accounts/current-user.server";
import { jobForPage } from "~/modules/jobs/feed.server";
import { savedAmong } from "~/modules/jobs/saved.server";
import { FEEDS, isFeedSlug, jobPath } from "~/modules/jobs/feeds";
import { pendingVersion } from "~/modules/jobs/posting.server";
import { STAFF_ROLES } from "~/modules/jobs/posting-rules";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { REVIEW_FORM_MAX_BYTES, reviewAction } from "~/modules/jobs/review-form.server";
import { countryName, formatSalary, POSTER_LABELS, postedLabel, type Poster } from "~/modules/jobs/rules";
import { trimEndChars } from "~/lib/text";
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no such job, or it is not listed any more.";

const httpLink = (value: string | null) => {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const feed = params.feed;
  const jobId = params.jobId ?? "";
  if (!isFeedSlug(feed)) throw new Response(NOT_FOUND, { status: 404 });
  const user = await getCurrentUser(request);
  const found = await jobForPage(getCtx(), feed, jobId, user ? { id: user.id, role: user.role } : null);
  if (!found) throw new Response(NOT_FOUND, { status: 404 });
  const { job, canManage, isPoster, applicationId } = found;
  const base = jobPath(feed, job.job_id);
  const viewer = user ? { id: user.id, role: user.role } : null;
  // Staff decide a pending post here too; the version guards against deciding unseen edits.
  const review = viewer && job.postingStatus === "pending" ? await pendingVersion(getCtx(), viewer, feed, job.job_id) : null;
  const now = new Date();
  const saved = user && job.listed ? (await savedAmong(getCtx(), user.id, feed, [job.job_id])).has(job.job_id) : false;
  return {
    feed,
    jobId: job.job_id,
    // Only listed jobs can be saved (the save route says 404 to the others).
    save: job.listed ? { saved, back: base } : null,
    feedLabel: FEEDS[feed].label,
    feedPath: FEEDS[feed].path,
    title: job.job_title ?? "Untitled job",
    employer: job.employer_name ?? "Employer not given",
    place: placeOf(job.job_city, countryName(job.job_country), job.job_is_remote),
    salary: formatSalary(job.job_min_salary, job.job_max_salary, job.job_salary_period, job.job_country),
    type: job.job_employment_type,
    remote: job.job_is_remote,
    posted: postedLabel(job.created_at, now),
    postedAt: job.created_at.toISOString(),
    postedBy: job.posted_by ? (POSTER_LABELS[job.posted_by as Poster] ?? job.posted_by) : null,
    description: job.job_description,
    status: job.postingStatus,
    viewerIsPoster: isPoster,
    declineReason: job.declineReason,
    // Ladder posts (a job_postings row) take applications in Ladder; imported jobs link out.
    inApp: job.postingStatus !== null,
    applyLink: job.postingStatus === null ? httpLink(job.job_apply_link) : null,
    applyHref: job.postingStatus !== null && job.listed && !applicationId ? `${base}/apply` : null,
    signedIn: Boolean(user),
    applicationHref: applicationId ? `/applications/${applicationId}` : null,
    review: review === null ? null : { feed, jobId: job.job_id, version: String(review), title: job.job_title ?? "Untitled job" },
    // Only the poster edits (decision 014.3): staff decide with Approve / Decline instead.
    manage: canManage ? { edit: isPoster ? `${base}/edit` : null, close: job.postingStatus === "closed" ? null : `${base}/close`, applications: `/hiring/${feed}/${encodeURIComponent(job.job_id)}` } : null,
  };
}

function StatusBanner({ status, reason, viewerIsPoster }: { status: string | null; reason: string | null; viewerIsPoster: boolean }) {
  if (status === null || status === "approved") return null;
  // The career team reviewing the post reads it too: "you" is only right for the poster.
  const seenBy = viewerIsPoster ? "Only you and the career team can see this job." : "Only the poster and the career team can see this job.";
  const text =
    status === "pending"
      ? `Waiting for career-team approval. ${seenBy}`
      : status === "declined"
        ? `Declined: ${reason ? trimEndChars(reason.trimEnd(), ".!?") : "no reason given"}. ${seenBy}`
        : "Closed: this job no longer takes applications and is not listed.";
  return (
    <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3">
      {text}
    </p>
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const back = isFeedSlug(params.feed) && params.jobId ? jobPath(params.feed, params.jobId) : "/jobs/review";
  const { form } = await readForm(request, noFields, { maxBytes: REVIEW_FORM_MAX_BYTES });
  return reviewAction(request, form, { id: user.id, role: user.role }, back);
}

export default function JobPage() {
  const job = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <article aria-labelledby="job-title" className="space-y-4">
      <FeedNav current={job.feed} />
      <p>
        <Link to={job.feedPath}>Back to {job.feedLabel.toLowerCase()}</Link>
      </p>
      <StatusBanner status={job.status} reason={job.declineReason} viewerIsPoster={job.viewerIsPoster} />
      <header className="space-y-1">
        <h1 id="job-title" className="break-words">
          {job.title}
        </h1>
        <p className="text-lg">{job.employer}</p>
        {job.save ? <SaveJobButton feed={job.feed} jobId={job.jobId} title={job.title} saved={job.save.saved} back={job.save.back} /> : null}
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Place</dt>
        <dd>{job.place}</dd>
        <dt className="font-medium">Salary</dt>
        <dd>{job.salary}</dd>
        <dt className="font-medium">Job type</dt>
        <dd>{job.type ?? "Not given"}</dd>
        <dt className="font-medium">Remote</dt>
        <dd>{job.remote === null ? "Not said" : job.remote ? "Yes" : "No"}</dd>
        <dt className="font-medium">Posted</dt>
        <dd>
          <time dateTime={job.postedAt}>{job.posted}</time>
          {job.postedBy ? ` by ${job.postedBy.toLowerCase()}` : ""}
        </dd>
      </dl>
      <section aria-labelledby="apply-title" className="card space-y-2">
        <h2 id="apply-title">Apply</h2>
        {job.inApp ? (
          job.applicationHref ? (
            <p>
              <Link to={job.applicationHref}>You applied: see your application</Link>
            </p>
          ) : job.applyHref && job.signedIn ? (
            <p>
              <Link to={job.applyHref} className="btn">
                Apply
              </Link>
            </p>
          ) : job.applyHref ? (
            // A visitor chooses how to get an account first; both ways come back to the form.
            <p>
              <Link to={`/login?redirectTo=${encodeURIComponent(job.applyHref)}`}>Sign in</Link> or{" "}
              <Link to={`/signup?redirectTo=${encodeURIComponent(job.applyHref)}`}>create an account</Link> to apply.
            </p>
          ) : (
            <p>Applications open once the job is listed.</p>
          )
        ) : job.applyLink ? (
          <p>
            <a href={job.applyLink} rel="noopener noreferrer nofollow">
              Apply on the employer’s site
            </a>{" "}
            <span className="text-sm text-stone-600">(leaves Ladder)</span>
          </p>
        ) : (
          <p>This job came without an apply link. Search for it on the employer’s own site.</p>
        )}
      </section>
      {job.manage ? (
        <nav aria-label="Manage this job" className="flex flex-wrap gap-3">
          {job.manage.edit ? <Link to={job.manage.edit}>Edit</Link> : null}
          {job.manage.close ? <Link to={job.manage.close}>Close</Link> : null}
          <Link to={job.manage.applications}>Applications</Link>
        </nav>
      ) : null}
      <section aria-labelledby="about-title" className="space-y-2">
        <h2 id="about-title">About the job</h2>
        {job.description ? <div className="whitespace-pre-line break-words">{job.description}</div> : <p>No description was given.</p>}
      </section>
      {job.review ? (
        <section aria-labelledby="review-title" className="card space-y-2">
          <h2 id="review-title">Review this post</h2>
          <p className="text-sm">It waits for the career team. Approve it (it is listed at once), or decline it with a reason the poster reads.</p>
          <ReviewForms post={job.review} back="/jobs/review" reasonId="reason" error={failed?.error} typedReason={failed?.reason} />
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => 
  data ? pageMeta(`${data.title} at ${data.employer} | Ladder`, `${data.title} at ${data.employer}, ${data.place}. ${data.feedLabel} on Ladder.`) : pageMeta("Job not found | Ladder");
