/**
 * /hiring/<feed>/<job_id>/candidates: members who let recruiters find them, best match first,
 * with the reasons of each percent (app/modules/hiring/match.ts). Only the job's poster, the
 * career team and admins find the job; everyone else gets 404. 20 a page, keyset on
 * (percent desc, member id).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { MemberCard } from "~/components/ui/MemberCard";
import { StatusPill } from "~/components/ui/StatusPill";
import { VerifiedSkills } from "~/components/VerifiedSkills";
import { Arrow } from "~/components/ui/Arrow";
import { getCtx } from "~/db.server";
import { brokenPageLink } from "~/lib/cursor.server";
import { bidi, dirOf, useT, type Translate } from "~/lib/i18n";
import { pageMessages, translator, languageOf } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { track } from "~/modules/analytics/index.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { candidateJob, candidatesCursor, rankCandidates } from "~/modules/hiring/candidates.server";
import type { Reason } from "~/modules/hiring/match";
import { feedLabelId } from "~/modules/hiring/rules";
import { isFeedSlug } from "~/modules/jobs/feeds";

/**
 * One reason in the reader's words ("Verified SQL 9/10", "3 years as Data analyst", "In Cairo"); what
 * members typed is isolated (`own`), so a Latin word keeps its place in an Arabic sentence.
 */
function reasonText(t: Translate, own: (text: string) => string, r: Reason): string {
  switch (r.kind) {
    case "verified":
      return t("candidates.reason.verified", { name: own(r.name), score: r.score, total: r.total });
    case "skills":
      return t("candidates.reason.skills", { skills: own(r.skills.join(", ")) });
    case "headline":
      return t("candidates.reason.headline", { word: own(r.word) });
    case "experience":
      return t("candidates.reason.experience", { count: r.years, title: own(r.title) });
    case "remote":
      return t("candidates.reason.remote");
    case "city":
      return t("candidates.reason.city", { city: own(r.city) });
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const NOT_FOUND = t("hiring.pipeline.notFound");
  const { feed, jobId } = params;
  if (!isFeedSlug(feed) || !jobId) throw new Response(NOT_FOUND, { status: 404 });
  const ctx = getCtx();
  const job = await candidateJob(ctx, { id: user.id, role: user.role }, feed, jobId);
  if (!job) throw new Response(NOT_FOUND, { status: 404 });
  const base = `/hiring/${feed}/${encodeURIComponent(jobId)}`;
  const scope = `candidates:${feed}/${jobId}` as const;
  const url = new URL(request.url);
  const after = candidatesCursor.from(url.searchParams.get("after"), scope);
  if (after === null) throw brokenPageLink(`${base}/candidates`);
  const page = await rankCandidates(ctx, job, { after, except: user.id });
  const own = dirOf(lang) === "rtl" ? bidi : (text: string) => text;
  // A view of the first page is one use of the feature; paging through it is not another.
  if (!after) await track(ctx, { userId: user.id, type: "candidates_viewed", metadata: { feed, jobId, shown: page.rows.length } });
  return {
    title: job.title?.trim() || t("hiring.job.untitled"),
    employer: job.employer,
    feedLabel: t(feedLabelId(feed)),
    base,
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      userId: r.userId,
      name: r.name?.trim() || t("candidates.page.noName"),
      headline: r.headline,
      avatarUrl: r.avatarUrl,
      percent: r.percent,
      reasons: r.reasons.map((reason) => reasonText(t, own, reason)),
      verified: r.verified.map((v) => ({ name: v.name, score: v.score, total: v.total })),
    })),
    nextHref: page.next ? `${base}/candidates?${new URLSearchParams({ after: candidatesCursor.to(page.next, scope) })}` : null,
    ...(await pageMessages(request, ["candidates"])),
  };
}

export default function JobCandidates() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="candidates-title" className="space-y-4">
      <p className="text-sm">
        <Link to={d.base}>
          <Arrow to="back" /> {t("candidates.page.back")}
        </Link>
      </p>
      <h1 id="candidates-title">
        {t("candidates.page.title")}: <bdi dir="auto">{d.title}</bdi>
      </h1>
      <p className="text-stone-700">
        {d.employer ? (
          <>
            <bdi dir="auto">{d.employer}</bdi> ·{" "}
          </>
        ) : null}
        {d.feedLabel}
      </p>
      <p className="text-sm text-stone-600">{t("candidates.page.intro")}</p>
      {d.rows.length === 0 ? (
        <p className="card">{d.paged ? t("candidates.page.noMore") : t("candidates.page.none")}</p>
      ) : (
        <ol aria-label={t("candidates.page.listLabel")} className="list">
          {d.rows.map((r) => (
            <li key={r.userId}>
              <MemberCard id={r.userId} name={r.name} avatarUrl={r.avatarUrl} href={`/u/${r.userId}`} badge={<StatusPill tone={r.percent >= 50 ? "green" : "stone"}>{t("candidates.page.percent", { percent: r.percent })}</StatusPill>}>
                {r.headline ? (
                  <p className="break-words text-sm" dir="auto">
                    {r.headline}
                  </p>
                ) : null}
                <p className="text-sm">{r.reasons.length ? r.reasons.join(t("candidates.page.separator")) : t("candidates.page.noReasons")}</p>
                <VerifiedSkills skills={r.verified} label={t("candidates.page.verified")} badge={(v) => t("candidates.page.badge", { ...v })} />
                <p className="flex flex-wrap gap-3 text-sm">
                  <Link to={`/u/${r.userId}`}>{t("candidates.page.profile")}</Link>
                  <Link to={`${d.base}/candidates/${r.userId}/archive`}>{t("candidates.page.archive")}</Link>
                </p>
              </MemberCard>
            </li>
          ))}
        </ol>
      )}
      <p className="flex flex-wrap gap-3">
        {d.paged ? <Link to={`${d.base}/candidates`}>{t("candidates.page.first")}</Link> : null}
        {d.nextHref ? <Link to={d.nextHref}>{t("candidates.page.more")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("candidates.page.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/hiring", label: t("common.area.hiring") }]} />;
}
