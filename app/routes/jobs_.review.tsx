/** /jobs/review: the career team's queue of posts waiting for approval, oldest first. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { ReviewForms } from "~/components/ReviewForms";
import { MetaLine } from "~/components/ui/Meta";
import { PostStatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { FEEDS, jobLinkOf } from "~/modules/jobs/feeds";
import { postingCursor } from "~/modules/jobs/posting-cursor.server";
import { listReviewQueue } from "~/modules/jobs/posting.server";
import { STAFF_ROLES } from "~/modules/jobs/posting-rules";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { REVIEW_FORM_MAX_BYTES, reviewAction } from "~/modules/jobs/review-form.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, STAFF_ROLES);
  const lang = await languageOf(request);
  const t = translator(lang);
  const url = new URL(request.url);
  const after = postingCursor.from(url.searchParams.get("after"), "review");
  if (after === null) throw new Response(t("jobs.brokenLink", { path: "/jobs/review" }), { status: 400 });
  const ctx = getCtx();
  const [page, { zone }] = await Promise.all([listReviewQueue(ctx, { after }), effectiveZone(ctx, user.id, request)]);
  return {
    paged: Boolean(after),
    here: url.pathname + url.search,
    rows: page.rows.map((r) => ({
      ...jobLinkOf(r.feed, r.jobId),
      version: String(r.version),
      feedLabel: t(FEEDS[r.feed].labelId),
      title: r.title ?? t("jobs.job.untitled"),
      employer: r.employer,
      poster: r.posterName,
      at: formatDateTime(r.postedAt, zone, { lang }),
      description: r.description,
    })),
    nextHref: page.next ? `/jobs/review?after=${encodeURIComponent(postingCursor.to(page.next, "review"))}` : null,
    ...(await pageMessages(request, ["jobs"])),
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
  const t = useT();
  return (
    <section aria-labelledby="review-title" className="space-y-4">
      <h1 id="review-title">{t("jobs.review.title")}</h1>
      <p>{t("jobs.review.intro")}</p>
      {failed && failed.key === null ? (
        <p role="alert" className="rounded border-s-4 border-red-700 bg-red-50 p-3">
          {failed.error}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-stone-600">{t(paged ? "jobs.review.noMore" : "jobs.review.empty")}</p>
      ) : (
        <ul aria-label={t("jobs.review.list")} className="list">
          {rows.map((r, i) => (
            <li key={r.key} className="space-y-2">
              <h2 className="flex flex-wrap items-center gap-x-2 gap-y-1 text-base font-semibold">
                <Link to={r.href} dir="auto">
                  {r.title}
                </Link>
                <PostStatusPill state="pending" />
              </h2>
              <MetaLine
                parts={[r.employer ? <bdi>{r.employer}</bdi> : null, r.feedLabel, t("jobs.review.by", { poster: r.poster ?? t("jobs.review.formerMember") }), r.at]}
              />
              {r.description ? (
                // The whole text, scrolling when long: a reviewer approves the words they read here.
                <div
                  role="region"
                  aria-label={t("jobs.review.descriptionOf", { title: r.title })}
                  tabIndex={0}
                  dir="auto"
                  className="max-h-72 overflow-y-auto whitespace-pre-line break-words rounded border border-stone-200 bg-stone-50 p-2 text-sm"
                >
                  {r.description}
                </div>
              ) : (
                <p className="text-sm">{t("jobs.job.noDescription")}</p>
              )}
              <ReviewForms post={r} back={here} reasonId={`reason-${i}`} error={failed?.key === r.key ? failed.error : undefined} typedReason={failed?.reason} />
            </li>
          ))}
        </ul>
      )}
      {nextHref ? <Link to={nextHref}>{t("jobs.review.more")}</Link> : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("jobs.review.meta") })));

export function ErrorBoundary() {
  // Only the common words reach an error page: this route's own messages come with its data.
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/jobs/review", label: t("common.area.review") }]} />;
}
