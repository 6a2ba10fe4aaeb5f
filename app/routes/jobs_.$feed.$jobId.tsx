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
import { getCurrentUser, requireRole } from "~/modules/accounts/current-user.server";
import { jobForPage } from "~/modules/jobs/feed.server";
import { savedAmong } from "~/modules/jobs/saved.server";
import { FEEDS, isFeedSlug, jobPath } from "~/modules/jobs/feeds";
import { pendingVersion } from "~/modules/jobs/posting.server";
import { STAFF_ROLES } from "~/modules/jobs/posting-rules";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { REVIEW_FORM_MAX_BYTES, reviewAction } from "~/modules/jobs/review-form.server";
import { formatSalary, isPoster as isPosterKind, jobTypeLabel, placeIn, POSTER_LABELS, postedLabel } from "~/modules/jobs/rules";
import { trimEndChars } from "~/lib/text";
import { metaFor, pageMeta } from "~/lib/meta";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";

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
  const lang = await languageOf(request);
  const t = translator(lang);
  if (!isFeedSlug(feed)) throw new Response(t("jobs.job.notFound"), { status: 404 });
  const user = await getCurrentUser(request);
  const found = await jobForPage(getCtx(), feed, jobId, user ? { id: user.id, role: user.role } : null);
  if (!found) throw new Response(t("jobs.job.notFound"), { status: 404 });
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
    feedLabel: t(FEEDS[feed].labelId),
    feedBack: t(FEEDS[feed].backId),
    feedPath: FEEDS[feed].path,
    // The job's own words (content) when it has them; the page's words when it has none.
    title: job.job_title ?? t("jobs.job.untitled"),
    employer: job.employer_name ?? t("jobs.job.noEmployer"),
    place: placeIn(t, job.job_city, job.job_country, job.job_is_remote),
    salary: formatSalary(job.job_min_salary, job.job_max_salary, job.job_salary_period, job.job_country, t, lang),
    type: job.job_employment_type ? jobTypeLabel(t, job.job_employment_type) : null,
    remote: job.job_is_remote,
    posted: postedLabel(job.created_at, now, t, lang),
    postedAt: job.created_at.toISOString(),
    postedBy: job.posted_by ? (isPosterKind(job.posted_by) ? t(POSTER_LABELS[job.posted_by]).toLocaleLowerCase(lang) : job.posted_by) : null,
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
    review: review === null ? null : { feed, jobId: job.job_id, version: String(review), title: job.job_title ?? t("jobs.job.untitled") },
    // Only the poster edits (decision 014.3): staff decide with Approve / Decline instead.
    manage: canManage ? { edit: isPoster ? `${base}/edit` : null, close: job.postingStatus === "closed" ? null : `${base}/close`, applications: `/hiring/${feed}/${encodeURIComponent(job.job_id)}` } : null,
    ...(await pageMessages(request, ["jobs"])),
  };
}

function StatusBanner({ status, reason, viewerIsPoster }: { status: string | null; reason: string | null; viewerIsPoster: boolean }) {
  const t = useT();
  if (status === null || status === "approved") return null;
  // The career team reviewing the post reads it too: "you" is only right for the poster.
  const seenBy = t(viewerIsPoster ? "jobs.job.seenByYou" : "jobs.job.seenByPoster");
  const text =
    status === "pending"
      ? t("jobs.job.pending", { seenBy })
      : status === "declined"
        ? t("jobs.job.declined", { reason: reason ? trimEndChars(reason.trimEnd(), ".!?") : t("jobs.job.noReason"), seenBy })
        : t("jobs.job.closed");
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
  const t = useT();
  return (
    <article aria-labelledby="job-title" className="space-y-4">
      <FeedNav current={job.feed} />
      <p>
        <Link to={job.feedPath}>{job.feedBack}</Link>
      </p>
      <StatusBanner status={job.status} reason={job.declineReason} viewerIsPoster={job.viewerIsPoster} />
      <header className="space-y-1">
        <h1 id="job-title" className="break-words" dir="auto">
          {job.title}
        </h1>
        <p className="text-lg" dir="auto">
          {job.employer}
        </p>
        {job.save ? <SaveJobButton feed={job.feed} jobId={job.jobId} title={job.title} saved={job.save.saved} back={job.save.back} /> : null}
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t("jobs.job.place")}</dt>
        <dd>{job.place}</dd>
        <dt className="font-medium">{t("jobs.job.salary")}</dt>
        <dd>{job.salary}</dd>
        <dt className="font-medium">{t("jobs.filter.type")}</dt>
        <dd>{job.type ?? t("jobs.job.notGiven")}</dd>
        <dt className="font-medium">{t("jobs.filter.remote")}</dt>
        <dd>{t(job.remote === null ? "jobs.job.notSaid" : job.remote ? "jobs.job.yes" : "jobs.job.no")}</dd>
        <dt className="font-medium">{t("jobs.job.posted")}</dt>
        <dd>
          <time dateTime={job.postedAt}>{job.posted}</time>
          {job.postedBy ? ` ${t("jobs.job.postedBy", { poster: job.postedBy })}` : ""}
        </dd>
      </dl>
      <section aria-labelledby="apply-title" className="card space-y-2">
        <h2 id="apply-title">{t("jobs.job.apply")}</h2>
        {job.inApp ? (
          job.applicationHref ? (
            <p>
              <Link to={job.applicationHref}>{t("jobs.job.applied")}</Link>
            </p>
          ) : job.applyHref && job.signedIn ? (
            <p>
              <Link to={job.applyHref} className="btn">
                {t("jobs.job.apply")}
              </Link>
            </p>
          ) : job.applyHref ? (
            // A visitor chooses how to get an account first; both ways come back to the form.
            <p>
              <Link to={`/login?redirectTo=${encodeURIComponent(job.applyHref)}`}>{t("common.nav.signIn")}</Link> {t("jobs.job.visitorOr")}{" "}
              <Link to={`/signup?redirectTo=${encodeURIComponent(job.applyHref)}`}>{t("jobs.job.visitorCreate")}</Link> {t("jobs.job.visitorAfter")}
            </p>
          ) : (
            <p>{t("jobs.job.notListedYet")}</p>
          )
        ) : job.applyLink ? (
          <p>
            <a href={job.applyLink} rel="noopener noreferrer nofollow">
              {t("jobs.job.applyExternal")}
            </a>{" "}
            <span className="text-sm text-stone-600">{t("jobs.job.leaves")}</span>
          </p>
        ) : (
          <p>{t("jobs.job.noLink")}</p>
        )}
      </section>
      {job.manage ? (
        <nav aria-label={t("jobs.job.manage")} className="flex flex-wrap gap-3">
          {job.manage.edit ? <Link to={job.manage.edit}>{t("jobs.job.edit")}</Link> : null}
          {job.manage.close ? <Link to={job.manage.close}>{t("jobs.job.close")}</Link> : null}
          <Link to={job.manage.applications}>{t("common.area.applications")}</Link>
        </nav>
      ) : null}
      <section aria-labelledby="about-title" className="space-y-2">
        <h2 id="about-title">{t("jobs.job.about")}</h2>
        {job.description ? (
          <div className="whitespace-pre-line break-words" dir="auto">
            {job.description}
          </div>
        ) : (
          <p>{t("jobs.job.noDescription")}</p>
        )}
      </section>
      {job.review ? (
        <section aria-labelledby="review-title" className="card space-y-2">
          <h2 id="review-title">{t("jobs.job.review")}</h2>
          <p className="text-sm">{t("jobs.job.reviewHelp")}</p>
          <ReviewForms post={job.review} back="/jobs/review" reasonId="reason" error={failed?.error} typedReason={failed?.reason} />
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => {
    const d = args.data!;
    const named = { title: d.title, employer: d.employer };
    return pageMeta(t("common.title.suffix", { title: t("jobs.job.titleAt", named) }), t("jobs.job.metaDescription", { ...named, place: d.place, feed: d.feedLabel }));
  });
