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
import { metaFor, pageMeta } from "~/lib/meta";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const url = new URL(request.url);
  const after = postingCursor.from(url.searchParams.get("after"), "my-posts");
  if (after === null) throw new Response(t("jobs.brokenLink", { path: "/jobs/mine" }), { status: 400 });
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
      feed: t(FEEDS[r.feed].labelId),
      title: r.title ?? t("jobs.job.untitled"),
      employer: r.employer,
      at: formatDate(r.createdAt, lang),
      status: r.status,
      declineReason: r.status === "declined" ? r.declineReason : null,
    })),
    nextHref: page.next ? `/jobs/mine?after=${encodeURIComponent(postingCursor.to(page.next, "my-posts"))}` : null,
    ...(await pageMessages(request, ["jobs"])),
  };
}

export default function MyPosts() {
  const { rows, nextHref, paged, waiting } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="mine-title" className="space-y-4">
      <h1 id="mine-title">{t("jobs.mine.title")}</h1>
      <p className="flex flex-wrap gap-3">
        <ButtonLink to="/jobs/new">{t("jobs.yours.new")}</ButtonLink>
        <Link to="/jobs">{t("jobs.mine.browse")}</Link>
        {waiting !== null ? <Link to="/jobs/review">{t("jobs.mine.review", { count: waiting })}</Link> : null}
      </p>
      {rows.length === 0 ? (
        <p className="text-stone-600">
          {paged ? (
            t("jobs.mine.noMore")
          ) : (
            <>
              {t("jobs.mine.noneBefore")} <Link to="/jobs/new">{t("jobs.mine.noneLink")}</Link> {t("jobs.mine.noneAfter")}
            </>
          )}
        </p>
      ) : (
        <ul aria-label={t("jobs.mine.title")} className="list">
          {rows.map((r) => (
            <li key={r.key} className="space-y-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link to={r.href} className="font-medium" dir="auto">
                  {r.title}
                </Link>
                <PostStatusPill state={r.status} />
              </p>
              <MetaLine parts={[r.employer ? <bdi>{r.employer}</bdi> : null, r.feed, t("jobs.mine.posted", { date: r.at })]} />
              {r.declineReason ? (
                <p className="break-words text-sm" dir="auto">
                  {t("jobs.status.declinedReason", { reason: r.declineReason })}
                </p>
              ) : null}
              <p className="flex flex-wrap gap-3 text-sm">
                {r.status !== "closed" ? (
                  <>
                    <Link to={r.editHref}>
                      {t("jobs.job.edit")}
                      <span className="sr-only"> {t("jobs.mine.quotedTitle", { title: r.title })}</span>
                    </Link>
                    <Link to={r.closeHref}>
                      {t("jobs.job.close")}
                      <span className="sr-only"> {t("jobs.mine.quotedTitle", { title: r.title })}</span>
                    </Link>
                  </>
                ) : null}
                <Link to={r.hiringHref}>
                  {t("common.area.applications")}
                  <span className="sr-only"> {t("jobs.mine.forTitle", { title: r.title })}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? <Link to={nextHref}>{t("jobs.mine.older")}</Link> : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("jobs.mine.title") })));
