/**
 * /hiring: the jobs the member can manage (their own Ladder posts; for the career team and admins
 * also every job with an application), each with its live applications counted by status.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/Button";
import { MetaLine } from "~/components/ui/Meta";
import { PostStatusPill } from "~/components/ui/StatusPill";
import { isPostState } from "~/components/ui/status";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { hiringJobsCursor } from "~/modules/hiring/cursor.server";
import { listManagedJobs } from "~/modules/hiring/pipeline.server";
import { APPLICATION_STATUSES, feedLabelId, isStaff, pipelineStatusLabel } from "~/modules/hiring/rules";
import { metaFor, pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = hiringJobsCursor.from(url.searchParams.get("after"), "jobs");
  if (after === null) throw brokenPageLink("/hiring");
  const page = await listManagedJobs(getCtx(), { id: user.id, role: user.role }, { after });
  const lang = await languageOf(request);
  const t = translator(lang);
  return {
    staff: isStaff(user.role),
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      key: `${r.feed}/${r.jobId}`,
      href: `/hiring/${r.feed}/${encodeURIComponent(r.jobId)}`,
      title: r.title?.trim() || t("hiring.job.untitled"),
      employer: r.employer,
      feed: t(feedLabelId(r.feed)),
      at: formatDate(r.createdAt, lang),
      posting: isPostState(r.postingStatus) ? r.postingStatus : null,
      mine: r.mine,
      live: r.live,
      withdrawn: r.withdrawn,
      counts: APPLICATION_STATUSES.filter((s) => r.counts[s])
        .map((s) => t("hiring.index.count", { count: r.counts[s], status: pipelineStatusLabel(s, t).toLowerCase() }))
        .join(t("hiring.index.separator")),
    })),
    nextHref: page.next ? `/hiring?after=${encodeURIComponent(hiringJobsCursor.to(page.next, "jobs"))}` : null,
    ...(await pageMessages(request, ["hiring", "jobs", "archive"])),
  };
}

export default function Hiring() {
  const { staff, paged, rows, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="hiring-title" className="space-y-4">
      <h1 id="hiring-title">{t("common.area.hiring")}</h1>
      <p className="text-stone-700">
        {staff ? t("hiring.index.introStaff") : t("hiring.index.introMember")} {t("hiring.index.introOpen")}
      </p>
      <p>
        <Link to="/hiring/archive">{t("archive.list.link")}</Link>
      </p>
      {rows.length === 0 ? (
        <div className="card space-y-2">
          {paged ? (
            <p>{t("hiring.index.noMore")}</p>
          ) : (
            <>
              <p>{t("hiring.index.none")}</p>
              <p>
                <ButtonLink to="/jobs/new">{t("hiring.index.postJob")}</ButtonLink>
              </p>
              <p className="text-sm text-stone-600">
                {t("hiring.index.alumniBefore")} <Link to="/jobs/mine">{t("hiring.index.alumniLink")}</Link>
                {t("hiring.index.alumniAfter")}
              </p>
            </>
          )}
        </div>
      ) : (
        <ul aria-label={t("hiring.index.listLabel")} className="list">
          {rows.map((r) => (
            <li key={r.key} className="space-y-1">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Link to={r.href} className="font-medium" dir="auto">
                  {r.title}
                </Link>
                {r.posting ? <PostStatusPill state={r.posting} /> : null}
              </p>
              <MetaLine
                parts={[
                  r.employer ? <bdi dir="auto">{r.employer}</bdi> : null,
                  r.feed,
                  t("hiring.index.posted", { date: r.at }),
                  r.posting ? null : t("hiring.index.imported"),
                  r.mine ? t("hiring.index.yourPost") : null,
                ]}
              />
              <p className="text-sm">
                {r.live === 0 ? t("hiring.index.noLive") : t("hiring.index.live", { count: r.live, counts: r.counts })}
                {r.withdrawn ? ` · ${t("hiring.index.withdrawn", { count: r.withdrawn })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/hiring">{t("hiring.pager.newest")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("hiring.index.more")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("hiring.index.pageTitle")));
